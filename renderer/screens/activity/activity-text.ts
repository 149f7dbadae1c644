import type { ActivityRow } from '../../../shared/closing-types';
import type { ActivityKind } from '../../../shared/domain/activity';
import type { HistoryEntry } from '../../../shared/types';
import type { MessageKey } from '../../i18n/t';
import { t } from '../../i18n/t';
import { historyText } from '../tab/history-message';

/** How the screen writes money, moments and business days: the store's, passed in. */
export type ActivityFormat = {
  money: (minor: number) => string;
  when: (at: string) => string;
  date: (businessDate: string) => string;
  /** A staff member's name by id (archived people too), for rows that name only the id. */
  person: (staffId: number) => string | null;
};

type Detail = Record<string, unknown>;

const kindKeys: Record<ActivityKind, MessageKey> = {
  signIn: 'activity.kind.signIn',
  tabs: 'activity.kind.tabs',
  lines: 'activity.kind.lines',
  comps: 'activity.kind.comps',
  payments: 'activity.kind.payments',
  drawer: 'activity.kind.drawer',
  day: 'activity.kind.day',
  catalog: 'activity.kind.catalog',
  settings: 'activity.kind.settings',
  staff: 'activity.kind.staff',
  backup: 'activity.kind.backup',
};

export function kindName(kind: ActivityKind): string {
  return t(kindKeys[kind]);
}

const roleKeys: Record<string, MessageKey> = { owner: 'session.role.owner', manager: 'session.role.manager', staff: 'session.role.staff' };

function parse(text: string): Detail {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Detail) : {};
  } catch {
    return {};
  }
}

const str = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
const num = (value: unknown): number => (typeof value === 'number' ? value : 0);
const role = (value: unknown): string => {
  const key = roleKeys[str(value)];
  return key ? t(key) : str(value);
};
/** The fields an edit touched, leaving out the id that says which row it was. */
const fields = (detail: Detail, id: string): string =>
  Object.keys(detail)
    .filter((k) => k !== id)
    .join(', ');

/** A PIN attempt: accepted, a wrong one (how many in a row), or refused while locked out. */
function pinText(detail: Detail, ok: MessageKey, wrong: MessageKey, locked: MessageKey): string {
  const vars = { command: str(detail.command), wrong: str(detail.wrong) };
  if (detail.ok === true) return t(ok, vars);
  return detail.refused === 'locked' ? t(locked, vars) : t(wrong, vars);
}

function staffText(command: string, d: Detail, f: ActivityFormat): string | null {
  // A role change records the id alone; the name is looked up, as the person is called now.
  const name = typeof d.name === 'string' ? d.name : typeof d.staffId === 'number' ? (f.person(d.staffId) ?? '') : '';
  switch (command) {
    case 'staff.create':
      return t('activity.what.staffCreate', { name, role: role(d.role) });
    case 'staff.update':
      if (d.was !== undefined && d.role !== undefined) return t('activity.what.staffRenameRole', { was: str(d.was), name, role: role(d.role) });
      if (d.was !== undefined) return t('activity.what.staffRename', { was: str(d.was), name });
      if (d.role !== undefined) return t('activity.what.staffRole', { name, role: role(d.role) });
      return t('activity.what.staffUpdate');
    case 'staff.resetPin':
      return t('activity.what.staffResetPin', { name });
    case 'staff.archive':
      return t('activity.what.staffArchive', { name });
    case 'staff.restore':
      return t('activity.what.staffRestore', { name });
    case 'staff.unlock':
      return t('activity.what.staffUnlock', { name });
    default:
      return null;
  }
}

function drawerText(command: string, d: Detail, f: ActivityFormat): string | null {
  const amount = (value: unknown) => f.money(num(value));
  switch (command) {
    case 'drawer.open':
      return t('activity.what.drawerOpen', { amount: amount(d.floatMinor) });
    case 'drawer.paid_in':
      return t('activity.what.paidIn', { amount: amount(d.amountMinor), reason: str(d.reason) });
    case 'drawer.paid_out':
      return t('activity.what.paidOut', { amount: amount(d.amountMinor), reason: str(d.reason) });
    case 'drawer.count':
      return t('activity.what.count', { amount: amount(d.countedMinor) });
    case 'drawer.recount':
      return t('activity.what.recount', { amount: amount(d.countedMinor) });
    case 'drawer.close': {
      const vars = { counted: amount(d.countedMinor), expected: amount(d.expectedMinor), variance: amount(d.varianceMinor), reason: str(d.reason) };
      return t(vars.reason ? 'activity.what.drawerCloseReason' : 'activity.what.drawerClose', vars);
    }
    default:
      return null;
  }
}

function catalogText(command: string, d: Detail, f: ActivityFormat): string | null {
  switch (command) {
    case 'catalog.createCategory':
      return t('activity.what.createCategory', { name: str(d.name) });
    case 'catalog.updateCategory':
      return t('activity.what.updateCategory', { fields: fields(d, 'categoryId') });
    case 'catalog.createItem':
      return t('activity.what.createItem', { name: str(d.name), price: f.money(num(d.priceMinor)) });
    case 'catalog.updateItem':
      return t('activity.what.updateItem', { fields: fields(d, 'itemId') });
    case 'catalog.archiveItem':
      return t(d.archived === false ? 'activity.what.restoreItem' : 'activity.what.archiveItem');
    case 'catalog.loadStarter':
      return t('activity.what.loadStarter', { kind: str(d.kind) });
    default:
      return null;
  }
}

/** Customers are named by number: the audit keeps no personal details, which may be erased later. */
function customerText(command: string, d: Detail): string | null {
  const id = str(d.customerId);
  switch (command) {
    case 'customer.create':
      return t('activity.what.customerCreate', { id });
    case 'customer.update':
      return t('activity.what.customerUpdate', { id, fields: fields(d, 'customerId') });
    case 'customer.archive':
      return t(d.archived === false ? 'activity.what.customerRestore' : 'activity.what.customerArchive', { id });
    case 'customer.erase':
      return t('activity.what.customerErase', { id });
    case 'customer.merge':
      return t('activity.what.customerMerge', { merged: str(d.mergeId), kept: str(d.keepId) });
    default:
      return null;
  }
}

function otherText(command: string, d: Detail, f: ActivityFormat): string | null {
  switch (command) {
    case 'session.signIn':
      return pinText(d, 'activity.what.signIn', 'activity.what.signInWrong', 'activity.what.signInLocked');
    case 'session.setup':
      return t('activity.what.setup');
    case 'session.end':
      return t(d.reason === 'lock' ? 'activity.what.end.lock' : d.reason === 'idle' ? 'activity.what.end.idle' : 'activity.what.end.signOut');
    case 'approval.pin':
      return pinText(d, 'activity.what.approvalPin', 'activity.what.approvalPinWrong', 'activity.what.approvalPinLocked');
    case 'approval.grant':
      return t('activity.what.approvalGrant', { command: str(d.command) });
    case 'staff.lockout':
      return t('activity.what.lockout', { until: typeof d.until === 'string' ? f.when(d.until) : '' });
    case 'day.close':
      return t('activity.what.dayClose', { date: f.date(str(d.businessDate)), number: str(d.zNumber) });
    case 'store.update':
      return t('activity.what.storeUpdate', { fields: fields(d, '') });
    case 'backup.restore':
      return t('activity.what.backupRestore', { name: str(d.restoredFrom) });
    case 'ledger.continue': {
      // An owner went on past the seal: what the seal check found, and the owner's own reason.
      const seal = d.seal !== null && typeof d.seal === 'object' ? (d.seal as Detail) : {};
      const vars = { problem: str(seal.problem), reason: str(d.reason), name: str(d.restoredFrom) };
      return t(vars.name ? 'activity.what.ledgerContinueFrom' : 'activity.what.ledgerContinue', vars);
    }
    default:
      return null;
  }
}

/**
 * One audit row in words, in the store's money: what happened on a tab is worded as the tab's own
 * history words it; an action this screen has no words for is shown by its command name.
 */
export function activityText(row: ActivityRow, f: ActivityFormat): string {
  const d = parse(row.detail);
  if (row.command.startsWith('tab.') || row.command.startsWith('settle.') || row.command.startsWith('token.')) {
    const entry: HistoryEntry = { at: row.at, staffName: row.staffName, action: row.command, detail: d as HistoryEntry['detail'] };
    return historyText(entry, f.money);
  }
  const text =
    staffText(row.command, d, f) ??
    drawerText(row.command, d, f) ??
    catalogText(row.command, d, f) ??
    customerText(row.command, d) ??
    otherText(row.command, d, f);
  return (text ?? t('activity.what.other', { command: row.command })).replace(/\s+/g, ' ').trim();
}
