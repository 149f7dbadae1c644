import type { AppEvent } from './types';

/**
 * The events that only say "this changed, ask again". A tab change names its tabs (and carries
 * their cards); a printer's problem is news about this PC, not a change a command declares.
 */
export type ChangeEvent = Exclude<AppEvent['type'], 'tabs.changed' | 'printer.problem'>;

/** The tabs a command changed; 'all' where every tab's card may show the change (a customer's name, the store's currency). */
export type ChangedTabs = readonly number[] | 'all';

/**
 * What a command tells every window once it has committed: the kinds of things it changed, and
 * which tabs, read off its input and its result. The dispatcher pushes a ledger command's events
 * from this declaration; the host pushes its own commands' (backups, sign-in), and a test holds
 * them to what they declare. No declaration is chosen by a command's name.
 */
export type CommandEvents<In = unknown, Out = unknown> = {
  readonly changes: readonly ChangeEvent[];
  // A method, so that one command's declaration, typed by its input and result, fits CommandDef.
  tabs?(input: In, result: Out): ChangedTabs;
};

/** A command that changes these kinds of things and no tab. */
export function changes(...types: ChangeEvent[]): CommandEvents {
  return { changes: types };
}

/** A command on the one tab its input names. */
export const onTab: CommandEvents<{ tabId: number }> = { changes: [], tabs: (input) => [input.tabId] };

/** A change every tab's card may show: each board asks for the list again. */
export function everyTab(...types: ChangeEvent[]): CommandEvents {
  return { changes: types, tabs: () => 'all' };
}
