import { lazy, type ComponentType } from 'react';

/**
 * A screen whose code is fetched the first time someone opens it, as its own chunk: the reports
 * with their chart library, the settings, the backups and the rest stay out of the first paint.
 * The screens use named exports; React.lazy wants a default one, so this picks the name.
 */
export function lazyScreen<Name extends string, Module extends Record<Name, ComponentType>>(load: () => Promise<Module>, name: Name) {
  return lazy(async () => ({ default: (await load())[name] }));
}
