import { useEffect, useState } from 'react';
import type { Customer } from '../../../shared/customer-types';
import { api, onEvent } from '../../api';
import { describeError } from '../../i18n/describe-error';

export type CustomerSearch = { results: Customer[] | null; error: string | null };

/** Typing pauses this long before a search is sent, so each key press does not ask the ledger. */
const PAUSE_MS = 150;

/**
 * The one search field's answers: a name or a phone's digits (empty lists the latest), asked again
 * when any profile changes. A late answer to an older query never replaces a newer one.
 */
export function useCustomerSearch(query: string, enabled = true): CustomerSearch {
  const [state, setState] = useState<CustomerSearch>({ results: null, error: null });
  useEffect(() => {
    if (!enabled) return;
    let active = true;
    let sent = 0;
    const run = (): void => {
      const seq = ++sent;
      void api['customer.search']({ query }).then((result) => {
        if (!active || seq !== sent) return;
        setState(result.ok ? { results: result.value, error: null } : (prev) => ({ results: prev.results, error: describeError(result.error) }));
      });
    };
    const timer = setTimeout(run, query === '' ? 0 : PAUSE_MS);
    const unsubscribe = onEvent((event) => {
      if (event.type === 'customers.changed' || event.type === 'resync') run();
    });
    return () => {
      active = false;
      clearTimeout(timer);
      unsubscribe();
    };
  }, [query, enabled]);
  return state;
}
