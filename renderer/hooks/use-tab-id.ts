import { useParams } from 'react-router';

/** The :tabId of the current route as a positive integer, or null when it is not one. */
export function useTabId(): number | null {
  const { tabId } = useParams();
  const id = Number(tabId);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}
