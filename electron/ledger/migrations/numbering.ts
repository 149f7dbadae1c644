import type { Migration } from './index';

/**
 * Migrations are applied by position and recorded by number (PRAGMA user_version = how many
 * have run), so the list must be exactly versions 1..N in order: a gap, a repeat or a swap would
 * skip a schema change on some ledgers or run one twice. Checked when the list is built, so a
 * wrong list stops the app at start rather than migrating a shop's ledger wrongly.
 */
export function assertNumbered(list: readonly Migration[]): readonly Migration[] {
  list.forEach((migration, index) => {
    const expected = index + 1;
    if (migration.version !== expected) {
      throw new Error(
        `migration "${migration.name}" is number ${migration.version} but stands at place ${expected}: migrations are numbered 1..N in order, without gaps or repeats`,
      );
    }
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(migration.name)) {
      throw new Error(`migration ${migration.version} is named "${migration.name}": a name is lower-case words joined by hyphens, as in its file name`);
    }
  });
  return list;
}

/** The file a migration lives in: its number in three digits and its name ("003-closing.ts"). */
export function migrationFileName(migration: Pick<Migration, 'version' | 'name'>): string {
  return `${String(migration.version).padStart(3, '0')}-${migration.name}.ts`;
}
