import type { DeviceView } from './device-types';
import type { PaperPreview, PrintOutcome } from './paper/paper-doc';
import { paperDocument, printerUpdate } from './printer-schemas';
import { uiLanguages } from './i18n/languages';
import { z } from 'zod';
import { changes, everyTab, onTab, type CommandEvents } from './command-events';
import type { Permission } from './permissions';
import * as s from './schemas';
import type * as C from './closing-types';
import type * as DT from './dashboard-types';
import { dashboardTables } from './dashboard-types';
import type * as T from './types';
import type * as CT from './customer-types';
import { customerFields, email, phone } from './customer-schemas';
import type * as ST from './salon-types';
import * as ss from './salon-schemas';
import type * as LT from './loyalty-types';
import type * as RT from './refund-types';
import { refundDraft, refundInput } from './refund-schemas';
import type * as FR from './first-run-types';
import type { ProfileExport } from './profile-export-types';
import { PROFILE_TEXT_MAX } from './first-run-types';
import { loyaltySettings } from './loyalty-schemas';
import { receiptHeaderUpdate } from './receipt-header';
import { ratings, tipSplits } from './types';
import { roles } from './permissions';
import { activityKinds } from './domain/activity';
import { TIP_CONFIRM_PERCENT_MAX, TIP_CONFIRM_PERCENT_MIN } from './domain/large-amounts';
import { SERVICE_MINUTES_MAX, SERVICE_MINUTES_MIN, SERVICE_MINUTES_STEP } from './domain/service-time';

/**
 * Every command the main process answers: its input schema, the permission it needs, whether
 * it changes the ledger (and so needs a command id), and its result type. Handlers, the
 * preload object and the renderer's API are all derived from this one object.
 */
export type CommandDef<I extends z.ZodType = z.ZodType, R = unknown> = {
  input: I;
  permission: Permission;
  mutates: boolean;
  /** Type-only marker for the result; never set or read at run time. */
  result?: [R];
  /**
   * Runs in the host (asynchronously, outside any ledger transaction and without command-id
   * replay): backups and restores, which copy or replace the database file itself.
   */
  host?: true;
  /**
   * Answered before anyone signs in: the PIN pad's commands, and recovery while the ledger is
   * damaged. Everything else is refused with `unauthorized` until a session exists.
   */
  public?: true;
  /**
   * What it tells every window once it has changed something (shared/command-events.ts): every
   * mutation declares it; a host command where the host pushes events for it. Queries push none.
   */
  events?: CommandEvents<z.output<I>, R>;
};

function query<R>() {
  return <I extends z.ZodType>(input: I, permission: Permission): CommandDef<I, R> => ({ input, permission, mutates: false });
}
function host<R>() {
  return <I extends z.ZodType>(input: I, permission: Permission, events?: CommandEvents<z.output<I>, R>): CommandDef<I, R> => ({
    input,
    permission,
    mutates: false,
    host: true,
    ...(events ? { events } : {}),
  });
}
function signIn<R>() {
  return <I extends z.ZodType>(input: I, events?: CommandEvents<z.output<I>, R>): CommandDef<I, R> => ({
    input,
    permission: 'session',
    mutates: false,
    host: true,
    public: true,
    ...(events ? { events } : {}),
  });
}
function mutation<R>() {
  return <I extends z.ZodType>(input: I, permission: Permission, events: CommandEvents<z.output<I>, R>): CommandDef<I, R> => ({
    input,
    permission,
    mutates: true,
    events,
  });
}

/** A restore, or continuing on a ledger past its seal: everything on every screen may differ. */
const wholeLedger = everyTab('store.changed', 'catalog.changed', 'drawer.changed', 'day.changed', 'backup.changed', 'customers.changed');

const taxRate = z.object({ rateMilli: s.rateMilli, label: s.requiredName(40) }).strict();

const storeUpdate = z
  .object({
    name: s.requiredName(80).optional(),
    currency: s.currency.optional(),
    locale: s.locale.optional(),
    taxMode: z.enum(['inclusive', 'exclusive']).optional(),
    taxRates: z.array(taxRate).min(1).max(8).optional(),
    tokenFirst: s.token.optional(),
    tokenLast: s.token.optional(),
    cashRoundingMinor: z.number().int().min(1).max(100_000).optional(),
    openingHours: ss.openingHours.optional(),
    depositPolicy: ss.depositPolicy.optional(),
    /** The loyalty setting as a whole: off, a stamp card or points (shared/loyalty-types.ts). */
    loyalty: loyaltySettings.optional(),
    amberMinutes: z.number().int().min(1).max(1440).optional(),
    redMinutes: z.number().int().min(1).max(1440).optional(),
    idleLockMinutes: z
      .number({ error: 'errors.field.idleLockMinutes' })
      .int('errors.field.idleLockMinutes')
      .min(1, 'errors.field.idleLockMinutes')
      .max(240, 'errors.field.idleLockMinutes')
      .optional(),
    approvalCompPercent: z
      .number({ error: 'errors.field.approvalCompPercent' })
      .int('errors.field.approvalCompPercent')
      .min(0, 'errors.field.approvalCompPercent')
      .max(100, 'errors.field.approvalCompPercent')
      .optional(),
    approvalCompMinor: s.amount.optional(),
    tipApprovalPercent: z
      .number({ error: 'errors.field.tipApprovalPercent' })
      .int('errors.field.tipApprovalPercent')
      .min(TIP_CONFIRM_PERCENT_MIN, 'errors.field.tipApprovalPercent')
      .max(TIP_CONFIRM_PERCENT_MAX, 'errors.field.tipApprovalPercent')
      .optional(),
    tipConfirmPercent: z
      .number({ error: 'errors.field.tipConfirmPercent' })
      .int('errors.field.tipConfirmPercent')
      .min(TIP_CONFIRM_PERCENT_MIN, 'errors.field.tipConfirmPercent')
      .max(TIP_CONFIRM_PERCENT_MAX, 'errors.field.tipConfirmPercent')
      .optional(),
    payAfterTerms: s.readableText(280).optional(),
    /** Minutes after local midnight at which one business day ends and the next begins. */
    dayBoundaryMinutes: z.number().int().min(0).max(1439).optional(),
    timeZone: s.timeZone.optional(),
    /** The receipt's header (legal name, address lines, tax number, a PNG or JPEG logo) and the language paper is printed in. */
    ...receiptHeaderUpdate,
  })
  .strict();

const itemFields = {
  categoryId: s.id.nullable(),
  name: s.requiredName(80),
  kind: z.enum(['product', 'service']),
  priceMinor: s.amount,
  rateMilli: s.rateMilli,
  /** A service's result, limits and aftercare; a product's must be empty (checked by the service). */
  expectText: s.readableText(280),
  /** A service's minutes (required for one, refused for a product); null or absent for none. */
  durationMinutes: z
    .number({ error: 'errors.field.serviceMinutes' })
    .int('errors.field.serviceMinutes')
    .min(SERVICE_MINUTES_MIN, 'errors.field.serviceMinutes')
    .max(SERVICE_MINUTES_MAX, 'errors.field.serviceMinutes')
    .multipleOf(SERVICE_MINUTES_STEP, 'errors.field.serviceMinutes')
    .nullable()
    .optional(),
};

const tabRef = z.object({ tabId: s.id }).strict();

const paymentBase = {
  tabId: s.id,
  /** Applied to the tab; defaults to the split part's amount, or to everything due. */
  amountMinor: s.amount.optional(),
  /** A tip as an amount, or as a percentage of this payment (computed by the ledger); not both. */
  tipMinor: s.amount.optional(),
  tipPercent: z
    .number({ error: 'errors.field.tipPercent' })
    .int('errors.field.tipPercent')
    .min(0, 'errors.field.tipNegative')
    .max(100, 'errors.field.tipMax')
    .optional(),
  /**
   * How the tip is shared among the staff who served the tab's lines: by their share of the
   * lines (the default), evenly, or all to `tipStaffId`. A tab with no served lines tips whoever
   * takes the payment.
   */
  tipSplit: z.enum(tipSplits).optional(),
  /** With tipSplit 'person' (or alone, which means the same): who the whole tip is for. */
  tipStaffId: s.id.optional(),
  partNo: z.number().int().min(1).max(50).optional(),
  reference: s.readableText(80).default(''),
  /**
   * The amounts the person confirmed in words: a tip above the store's share of the bill. Each
   * counts for exactly that amount; without it such a payment is refused and nothing is posted.
   */
  confirmed: z.object({ tipMinor: s.amount.optional() }).strict().optional(),
};

const payment = z.discriminatedUnion('method', [
  z
    .object({
      ...paymentBase,
      method: z.literal('cash'),
      tenderedMinor: s.amount.optional(),
      /** In cash also what was handed over, when it is more than any one note beyond what is owed. */
      confirmed: z.object({ tipMinor: s.amount.optional(), tenderedMinor: s.amount.optional() }).strict().optional(),
    })
    .strict(),
  z.object({ ...paymentBase, method: z.literal('card') }).strict(),
  z.object({ ...paymentBase, method: z.literal('other') }).strict(),
]);

/**
 * Some units of a line for one part of a split by lines. `comped` says which units of a line
 * with comped and full-price ones (the comped units owe less); a line of one kind leaves it out.
 */
const unitPick = z.object({ lineId: s.id, qty: s.qty, comped: z.boolean().optional() }).strict();

const splitPlan = z.discriminatedUnion('mode', [
  z.object({ tabId: s.id, mode: z.literal('even'), parts: z.number().int().min(2).max(50) }).strict(),
  z.object({ tabId: s.id, mode: z.literal('amounts'), amountsMinor: z.array(s.positiveAmount).min(1).max(50) }).strict(),
  z.object({ tabId: s.id, mode: z.literal('lines'), groups: z.array(z.array(unitPick).min(1).max(200)).min(2).max(50) }).strict(),
]);

export const contract = {
  'store.get': query<T.StoreSettings>()(s.empty, 'tabs.read'),
  'store.update': mutation<T.StoreSettings>()(storeUpdate, 'store.manage', everyTab('store.changed', 'day.changed')),
  /**
   * The store's setup as a store profile, to install a second shop the same way or a replacement PC:
   * settings, catalog and staff names from the ledger, and this PC's backup and printer settings
   * (host-side, which is why it is a host command). Never PINs or sales. backup.manage, the owners'
   * permission to move a store between PCs (the backup folder, a restore): the file takes the whole
   * setup, where its backups go included, off this PC.
   */
  'store.exportProfile': host<ProfileExport>()(s.empty, 'backup.manage'),

  /** The PIN pad: the store's name, the staff to tap, and whether the owner must set a first PIN. */
  'session.state': signIn<T.SessionState>()(s.empty),
  /** Signs a person in on this window (Electron) or starts a client session (web host, token in the answer). */
  'session.signIn': signIn<T.SignInResult>()(z.object({ staffId: s.id, pin: s.pin }).strict(), changes('staff.changed')),
  /** First run only (no owner has a PIN): the first owner sets one, and is signed in. */
  'session.setup': signIn<T.SignInResult>()(
    z
      .object({ pin: s.pin, pinAgain: s.pin })
      .strict()
      .refine((v) => v.pin === v.pinAgain, { message: 'errors.field.pinAgain', path: ['pinAgain'] }),
    changes('staff.changed'),
  ),
  /**
   * First run with a store profile from the host (--profile, or the one a per-store build ships):
   * the profile to show before anything is set up, or null when there is none or the ledger is
   * no longer fresh. Applying takes no input: the host applies its own file, never one a page sends.
   */
  'firstRun.profile': { ...host<FR.FirstRunPreview | null>()(s.empty, 'session'), public: true },
  'firstRun.applyProfile': { ...host<FR.ProfileApplied>()(s.empty, 'session', changes('store.changed', 'catalog.changed', 'staff.changed')), public: true },
  /**
   * First run without a profile from the host: the text of a profile file the owner picked on the
   * page ("Import a store profile…"). The host reads it as it reads its own file and holds it for
   * firstRun.applyProfile, answering what it would set up, or every problem in it by path.
   */
  'firstRun.previewImport': {
    ...host<FR.ImportPreview>()(z.object({ text: z.string().max(PROFILE_TEXT_MAX, 'errors.profile.tooLarge') }).strict(), 'session'),
    public: true,
  },
  /**
   * First run without a profile from the host: the store the setup wizard built on the page, as a
   * store profile. Never trusted: the host reads it as a profile file (every field and the rules
   * between them) and applies it in one transaction, only on a fresh ledger.
   */
  'firstRun.applyWizard': {
    ...host<FR.ProfileApplied>()(
      z.object({ profile: z.record(z.string(), z.unknown()) }).strict(),
      'session',
      changes('store.changed', 'catalog.changed', 'staff.changed'),
    ),
    public: true,
  },
  /**
   * This PC's own settings, kept on the PC (never in the ledger): the language its screens speak
   * (null: the store's) and its printer. Read before sign-in too: the PIN pad speaks the PC's language.
   */
  'device.get': { ...host<DeviceView>()(s.empty, 'session'), public: true },
  'device.update': host<DeviceView>()(
    z
      .object({
        /** 'store': follow the store's language. */
        language: z.enum([...uiLanguages, 'store']).optional(),
        /**
         * The system's printing (paper 'none': no receipt printer; an empty name: the system's default
         * printer; `kind` may be left out), or a thermal ESC/POS printer on the network or in a print queue.
         */
        printer: printerUpdate.optional(),
      })
      .strict(),
    'store.manage',
  ),
  /** A test page on this PC's thermal printer: which printer, a ruler as wide as the roll, the store's letters. */
  'print.test': host<PrintOutcome>()(s.empty, 'tabs.read'),
  /**
   * A paper laid out for this PC's thermal printer, as it will print: the host reads the document
   * from the ledger as the person asking may read it (a Z needs ledger.read, as report.z does).
   */
  'print.preview': host<PaperPreview>()(paperDocument, 'tabs.read'),
  /** Prints that paper on this PC's thermal printer: the same lines the preview showed, then a cut. */
  'print.document': host<PrintOutcome>()(paperDocument, 'tabs.read'),
  /** Ends this window's or client's session: a sign-out, a lock on demand, or the idle lock. */
  'session.end': host<null>()(z.object({ reason: z.enum(['signOut', 'lock', 'idle']).default('signOut') }).strict(), 'session'),
  /** Who is signed in here; also keeps the session from the idle lock while someone is working. */
  'session.current': host<T.Staff>()(s.empty, 'session'),
  /**
   * A manager's or owner's PIN for one command a staff member may not do alone: it covers that
   * command id and exactly that input, once, for two minutes. The command is then sent again.
   */
  'approval.grant': host<T.ApprovalGrant>()(
    z.object({ command: z.string().min(1).max(80), commandId: s.commandId, input: z.unknown(), approverId: s.id, pin: s.pin }).strict(),
    'session',
    changes('staff.changed'),
  ),

  /** Names and roles for the screens (who served, whose tip); archived staff only when asked. */
  'staff.list': query<T.StaffMember[]>()(z.object({ includeArchived: z.boolean().default(false) }).strict(), 'tabs.read'),
  'staff.create': mutation<T.StaffMember>()(
    z.object({ name: s.requiredName(40), role: z.enum(roles), pin: s.pin }).strict(),
    'staff.manage',
    changes('staff.changed'),
  ),
  'staff.update': mutation<T.StaffMember>()(
    z.object({ staffId: s.id, name: s.requiredName(40).optional(), role: z.enum(roles).optional() }).strict(),
    'staff.manage',
    changes('staff.changed'),
  ),
  'staff.resetPin': mutation<T.StaffMember>()(z.object({ staffId: s.id, pin: s.pin }).strict(), 'staff.manage', changes('staff.changed')),
  /** Archived staff cannot sign in and leave the lists; the ledger keeps naming them. Never deleted. */
  'staff.archive': mutation<T.StaffMember>()(
    z.object({ staffId: s.id, archived: z.boolean().default(true) }).strict(),
    'staff.manage',
    changes('staff.changed'),
  ),
  /** Lifts a lockout after five wrong PINs. */
  'staff.unlock': mutation<T.StaffMember>()(z.object({ staffId: s.id }).strict(), 'staff.unlock', changes('staff.changed')),

  'catalog.list': query<T.Catalog>()(z.object({ includeArchived: z.boolean().default(false) }).strict(), 'tabs.read'),
  'catalog.createCategory': mutation<T.Category>()(z.object({ name: s.requiredName(60) }).strict(), 'catalog.manage', changes('catalog.changed')),
  'catalog.updateCategory': mutation<T.Category>()(
    z
      .object({
        categoryId: s.id,
        name: s.requiredName(60).optional(),
        position: z.number().int().min(0).max(1000).optional(),
        archived: z.boolean().optional(),
      })
      .strict(),
    'catalog.manage',
    changes('catalog.changed'),
  ),
  'catalog.createItem': mutation<T.CatalogItem>()(z.object(itemFields).strict(), 'catalog.manage', changes('catalog.changed')),
  'catalog.updateItem': mutation<T.CatalogItem>()(
    z
      .object({ itemId: s.id, ...itemFields })
      .partial()
      .required({ itemId: true })
      .strict(),
    'catalog.manage',
    changes('catalog.changed'),
  ),
  'catalog.archiveItem': mutation<T.CatalogItem>()(
    z.object({ itemId: s.id, archived: z.boolean().default(true) }).strict(),
    'catalog.manage',
    changes('catalog.changed'),
  ),
  'catalog.loadStarter': mutation<T.Catalog>()(z.object({ kind: z.enum(['cafe', 'salon']) }).strict(), 'catalog.manage', changes('catalog.changed')),

  'token.pool': query<T.TokenState[]>()(s.empty, 'tabs.read'),
  'token.next': query<number | null>()(s.empty, 'tabs.read'),
  /** The customer of a settled or written-off tab kept its token: it stays out of the pool, shown as missing with that tab. */
  'token.markMissing': mutation<T.TokenState>()(tabRef, 'tabs.write', { ...onTab, changes: ['tokens.changed'] }),
  /** A missing token turned up again: back in the pool. */
  'token.markFound': mutation<T.TokenState>()(z.object({ token: s.token }).strict(), 'tabs.write', changes('tokens.changed')),

  'tab.open': mutation<T.TabSummary>()(
    z
      .object({ token: s.token.optional(), name: s.readableText(60).default(''), label: s.readableText(30).default(''), note: s.readableText(280).default('') })
      .strict(),
    'tabs.write',
    { changes: [], tabs: (_input, tab) => [tab.id] },
  ),
  'tab.update': mutation<T.TabSummary>()(
    z.object({ tabId: s.id, name: s.readableText(60).optional(), label: s.readableText(30).optional(), note: s.readableText(280).optional() }).strict(),
    'tabs.write',
    onTab,
  ),
  'tab.addLine': mutation<T.LineAdded>()(
    z.object({ tabId: s.id, itemId: s.id, qty: s.qty.default(1), staffId: s.id.optional() }).strict(),
    'tabs.write',
    onTab,
  ),
  'tab.setQty': mutation<T.TabSummary>()(z.object({ tabId: s.id, lineId: s.id, qty: s.qty }).strict(), 'tabs.write', onTab),
  'tab.removeLine': mutation<T.TabSummary>()(z.object({ tabId: s.id, lineId: s.id, reason: s.reason }).strict(), 'tabs.adjust', onTab),
  /** A comp on `qty` units of the line (every unit when left out), replacing any comp it had. */
  'tab.compLine': mutation<T.TabSummary>()(
    z.discriminatedUnion('kind', [
      z
        .object({
          tabId: s.id,
          lineId: s.id,
          kind: z.literal('percent'),
          value: z
            .number({ error: 'errors.field.compPercent' })
            .int('errors.field.compPercent')
            .min(1, 'errors.field.compPercent')
            .max(100, 'errors.field.compPercent'),
          qty: s.qty.optional(),
          reason: s.reason,
        })
        .strict(),
      z.object({ tabId: s.id, lineId: s.id, kind: z.literal('amount'), value: s.positiveAmount, qty: s.qty.optional(), reason: s.reason }).strict(),
    ]),
    'tabs.adjust',
    onTab,
  ),
  'tab.void': mutation<T.TabSummary>()(z.object({ tabId: s.id, reason: s.readableText(200).default('opened by mistake') }).strict(), 'tabs.write', onTab),
  'tab.writeOff': mutation<T.TabSummary>()(z.object({ tabId: s.id, reason: s.reason }).strict(), 'tabs.writeOff', onTab),
  'tab.listOpen': query<T.TabSummary[]>()(s.empty, 'tabs.read'),
  'tab.get': query<T.TabDetail>()(tabRef, 'tabs.read'),

  /**
   * Moves units of lines (several at once, part of a quantity) from one open tab to another; full-price
   * units go first, a comped unit with its comp. Refused, changing nothing, on a tab another window is
   * settling or that has a split plan in place.
   */
  'tab.moveLines': mutation<T.TabMoveResult>()(
    z
      .object({
        fromTabId: s.id,
        toTabId: s.id,
        lines: z
          .array(z.object({ lineId: s.id, qty: s.qty }).strict())
          .min(1, 'errors.move.noLines')
          .max(100),
      })
      .strict(),
    'tabs.write',
    { changes: [], tabs: (input) => [input.fromTabId, input.toTabId] },
  ),
  /** Merges one open tab into another: lines, payments made and customer go along; its token goes back to the pool. */
  'tab.merge': mutation<T.TabMoveResult>()(z.object({ fromTabId: s.id, intoTabId: s.id }).strict(), 'tabs.write', {
    changes: [],
    tabs: (input) => [input.fromTabId, input.intoTabId],
  }),
  /** Gives an open tab another free token; the old one goes back to the pool. */
  'tab.changeToken': mutation<T.TabDetail>()(z.object({ tabId: s.id, token: s.token }).strict(), 'tabs.write', onTab),

  /** Attaches a customer to an open tab (customerId null takes it off). */
  'tab.setCustomer': mutation<T.TabDetail>()(z.object({ tabId: s.id, customerId: s.id.nullable() }).strict(), 'customers.write', onTab),

  /** One field: a name (any case, accents ignored) or the digits of a phone; empty lists the latest. At most 20. */
  'customer.search': query<CT.Customer[]>()(z.object({ query: s.readableText(80).default('') }).strict(), 'customers.read'),
  /** A profile and its visits, those of profiles merged into it included, newest first. */
  'customer.get': query<CT.CustomerProfile>()(z.object({ customerId: s.id }).strict(), 'customers.read'),
  'customer.create': mutation<CT.Customer>()(z.object(customerFields).strict(), 'customers.write', changes('customers.changed')),
  'customer.update': mutation<CT.Customer>()(
    z
      .object({
        customerId: s.id,
        name: s.requiredName(80).optional(),
        phone: phone.optional(),
        email: email.optional(),
        notes: s.readableText(1000).optional(),
        contactOk: z.boolean().optional(),
      })
      .strict(),
    'customers.write',
    everyTab('customers.changed'),
  ),
  /** Archived profiles leave the search; their visits stay. Never deleted. */
  'customer.archive': mutation<CT.Customer>()(
    z.object({ customerId: s.id, archived: z.boolean().default(true) }).strict(),
    'customers.manage',
    everyTab('customers.changed'),
  ),
  /** Clears the personal fields on request (and those of profiles merged into it); amounts and visits stay. */
  'customer.erase': mutation<CT.Customer>()(z.object({ customerId: s.id }).strict(), 'customers.manage', everyTab('customers.changed')),
  /** A duplicate made by mistake: `mergeId` points at `keepId` and is archived; its visits show on the kept one. */
  'customer.merge': mutation<CT.CustomerProfile>()(z.object({ keepId: s.id, mergeId: s.id }).strict(), 'customers.manage', everyTab('customers.changed')),

  /** The salon's book. A day: every staff member's column; a week: one person's seven days from `from`. */
  'appointment.day': query<ST.AppointmentDay>()(z.object({ date: s.businessDate }).strict(), 'appointments.read'),
  'appointment.week': query<ST.AppointmentWeek>()(z.object({ staffId: s.id, from: s.businessDate }).strict(), 'appointments.read'),
  /** Booked appointments starting within the next `minutes` (the board's side list). */
  'appointment.upcoming': query<ST.Appointment[]>()(z.object({ minutes: z.number().int().min(15).max(720).default(120) }).strict(), 'appointments.read'),
  'appointment.get': query<ST.AppointmentDetail>()(z.object({ appointmentId: s.id }).strict(), 'appointments.read'),
  /** A customer's appointments, past and upcoming, and the deposits held for them (their page). */
  'appointment.forCustomer': query<{ appointments: ST.Appointment[]; heldDeposits: ST.Deposit[] }>()(
    z.object({ customerId: s.id }).strict(),
    'appointments.read',
  ),
  /**
   * Books a customer with a staff member for services; the end follows from their durations.
   * Refused when it overlaps that person's other booking or falls outside opening hours. The
   * deposit the policy asks for is taken now by the tender given (cash needs an open drawer).
   */
  'appointment.book': mutation<ST.AppointmentDetail>()(
    ss.bookAppointment,
    'appointments.write',
    changes('appointments.changed', 'drawer.changed', 'day.changed'),
  ),
  /** Moves, reassigns or changes the services of a booked appointment (same checks as booking). */
  'appointment.update': mutation<ST.AppointmentDetail>()(ss.updateAppointment, 'appointments.write', changes('appointments.changed')),
  /** Takes the policy's deposit for a booking that has none yet (booked by phone, paid later). */
  'appointment.takeDeposit': mutation<ST.AppointmentDetail>()(
    z.object({ appointmentId: s.id, method: ss.tender, reference: s.readableText(80).default('') }).strict(),
    'appointments.write',
    changes('appointments.changed', 'drawer.changed', 'day.changed'),
  ),
  'appointment.cancel': mutation<ST.AppointmentDetail>()(
    ss.closeAppointment,
    'appointments.write',
    changes('appointments.changed', 'drawer.changed', 'day.changed'),
  ),
  'appointment.noShow': mutation<ST.AppointmentDetail>()(
    ss.closeAppointment,
    'appointments.write',
    changes('appointments.changed', 'drawer.changed', 'day.changed'),
  ),
  /** The customer arrived: a tab on a token (the one given, or the next free) with the services as lines and the deposit attached. */
  'appointment.checkIn': mutation<ST.CheckInResult>()(z.object({ appointmentId: s.id, token: s.token.optional() }).strict(), 'appointments.write', {
    changes: ['appointments.changed'],
    tabs: (_input, checkedIn) => [checkedIn.tabId],
  }),
  /** Applies a held deposit of the tab's customer to the tab, first, before any payment. */
  'deposit.apply': mutation<T.TabDetail>()(ss.applyDeposit, 'tabs.write', { ...onTab, changes: ['appointments.changed'] }),
  /** Refunds a held deposit (one kept on the customer, or a booking's) by its tender, with a reason. */
  'deposit.refund': mutation<ST.Deposit>()(z.object({ depositId: s.id, reason: s.reason }).strict(), 'deposits.refund', {
    changes: ['appointments.changed', 'drawer.changed', 'day.changed'],
    tabs: (_input, deposit) => (deposit.tabId === null ? [] : [deposit.tabId]),
  }),

  /**
   * Takes the customer's reward off the tab at settlement, before any payment: a stamp card's frees
   * the cheapest unit of its category, points become an amount off. Booked to the loyalty account.
   */
  'loyalty.redeem': mutation<T.TabDetail>()(tabRef, 'tabs.write', onTab),
  /** A customer's stamps or points under the scheme in force, and every movement (their page). */
  'loyalty.forCustomer': query<LT.LoyaltyAccount>()(z.object({ customerId: s.id }).strict(), 'customers.read'),

  'settle.split': mutation<T.TabDetail>()(splitPlan, 'tabs.write', onTab),
  'settle.clearSplit': mutation<T.TabDetail>()(tabRef, 'tabs.write', onTab),
  'settle.pay': mutation<T.PaymentResult>()(payment, 'tabs.write', onTab),
  'settle.rate': mutation<T.TabDetail>()(z.object({ tabId: s.id, rating: z.enum(ratings) }).strict(), 'tabs.write', onTab),
  /**
   * The settle screen claims its tab for this window's session while it is open (renewed every
   * renewMs, lapsing on its own, kept in memory only): nobody else moves, merges or re-tokens the tab
   * meanwhile. Release gives it up on leaving the screen.
   */
  'settle.claim': query<T.SettleClaim>()(tabRef, 'tabs.write'),
  'settle.release': query<null>()(tabRef, 'tabs.write'),
  /**
   * Takes back the tab's last payment that still stands, within minutes of taking it; the tab owes
   * it again. `paymentId` names the payment the screen showed, so a stale screen voids nothing else.
   */
  'settle.voidLastPayment': mutation<T.TabDetail>()(z.object({ tabId: s.id, paymentId: s.id, reason: s.reason }).strict(), 'payments.void', onTab),

  /** What a settled tab may still have refunded: by line and unit, by tender, and its tips; the refunds so far. */
  'tab.refundable': query<RT.Refundable>()(tabRef, 'tabs.read'),
  /** Exactly what a refund would give back and how, priced by the rules tab.refund posts by; a refusal says why. */
  'tab.refundQuote': query<RT.RefundQuote>()(refundDraft, 'tabs.read'),
  /**
   * Gives money back on a settled tab (whole, some units of its lines, or an amount), with a reason,
   * by the tenders it was paid with, never beyond what was paid; posted on the current business day,
   * pointing at the tab and its receipt. A staff member refunds only with a manager's or owner's PIN.
   */
  'tab.refund': mutation<RT.RefundResult>()(refundInput, 'refunds.issue', onTab),
  /** One refund's receipt, to show or print again. */
  'refund.receipt': query<RT.RefundReceipt>()(z.object({ refundId: s.id }).strict(), 'tabs.read'),
  /** A settled tab by any receipt number it was given, or (no number) the current business day's last settled tabs. */
  'receipt.find': query<RT.ReceiptMatch[]>()(z.object({ receiptNumber: s.id.optional() }).strict(), 'tabs.read'),

  // From the newest Z's chain head by default (fast on a year); `full` walks the chain from its first row.
  'ledger.check': query<T.LedgerCheck>()(z.object({ full: z.boolean().optional() }).strict(), 'ledger.read'),

  'drawer.get': query<C.DrawerState>()(s.empty, 'tabs.read'),
  'drawer.open': mutation<C.DrawerState>()(z.object({ float: s.cashCount }).strict(), 'drawer.operate', changes('drawer.changed', 'day.changed')),
  /** A paid out also needs drawer.payOut (escalation): a staff member's needs a manager's PIN. */
  'drawer.move': mutation<C.DrawerState>()(
    z.object({ kind: z.enum(['paid_in', 'paid_out']), amountMinor: s.positiveAmount, reason: s.reason }).strict(),
    'drawer.operate',
    changes('drawer.changed', 'day.changed'),
  ),
  /** The blind count: only after it is entered are the expected cash and the variance shown. */
  'drawer.count': mutation<C.DrawerState>()(z.object({ count: s.cashCount }).strict(), 'drawer.operate', changes('drawer.changed', 'day.changed')),
  /** A manager accepts the count; a variance needs a reason and is posted to cash over/short. */
  'drawer.close': mutation<C.DrawerState>()(
    z.object({ varianceReason: s.readableText(200).default('') }).strict(),
    'drawer.signOff',
    changes('drawer.changed', 'day.changed'),
  ),

  'day.status': query<C.DayStatus>()(s.empty, 'tabs.read'),
  /** Closes a business day with a numbered Z report; refused while a drawer is open. */
  'day.close': mutation<C.DayReport>()(z.object({ businessDate: s.businessDate }).strict(), 'day.close', everyTab('day.changed')),
  /** An X report: an unclosed day as it stands (the current business day by default). */
  'report.x': query<C.DayReport>()(z.object({ businessDate: s.businessDate.optional() }).strict(), 'ledger.read'),
  'report.z': query<C.DayReport>()(z.object({ zNumber: s.id }).strict(), 'ledger.read'),
  'report.zList': query<C.ClosedDay[]>()(z.object({ limit: z.number().int().min(1).max(400).default(60) }).strict(), 'ledger.read'),
  /** A day's report (its Z if closed, else an X) or its journal as CSV. */
  /** Per person for a business day (the current one by default): tabs, sales, comps, tips, ratings, walkouts. */
  'report.staff': query<C.StaffReport>()(z.object({ businessDate: s.businessDate.optional() }).strict(), 'ledger.read'),
  /**
   * The owner's dashboard: what is out now (open tabs owed by age, tokens, deposits) and business days
   * from..to (at most DASHBOARD_MAX_DAYS) from their frozen Zs and today so far; and each of its tables as CSV.
   */
  'report.dashboard': query<DT.Dashboard>()(z.object({ from: s.businessDate, to: s.businessDate }).strict(), 'ledger.read'),
  'report.dashboardCsv': query<C.CsvExport>()(z.object({ from: s.businessDate, to: s.businessDate, table: z.enum(dashboardTables) }).strict(), 'ledger.read'),
  /** Who did what, newest first, from the audit: filter by person, kind and business day. */
  'audit.list': query<C.ActivityPage>()(
    z
      .object({
        businessDate: s.businessDate.optional(),
        staffId: s.id.optional(),
        kind: z.enum(activityKinds).optional(),
        limit: z.number().int().min(1).max(500).default(200),
        beforeId: s.id.optional(),
      })
      .strict(),
    'audit.read',
  ),
  /** The same rows as CSV, for one business day. */
  'audit.csv': query<C.CsvExport>()(
    z.object({ businessDate: s.businessDate, staffId: s.id.optional(), kind: z.enum(activityKinds).optional() }).strict(),
    'audit.read',
  ),
  'report.csv': query<C.CsvExport>()(z.object({ what: z.enum(['report', 'journal']), businessDate: s.businessDate }).strict(), 'ledger.read'),

  'backup.status': host<C.BackupStatus>()(s.empty, 'backup.run'),
  'backup.configure': host<C.BackupStatus>()(
    z
      .object({
        folder: z.string().trim().min(1, 'errors.field.backupFolder').max(1000).optional(),
        keep: z.number().int().min(1).max(365).optional(),
        everyMinutes: z.number().int().min(5).max(1440).optional(),
      })
      .strict(),
    'backup.manage',
    changes('backup.changed'),
  ),
  'backup.now': host<C.BackupInfo>()(s.empty, 'backup.run', changes('backup.changed')),
  'backup.restore': host<C.RestoreResult>()(z.object({ name: s.backupName }).strict(), 'backup.manage', wholeLedger),
  /**
   * Recovery mode: the ledger failed its start-up check, so there is no staff table to look a
   * permission up in and no one can sign in. The host answers these two without a session (they
   * are public; the permission is nominal). Only our own window (Electron) or a page holding the
   * per-launch secret on 127.0.0.1 (web host) can call at all, and all a caller can do is put back
   * a verified backup of this store, which whoever sits at the PC could do with its files anyway.
   * Outside recovery mode, status says damaged: false and restore is refused.
   */
  'recovery.status': { ...host<C.RecoveryStatus>()(s.empty, 'session'), public: true },
  'recovery.restore': { ...host<C.RestoreResult>()(z.object({ name: s.backupName }).strict(), 'session', wholeLedger), public: true },
  /**
   * When the ledger is readable but does not reach its seal (or the seal is missing or not this
   * computer's): an owner continues knowingly, with the ledger as it is or from a backup that
   * does not reach the seal, giving a PIN (checked against that ledger's, or the newest backup's,
   * owners) and a reason. Recorded in the audit of the ledger that goes on trading.
   */
  'recovery.continue': {
    ...host<C.RestoreResult>()(
      z.object({ staffId: s.id.optional(), pin: s.pin.optional(), reason: s.reason, backup: s.backupName.optional() }).strict(),
      'session',
      wholeLedger,
    ),
    public: true,
  },
} as const satisfies Record<string, CommandDef>;

export type Contract = typeof contract;
export type CommandName = keyof Contract;
export type CommandInput<N extends CommandName> = z.input<Contract[N]['input']>;
export type ParsedInput<N extends CommandName> = z.output<Contract[N]['input']>;
export type CommandResult<N extends CommandName> = NonNullable<Contract[N]['result']>[0];

export const commandNames = Object.keys(contract) as CommandName[];

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(contract, name);
}
