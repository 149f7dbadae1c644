import type { Message } from '../messages';

/** The token slip: shown to the customer or printed when a tab opens. */
export const slip = {
  'slip.title': 'Token slip',
  'slip.loading': 'Loading the slip…',
  'slip.notFound': 'There is no tab #{id}. It may have been opened by mistake or the link is wrong.',
  'slip.tokenLabel': 'Your token',
  'slip.opened': 'Opened {time}',
  'slip.expectHeading': 'What to expect',
  'slip.print': 'Print',
  'slip.goToTab': 'Go to tab',
  'slip.backToBoard': 'Back to board',
  'slip.closed': 'This tab is no longer open.',
} as const satisfies Record<string, Message>;
