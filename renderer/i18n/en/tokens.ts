import type { Message } from '../messages';

/** Issuing a token: the pool grid and the optional details of the new tab. */
export const tokens = {
  'tokens.title': 'Choose a token',
  'tokens.loading': 'Loading the tokens…',
  'tokens.loadFailed': 'The tokens could not be loaded. {message}',
  'tokens.name': 'Name (optional)',
  'tokens.label': 'Seat, table or chair (optional)',
  'tokens.note': 'Note (optional)',
  'tokens.gridLabel': 'Tokens {first}–{last}',
  'tokens.free': 'free',
  'tokens.held': 'held',
  'tokens.tokenButton': 'Token {token}',
  'tokens.selected': 'Token {token} selected.',
  'tokens.pickFirst': 'Pick a free token in the grid below.',
  'tokens.openSelected': 'Open tab on token {token}',
  'tokens.open': 'Open tab',
  'tokens.opening': 'Opening…',
  'tokens.openNext': 'Open on next free token',
  'tokens.heldNow': 'token {token} is already held by an open tab. Pick another token.',
  'tokens.pickAnother': 'Pick another token.',
  'tokens.noneFree': 'Every token is held. Settle or write off a tab to free one.',
} as const satisfies Record<string, Message>;
