import { lazy, type ComponentType } from 'react';

/**
 * A screen whose code is fetched the first time someone opens it, as its own chunk: the reports
 * with their chart library, the settings, the backups and the rest stay out of the first paint.
 * The screens use named exports; React.lazy wants a default one, so this picks the name.
 * `preload()` fetches the code ahead of the first visit; a failure is left for the visit to show.
 */
export function lazyScreen<Name extends string, Module extends Record<Name, ComponentType>>(load: () => Promise<Module>, name: Name) {
  const Screen = lazy(async () => ({ default: (await load())[name] }));
  return Object.assign(Screen, {
    preload(): Promise<void> {
      return load().then(
        () => undefined,
        () => undefined,
      );
    },
  });
}

/**
 * Runs work once the page has nothing better to do (within a second at most), so fetching code
 * ahead never competes with drawing what someone is waiting for. Returns the cancel.
 */
export function whenIdle(work: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(work, { timeout: 1000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(work, 200);
  return () => clearTimeout(id);
}
