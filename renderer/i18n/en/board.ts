import type { Message } from '../messages';

/** The tab board and the tab cards on it. */
export const board = {
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
} as const satisfies Record<string, Message>;
