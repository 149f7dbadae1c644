/** A message is plain text, or plural forms chosen with Intl.PluralRules by `count`. */
export type PluralForms = { one: string; other: string };
export type Message = string | PluralForms;

/**
 * Every word the renderer shows. A translation is one more file with the same keys
 * (`satisfies Messages`); placeholders are written {name}.
 */
export const en = {
  'app.name': 'Aftertab',

  'board.loading': 'Loading the open tabs…',
  'board.openTab': 'Open a tab',
  'board.opening': 'Opening…',
  'board.openFailed': 'The tab was not opened. {message}',
  'board.loadFailed': 'The open tabs could not be loaded. {message}',
  'board.tabsHeading': { one: '1 open tab', other: '{count} open tabs' },
  'board.empty': 'No open tabs. Press "Open a tab" to hand out the next token.',

  'tab.token': 'Token {token}',
  'tab.noName': 'No name yet',
  'tab.items': { one: '1 item', other: '{count} items' },
  'tab.due': 'Due {amount}',

  'access.heading': 'Open Aftertab from its link',
  'access.missing':
    'This page needs the private link that Aftertab printed when it started. Open the exact link printed by "npm run start:web" — the one ending in #secret=… — in this browser.',
  'access.rejected':
    'This link belongs to an earlier start of Aftertab, so it no longer works. Open the exact link printed by "npm run start:web" the last time it started.',
  'access.where': 'Look for this line in the terminal:',
  'access.example': 'Aftertab is running at http://127.0.0.1:…/#secret=…',

  'errors.offline': 'Aftertab is not answering. Check that it is still running, then try again.',
  'errors.unreadable': 'Aftertab sent an answer this screen cannot read (HTTP {status}). Try again.',
  'errors.noLink': 'Open the exact link printed by "npm run start:web".',
} as const satisfies Record<string, Message>;

export type MessageKey = keyof typeof en;
export type Messages = { [K in MessageKey]: (typeof en)[K] extends string ? string : PluralForms };
