import { useSyncExternalStore } from 'react';
import { getAccess, subscribeAccess } from './api';
import { LinkRequiredScreen } from './screens/access/LinkRequiredScreen';
import { BoardScreen } from './screens/board/BoardScreen';

export function App() {
  const access = useSyncExternalStore(subscribeAccess, getAccess);
  return access === 'granted' ? <BoardScreen /> : <LinkRequiredScreen access={access} />;
}
