import { errorsEn } from '../../shared/i18n/errors-en';
import type { Message, PluralForms } from './messages';
import { board } from './en/board';
import { common } from './en/common';
import { tokens } from './en/tokens';
import { slip } from './en/slip';
import { catalog } from './en/catalog';
import { settings } from './en/settings';
import { tabDetail } from './en/tab';
import { settle } from './en/settle';
import { drawer } from './en/drawer';
import { reports } from './en/reports';
import { backup } from './en/backup';
import { staff } from './en/staff';
import { session } from './en/session';
import { activity } from './en/activity';
import { customers } from './en/customers';
import { appointments } from './en/appointments';
import { loyalty } from './en/loyalty';

export type { Message, PluralForms } from './messages';

/**
 * Every word the renderer shows in English, one module per screen under en/. A translation is
 * one more folder with the same keys (`satisfies Messages`); placeholders are written {name}.
 */
export const en = {
  ...errorsEn,
  ...common,
  ...board,
  ...tokens,
  ...slip,
  ...catalog,
  ...settings,
  ...tabDetail,
  ...settle,
  ...drawer,
  ...reports,
  ...backup,
  ...staff,
  ...session,
  ...activity,
  ...customers,
  ...appointments,
  ...loyalty,
} as const satisfies Record<string, Message>;

export type MessageKey = keyof typeof en;
export type Messages = { [K in MessageKey]: (typeof en)[K] extends string ? string : PluralForms };
