import type { Message } from '../messages';

/** Words every screen shares: the app, access, navigation, errors. */
export const common = {
  'app.name': 'Aftertab',

  'nav.label': 'Main',
  'nav.board': 'Tabs',
  'nav.catalog': 'Catalog',
  'nav.settings': 'Settings',
  'nav.back': '← Back',
  'common.loading': 'Loading…',
  'common.save': 'Save',
  'common.cancel': 'Cancel',
  'common.unsavedLeave': 'You have unsaved changes. Save them, or press Esc again to leave without saving.',
  'common.notFound': 'This tab does not exist. Go back to the board.',

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
