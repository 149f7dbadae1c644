import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain/business-day';
import { commandNames, contract, type CommandName } from '../../shared/contract';
import type { ErrorKey } from '../../shared/i18n/errors-en';
import { roles, type Role } from '../../shared/permissions';
import type { StaffMember } from '../../shared/types';
import { snapshot } from '../test-support/ledger-fixture';
import { addPerson, OWNER_PIN, testCores, windowClient, type Client, type TestCore } from '../test-support/test-core';

/**
 * The role matrix: every command of the contract, run through the router by a signed-in owner,
 * manager and staff member with an input that exercises its permission, against the table below.
 * The table is the specification of who may do what:
 *   ok               the command ran and answered
 *   forbidden        the role may not do it, and no approval changes that
 *   approval_needed  the role may do it only with a manager's or owner's PIN for that one command
 *   an error key     admitted, then refused by the command itself for that reason
 * A refused command must leave the ledger exactly as it was. Public commands (the PIN pad's,
 * recovery) are run by a window no one has signed in on, and answer the same for everyone.
 */
type Answer = 'ok' | 'forbidden' | 'approval_needed' | ErrorKey;
type ByRole = Record<Role, Answer>;

type World = {
  core: TestCore;
  role: Role;
  /** The owner on window 1: prepares what each case needs. */
  owner: Client;
  /** The person of the role under test, signed in on their own window (the owner's, for the owner). */
  actor: Client;
  ids: { owner: number; manager: number; staff: number; actor: number };
  itemId: number;
  /** An open tab with one 4.00 line, rung up by `by` (the owner unless said). */
  tab(by?: Client, qty?: number): Promise<{ tabId: number; lineId: number }>;
  drawer(state: 'closed' | 'open' | 'counted'): Promise<void>;
  /** Someone new, added by the owner, with a PIN no one else has. */
  person(role: Role): Promise<StaffMember & { pin: string }>;
  /** A new day has begun (the sessions idled out overnight): the day before is the one to close. */
  nextDay(): Promise<string>;
  signInAgain(): Promise<void>;
  serial(): number;
};

type RoleCase = {
  label: string;
  input: (w: World) => unknown;
  expect: ByRole;
  /** The currency can only change before the first posting: this case runs before all others. */
  first?: true;
  /** A restore swaps the ledger: it runs after all others. */
  last?: true;
  after?: (w: World) => Promise<void>;
};
type PublicCase = { label: string; input: (w: World) => unknown; anyone: Answer };
type Case = RoleCase | PublicCase;

const all = (answer: Answer): ByRole => ({ owner: answer, manager: answer, staff: answer });
const managers: ByRole = { owner: 'ok', manager: 'ok', staff: 'forbidden' };
const ownerOnly: ByRole = { owner: 'ok', manager: 'forbidden', staff: 'forbidden' };
const approval: ByRole = { owner: 'ok', manager: 'ok', staff: 'approval_needed' };
const query = (expect: ByRole): Case[] => [{ label: 'as asked', input: () => ({}), expect }];

const matrix: { [N in CommandName]: Case[] } = {
  'store.get': query(all('ok')),
  'store.update': [
    { label: 'a name', input: () => ({ name: 'Corner Café', idleLockMinutes: 240 }), expect: managers },
    { label: 'a currency change on a fresh ledger', input: () => ({ currency: 'GBP' }), expect: ownerOnly, first: true },
    {
      label: 'a day boundary after the first Z',
      input: async (w) => {
        if (!(await w.owner.call('day.status', {})).lastZ) {
          // Something on the books today, so there is an earlier day to close tomorrow.
          await w.tab();
          await w.owner.call('day.close', { businessDate: await w.nextDay() });
        }
        return { dayBoundaryMinutes: 300 };
      },
      expect: ownerOnly,
    },
  ],

  'session.state': [{ label: 'the PIN pad', input: () => ({}), anyone: 'ok' }],
  'session.signIn': [{ label: 'with the right PIN', input: (w) => ({ staffId: w.ids.actor, pin: pinOf(w.role) }), anyone: 'ok' }],
  'session.setup': [{ label: 'once the owner has a PIN', input: () => ({ pin: '97531', pinAgain: '97531' }), anyone: 'errors.setup.done' }],
  'session.end': [{ label: 'a lock', input: () => ({ reason: 'lock' }), expect: all('ok'), after: (w) => w.signInAgain() }],
  'session.current': query(all('ok')),
  'approval.grant': [
    {
      label: 'a manager’s PIN for a 50 % comp',
      input: async (w) => {
        const { tabId, lineId } = await w.tab();
        const input = { tabId, lineId, kind: 'percent', value: 50, reason: 'cold' };
        return { command: 'tab.compLine', commandId: `grant-${w.serial()}-0000`, input, approverId: w.ids.manager, pin: pinOf('manager') };
      },
      expect: { owner: 'errors.approval.notNeeded', manager: 'errors.approval.notNeeded', staff: 'ok' },
    },
  ],

  'staff.list': query(all('ok')),
  'staff.create': [
    { label: 'a staff member', input: (w) => ({ name: `Temp ${w.serial()}`, role: 'staff', pin: String(60_000 + w.serial()) }), expect: managers },
    { label: 'an owner', input: (w) => ({ name: `Temp ${w.serial()}`, role: 'owner', pin: String(60_000 + w.serial()) }), expect: ownerOnly },
  ],
  'staff.update': [
    { label: 'a staff member renamed', input: async (w) => ({ staffId: (await w.person('staff')).id, name: `Renamed ${w.serial()}` }), expect: managers },
    { label: 'an owner renamed', input: async (w) => ({ staffId: (await w.person('owner')).id, name: `Renamed ${w.serial()}` }), expect: ownerOnly },
    { label: 'a staff member made an owner', input: async (w) => ({ staffId: (await w.person('staff')).id, role: 'owner' }), expect: ownerOnly },
  ],
  'staff.resetPin': [
    { label: 'a staff member’s', input: async (w) => ({ staffId: (await w.person('staff')).id, pin: String(60_000 + w.serial()) }), expect: managers },
    { label: 'an owner’s', input: async (w) => ({ staffId: (await w.person('owner')).id, pin: String(60_000 + w.serial()) }), expect: ownerOnly },
  ],
  'staff.archive': [
    { label: 'a staff member', input: async (w) => ({ staffId: (await w.person('staff')).id }), expect: managers },
    { label: 'an owner (another one stays)', input: async (w) => ({ staffId: (await w.person('owner')).id }), expect: ownerOnly },
  ],
  'staff.unlock': [
    {
      label: 'someone locked out after five wrong PINs',
      input: async (w) => {
        const person = await w.person('staff');
        const pad = windowClient(w.core, 500 + w.serial());
        for (let i = 0; i < 5; i += 1) await pad.send('session.signIn', { staffId: person.id, pin: '0000' });
        return { staffId: person.id };
      },
      expect: ownerOnly,
    },
  ],

  'catalog.list': query(all('ok')),
  'catalog.createCategory': [{ label: 'a category', input: (w) => ({ name: `Shelf ${w.serial()}` }), expect: managers }],
  'catalog.updateCategory': [
    {
      label: 'renamed',
      input: async (w) => ({ categoryId: (await w.owner.call('catalog.createCategory', { name: `Shelf ${w.serial()}` })).id, name: `Shelf ${w.serial()}` }),
      expect: managers,
    },
  ],
  'catalog.createItem': [
    {
      label: 'an item',
      input: (w) => ({ categoryId: null, name: `Cake ${w.serial()}`, kind: 'product', priceMinor: 350, rateMilli: 10_000, expectText: '' }),
      expect: managers,
    },
  ],
  'catalog.updateItem': [{ label: 'a new price', input: async (w) => ({ itemId: (await newItem(w)).id, priceMinor: 380 }), expect: managers }],
  'catalog.archiveItem': [{ label: 'archived', input: async (w) => ({ itemId: (await newItem(w)).id }), expect: managers }],
  'catalog.loadStarter': [{ label: 'the salon starter', input: () => ({ kind: 'salon' }), expect: managers }],

  'token.pool': query(all('ok')),
  'token.next': query(all('ok')),

  'tab.open': [{ label: 'a tab', input: () => ({ name: 'Ana' }), expect: all('ok') }],
  'tab.update': [{ label: 'a name', input: async (w) => ({ tabId: (await w.tab()).tabId, name: 'Ben' }), expect: all('ok') }],
  'tab.addLine': [{ label: 'a line', input: async (w) => ({ tabId: (await w.tab()).tabId, itemId: w.itemId }), expect: all('ok') }],
  'tab.setQty': [
    { label: 'raised', input: async (w) => ({ ...(await w.tab()), qty: 3 }), expect: all('ok') },
    { label: 'lowered, on a line someone else rang up', input: async (w) => ({ ...(await w.tab(w.owner, 2)), qty: 1 }), expect: approval },
    { label: 'lowered by whoever rang it up, straight after', input: async (w) => ({ ...(await w.tab(w.actor, 2)), qty: 1 }), expect: all('ok') },
  ],
  'tab.removeLine': [
    { label: 'a line someone else rang up', input: async (w) => ({ ...(await w.tab()), reason: 'sent back' }), expect: approval },
    { label: 'their own line, straight after', input: async (w) => ({ ...(await w.tab(w.actor)), reason: 'mistyped' }), expect: all('ok') },
    {
      label: 'a service check-in rang up for them, straight after',
      input: async (w) => {
        const checkedIn = await w.owner.call('appointment.checkIn', { appointmentId: (await booking(w, 'future', true, w.ids.actor)).id });
        const tab = await w.owner.call('tab.get', { tabId: checkedIn.tabId });
        return { tabId: checkedIn.tabId, lineId: tab.lines[0]!.id, reason: 'mistyped' };
      },
      expect: approval,
    },
  ],
  'tab.compLine': [
    { label: 'a 50 % comp', input: async (w) => ({ ...(await w.tab()), kind: 'percent', value: 50, reason: 'cold' }), expect: approval },
    { label: 'a 10 % comp, within the threshold', input: async (w) => ({ ...(await w.tab()), kind: 'percent', value: 10, reason: 'slow' }), expect: all('ok') },
  ],
  'tab.setCustomer': [
    {
      label: 'a customer on an open tab',
      input: async (w) => ({ tabId: (await w.tab()).tabId, customerId: (await w.owner.call('customer.create', { name: 'Cleo' })).id }),
      expect: all('ok'),
    },
  ],
  'customer.search': [{ label: 'a name', input: () => ({ query: 'cleo' }), expect: all('ok') }],
  'appointment.day': [{ label: 'a day', input: () => ({ date: '2026-11-24' }), expect: all('ok') }],
  'appointment.week': [{ label: "the owner's week", input: (w) => ({ staffId: w.ids.owner, from: '2026-11-23' }), expect: all('ok') }],
  'appointment.upcoming': [{ label: 'the next two hours', input: () => ({ minutes: 120 }), expect: all('ok') }],
  'appointment.get': [{ label: 'a booking', input: async (w) => ({ appointmentId: (await booking(w, 'future')).id }), expect: all('ok') }],
  'appointment.forCustomer': [{ label: "a client's book", input: async (w) => ({ customerId: (await booking(w, 'future')).customerId }), expect: all('ok') }],
  'appointment.book': [
    {
      label: 'a client with a card deposit',
      input: async (w) => {
        const made = await booking(w, 'future', false);
        // The same client again, the day after, through the person under test.
        return {
          customerId: made.customerId,
          staffId: w.ids.owner,
          date: addDays(made.date, 1),
          startMinute: 660,
          itemIds: made.services.map((x) => x.itemId),
          deposit: { method: 'card', reference: '' },
        };
      },
      expect: all('ok'),
    },
  ],
  'appointment.update': [
    { label: 'moved an hour later', input: async (w) => ({ appointmentId: (await booking(w, 'future')).id, startMinute: 660 }), expect: all('ok') },
    {
      label: 'moved after its start has passed',
      input: async (w) => ({ appointmentId: (await booking(w, 'past')).id, startMinute: 660 }),
      expect: all('errors.appointmentStarted'),
    },
  ],
  'appointment.takeDeposit': [
    { label: 'booked by phone, paid now', input: async (w) => ({ appointmentId: (await booking(w, 'future', false)).id, method: 'card' }), expect: all('ok') },
  ],
  'appointment.cancel': [
    { label: 'in time: the deposit goes back', input: async (w) => ({ appointmentId: (await booking(w, 'future')).id }), expect: all('ok') },
    { label: 'late: the deposit is forfeited', input: async (w) => ({ appointmentId: (await booking(w, 'past')).id }), expect: approval },
    {
      label: 'late, refunded anyway',
      input: async (w) => ({ appointmentId: (await booking(w, 'past')).id, refundAnyway: 'a family emergency' }),
      expect: approval,
    },
    { label: 'late, with no deposit held', input: async (w) => ({ appointmentId: (await booking(w, 'past', false)).id }), expect: all('ok') },
    {
      label: 'moved weeks on from inside its late window',
      input: async (w) => {
        const made = await booking(w, 'soon');
        await w.owner.call('appointment.update', { appointmentId: made.id, date: addDays(made.date, 30) });
        return { appointmentId: made.id };
      },
      expect: approval,
    },
    {
      label: 'confirmed as in time after the window closed',
      input: async (w) => ({ appointmentId: (await booking(w, 'soon')).id, expectInTime: true }),
      expect: all('errors.cancelWindowClosed'),
    },
  ],
  'appointment.noShow': [
    { label: 'the deposit is forfeited', input: async (w) => ({ appointmentId: (await booking(w, 'past')).id }), expect: approval },
    { label: 'refunded anyway', input: async (w) => ({ appointmentId: (await booking(w, 'past')).id, refundAnyway: 'the bus broke down' }), expect: approval },
    {
      label: 'a booking not started yet',
      input: async (w) => ({ appointmentId: (await booking(w, 'future', false)).id }),
      expect: all('errors.noShowTooEarly'),
    },
  ],
  'appointment.checkIn': [{ label: 'the client arrived', input: async (w) => ({ appointmentId: (await booking(w, 'future')).id }), expect: all('ok') }],
  'deposit.apply': [
    {
      label: 'the deposit of a checked-in booking',
      input: async (w) => {
        const made = await booking(w, 'future');
        const checkedIn = await w.owner.call('appointment.checkIn', { appointmentId: made.id });
        return { tabId: checkedIn.tabId, depositId: made.deposits[0]!.id };
      },
      expect: all('ok'),
    },
    {
      label: 'refunded whole through a checked-in tab that owes nothing',
      input: async (w) => {
        const made = await booking(w, 'future');
        const checkedIn = await w.owner.call('appointment.checkIn', { appointmentId: made.id });
        const line = (await w.owner.call('tab.get', { tabId: checkedIn.tabId })).lines[0]!;
        await w.owner.call('tab.removeLine', { tabId: checkedIn.tabId, lineId: line.id, reason: 'left before' });
        return { tabId: checkedIn.tabId, depositId: made.deposits[0]!.id, excess: 'refund' };
      },
      expect: approval,
    },
    {
      label: 'a rest kept on the customer, refunded through an empty tab',
      input: async (w) => {
        const made = await booking(w, 'future');
        await emptiedDepositTab(w, 'keep', made);
        const kept = (await w.owner.call('appointment.forCustomer', { customerId: made.customerId })).heldDeposits[0]!;
        const tabId = (await w.owner.call('tab.open', {})).id;
        await w.owner.call('tab.setCustomer', { tabId, customerId: made.customerId });
        return { tabId, depositId: kept.id, excess: 'refund' };
      },
      expect: approval,
    },
  ],
  'deposit.refund': [
    { label: 'on request', input: async (w) => ({ depositId: (await booking(w, 'future')).deposits[0]!.id, reason: 'moved abroad' }), expect: approval },
  ],
  'customer.get': [
    { label: 'a profile', input: async (w) => ({ customerId: (await w.owner.call('customer.create', { name: 'Dora' })).id }), expect: all('ok') },
  ],
  'customer.create': [{ label: 'a name and phone', input: () => ({ name: 'Eve', phone: '555 0101' }), expect: all('ok') }],
  'customer.update': [
    {
      label: 'the notes',
      input: async (w) => ({ customerId: (await w.owner.call('customer.create', { name: 'Fay' })).id, notes: 'no nuts' }),
      expect: all('ok'),
    },
  ],
  'customer.archive': [
    { label: 'a profile', input: async (w) => ({ customerId: (await w.owner.call('customer.create', { name: 'Gus' })).id }), expect: managers },
  ],
  'customer.erase': [
    { label: 'on request', input: async (w) => ({ customerId: (await w.owner.call('customer.create', { name: 'Hal' })).id }), expect: managers },
  ],
  'customer.merge': [
    {
      label: 'a duplicate',
      input: async (w) => ({
        keepId: (await w.owner.call('customer.create', { name: 'Ida' })).id,
        mergeId: (await w.owner.call('customer.create', { name: 'Ida B' })).id,
      }),
      expect: managers,
    },
  ],
  'tab.void': [
    { label: 'an empty tab', input: async (w) => ({ tabId: (await w.owner.call('tab.open', {})).id }), expect: all('ok') },
    { label: 'an emptied tab a deposit was closed on', input: async (w) => ({ tabId: await emptiedDepositTab(w, 'keep') }), expect: approval },
  ],
  'tab.writeOff': [{ label: 'a walkout', input: async (w) => ({ tabId: (await w.tab()).tabId, reason: 'walked out' }), expect: approval }],
  'tab.listOpen': query(all('ok')),
  'tab.get': [{ label: 'a tab', input: async (w) => ({ tabId: (await w.tab()).tabId }), expect: all('ok') }],
  'tab.moveLines': [
    {
      label: 'a line that is on another tab',
      input: async (w) => ({
        fromTabId: (await w.tab(w.owner, 2)).tabId,
        toTabId: (await w.tab()).tabId,
        lines: [{ lineId: (await w.tab(w.owner, 2)).lineId, qty: 1 }],
      }),
      expect: all('errors.move.lineNotOnTab'),
    },
    {
      label: 'part of a line',
      input: async (w) => {
        const from = await w.tab(w.owner, 2);
        return { fromTabId: from.tabId, toTabId: (await w.tab()).tabId, lines: [{ lineId: from.lineId, qty: 1 }] };
      },
      expect: all('ok'),
    },
    {
      // The owner's own window holds the claim: only another session is kept out.
      label: 'off a tab the owner is settling in their window',
      input: async (w) => {
        const from = await w.tab(w.owner, 2);
        await w.owner.call('settle.claim', { tabId: from.tabId });
        return { fromTabId: from.tabId, toTabId: (await w.tab()).tabId, lines: [{ lineId: from.lineId, qty: 1 }] };
      },
      expect: { owner: 'ok', manager: 'errors.move.beingSettled', staff: 'errors.move.beingSettled' },
    },
  ],
  'tab.merge': [{ label: 'two open tabs', input: async (w) => ({ fromTabId: (await w.tab()).tabId, intoTabId: (await w.tab()).tabId }), expect: all('ok') }],
  'tab.changeToken': [
    {
      label: 'to the next free token',
      input: async (w) => {
        const { tabId } = await w.tab();
        return { tabId, token: (await w.owner.call('token.next', {}))! };
      },
      expect: all('ok'),
    },
  ],
  'token.markMissing': [
    {
      label: 'a settled tab’s token',
      input: async (w) => {
        const { tabId } = await w.tab();
        await w.owner.call('settle.pay', { tabId, method: 'card' });
        return { tabId };
      },
      expect: all('ok'),
    },
  ],
  'token.markFound': [
    {
      label: 'a token marked missing',
      input: async (w) => {
        const { tabId } = await w.tab();
        await w.owner.call('settle.pay', { tabId, method: 'card' });
        return { token: (await w.owner.call('token.markMissing', { tabId })).token };
      },
      expect: all('ok'),
    },
  ],
  'settle.claim': [{ label: 'an open tab', input: async (w) => ({ tabId: (await w.tab()).tabId }), expect: all('ok') }],
  'settle.release': [{ label: 'an open tab', input: async (w) => ({ tabId: (await w.tab()).tabId }), expect: all('ok') }],

  'loyalty.redeem': [
    {
      label: "a regular's points at the counter",
      input: async (w) => {
        await w.owner.call('store.update', {
          loyalty: { scheme: 'points', categoryId: null, stampsEvery: 10, pointsSpendMinor: 100, pointValueMinor: 10, pointsMin: 1 },
        });
        const customerId = (await w.owner.call('customer.create', { name: 'Jo' })).id;
        const earned = await w.tab();
        await w.owner.call('tab.setCustomer', { tabId: earned.tabId, customerId });
        await w.owner.call('settle.pay', { tabId: earned.tabId, method: 'card' });
        const { tabId } = await w.tab();
        await w.owner.call('tab.setCustomer', { tabId, customerId });
        return { tabId };
      },
      expect: all('ok'),
    },
    {
      label: 'a tab without a customer',
      input: async (w) => {
        await w.owner.call('store.update', {
          loyalty: { scheme: 'points', categoryId: null, stampsEvery: 10, pointsSpendMinor: 100, pointValueMinor: 10, pointsMin: 1 },
        });
        return { tabId: (await w.tab()).tabId };
      },
      expect: all('errors.loyalty.noCustomer'),
    },
  ],
  'loyalty.forCustomer': [
    { label: 'a profile', input: async (w) => ({ customerId: (await w.owner.call('customer.create', { name: 'Kit' })).id }), expect: all('ok') },
  ],

  'settle.split': [{ label: 'in two', input: async (w) => ({ tabId: (await w.tab(w.owner, 2)).tabId, mode: 'even', parts: 2 }), expect: all('ok') }],
  'settle.clearSplit': [
    {
      label: 'a split',
      input: async (w) => {
        const { tabId } = await w.tab(w.owner, 2);
        await w.owner.call('settle.split', { tabId, mode: 'even', parts: 2 });
        return { tabId };
      },
      expect: all('ok'),
    },
  ],
  'settle.pay': [
    { label: 'by card with a 10 % tip', input: async (w) => ({ tabId: (await w.tab()).tabId, method: 'card', tipMinor: 40 }), expect: all('ok') },
    {
      label: 'a tip above the cap, confirmed in words',
      input: async (w) => ({ tabId: (await w.tab()).tabId, method: 'card', tipMinor: 500, confirmed: { tipMinor: 500 } }),
      expect: approval,
    },
  ],
  'settle.rate': [{ label: 'happy', input: async (w) => ({ tabId: (await w.tab()).tabId, rating: 'happy' }), expect: all('ok') }],
  'settle.voidLastPayment': [
    {
      label: 'a card payment just taken',
      input: async (w) => {
        const { tabId } = await w.tab();
        const paid = await w.owner.call('settle.pay', { tabId, method: 'card' });
        return { tabId, paymentId: paid.payment.id, reason: 'wrong card' };
      },
      expect: approval,
    },
  ],

  'tab.refundable': [{ label: 'a settled tab', input: async (w) => ({ tabId: await settled(w) }), expect: all('ok') }],
  'tab.refundQuote': [{ label: 'all of a settled tab', input: async (w) => ({ tabId: await settled(w), mode: 'whole' }), expect: all('ok') }],
  'tab.refund': [
    {
      label: 'all of a card payment, with a reason',
      input: async (w) => ({ tabId: await settled(w), mode: 'whole', reason: 'cold coffee' }),
      expect: approval,
    },
  ],
  'refund.receipt': [
    {
      label: 'a refund given',
      input: async (w) => ({
        refundId: (await w.owner.call('tab.refund', { tabId: await settled(w), mode: 'amount', amountMinor: 100, reason: 'too sweet' })).refundId,
      }),
      expect: all('ok'),
    },
  ],
  'receipt.find': [{ label: 'the day’s settled tabs', input: () => ({}), expect: all('ok') }],

  'ledger.check': query(managers),

  'drawer.get': query(all('ok')),
  'drawer.open': [
    { label: 'with a float', input: async (w) => (await w.drawer('closed'), { float: { kind: 'total', totalMinor: 10_000 } }), expect: all('ok') },
  ],
  'drawer.move': [
    {
      label: 'a paid in',
      input: async (w) => (await w.drawer('open'), { kind: 'paid_in', amountMinor: 500, reason: 'change from the bank' }),
      expect: all('ok'),
    },
    { label: 'a paid out', input: async (w) => (await w.drawer('open'), { kind: 'paid_out', amountMinor: 300, reason: 'milk' }), expect: approval },
  ],
  'drawer.count': [
    { label: 'the blind count', input: async (w) => (await w.drawer('open'), { count: { kind: 'total', totalMinor: 10_000 } }), expect: all('ok') },
  ],
  'drawer.close': [{ label: 'the sign-off', input: async (w) => (await w.drawer('counted'), { varianceReason: 'counted twice' }), expect: approval }],

  'day.status': query(all('ok')),
  'day.close': [{ label: 'the day before', input: async (w) => ({ businessDate: await w.nextDay() }), expect: managers }],
  'report.x': query(managers),
  'report.z': [
    {
      label: 'a closed day',
      input: async (w) => {
        const status = await w.owner.call('day.status', {});
        if (status.lastZ) return { zNumber: status.lastZ.zNumber };
        return { zNumber: (await w.owner.call('day.close', { businessDate: await w.nextDay() })).zNumber };
      },
      expect: managers,
    },
  ],
  'report.zList': query(managers),
  'report.staff': query(managers),
  'report.dashboard': [
    {
      label: 'this month',
      input: (w) => ({ from: `${new Date(w.core.nowMs()).toISOString().slice(0, 7)}-01`, to: new Date(w.core.nowMs()).toISOString().slice(0, 10) }),
      expect: managers,
    },
  ],
  'report.dashboardCsv': [
    {
      label: 'the days',
      input: (w) => ({ from: new Date(w.core.nowMs()).toISOString().slice(0, 10), to: new Date(w.core.nowMs()).toISOString().slice(0, 10), table: 'days' }),
      expect: managers,
    },
  ],
  'audit.list': query(ownerOnly),
  'audit.csv': [{ label: 'a day', input: (w) => ({ businessDate: new Date(w.core.nowMs()).toISOString().slice(0, 10) }), expect: ownerOnly }],
  'report.csv': [
    { label: 'the journal', input: (w) => ({ what: 'journal', businessDate: new Date(w.core.nowMs()).toISOString().slice(0, 10) }), expect: managers },
  ],

  'backup.status': query(managers),
  'backup.configure': [{ label: 'how many to keep', input: () => ({ keep: 5 }), expect: ownerOnly }],
  'backup.now': query(managers),
  'backup.restore': [
    {
      label: 'the latest backup',
      input: async (w) => ({ name: (await w.owner.call('backup.now', {})).name }),
      expect: ownerOnly,
      last: true,
      // Everyone signs in again on the restored ledger.
      after: (w) => w.signInAgain(),
    },
  ],
  'recovery.status': [{ label: 'outside recovery', input: () => ({}), anyone: 'ok' }],
  'recovery.restore': [
    { label: 'outside recovery', input: () => ({ name: 'aftertab-20261124T090000000Z-manual.sqlite' }), anyone: 'errors.recovery.notDamaged' },
  ],
  'recovery.continue': [{ label: 'outside recovery', input: () => ({ reason: 'the seal file was lost' }), anyone: 'errors.recovery.notDamaged' }],
  // No profile was given to the test host: nothing to show, nothing to apply.
  'firstRun.profile': [{ label: 'without a profile', input: () => ({}), anyone: 'ok' }],
  'firstRun.applyProfile': [{ label: 'without a profile', input: () => ({}), anyone: 'errors.profile.none' }],
  // The store is in use (the owner has a PIN): a page can no longer set it up, by a file or the wizard.
  'firstRun.previewImport': [{ label: 'on a store in use', input: () => ({ text: '{}' }), anyone: 'errors.profile.notFresh' }],
  'firstRun.applyWizard': [{ label: 'on a store in use', input: () => ({ profile: {} }), anyone: 'errors.profile.notFresh' }],
  // This PC's language and printer: anyone may read them (the PIN pad does); owners and managers change them.
  'device.get': [{ label: 'this PC', input: () => ({}), anyone: 'ok' }],
  'device.update': [{ label: 'the screens in German', input: () => ({ language: 'de' }), expect: { owner: 'ok', manager: 'ok', staff: 'forbidden' } }],
  // Papers for this PC's receipt printer (the test host has none): anyone may print what they may read, so the
  // X and Z are refused to staff before the missing printer is; a receipt or slip is everyone's.
  'print.test': query(all('errors.printer.none')),
  'print.preview': [
    { label: 'a receipt', input: async (w) => ({ document: 'receipt', tabId: (await w.tab()).tabId }), expect: all('errors.printer.none') },
    { label: 'the X', input: () => ({ document: 'x' }), expect: { owner: 'errors.printer.none', manager: 'errors.printer.none', staff: 'forbidden' } },
  ],
  'print.document': [
    { label: 'a token slip', input: async (w) => ({ document: 'slip', tabId: (await w.tab()).tabId }), expect: all('errors.printer.none') },
    {
      label: 'a Z',
      input: async (w) => {
        const status = await w.owner.call('day.status', {});
        if (status.lastZ) return { document: 'z', zNumber: status.lastZ.zNumber };
        return { document: 'z', zNumber: (await w.owner.call('day.close', { businessDate: await w.nextDay() })).zNumber };
      },
      expect: { owner: 'errors.printer.none', manager: 'errors.printer.none', staff: 'forbidden' },
    },
  ],
  // The store's whole setup off this PC, backup folder included: owners only (backup.manage).
  'store.exportProfile': [
    {
      label: 'with a receipt header',
      input: async (w) => (await w.owner.call('store.update', { legalName: 'Corner Café Ltd', address: ['1 Quay Street'], taxNumber: 'IE 1234567T' }), {}),
      expect: ownerOnly,
    },
  ],
};

const PINS: Record<Role, string> = { owner: OWNER_PIN, manager: '2222', staff: '1111' };
function pinOf(role: Role): string {
  return PINS[role];
}

/**
 * A booking made by the owner for a new customer with the owner as the stylist, on a day of its
 * own (so no case overlaps another): `past` a few days ago (a no-show, or a late cancel), `future`
 * weeks ahead (a cancel in time), `soon` early tomorrow (not started, but inside the 24 free
 * hours: a late cancel). The store opens every day and takes a 5.00 card deposit. The stylist is
 * the owner unless one is given.
 */
async function booking(w: World, when: 'past' | 'future' | 'soon', deposit = true, stylist = w.ids.owner) {
  await w.owner.call('store.update', {
    openingHours: [0, 1, 2, 3, 4, 5, 6].map(() => ({ open: 0, close: 1440 })) as never,
    depositPolicy: { mode: 'fixed', fixedMinor: 500, percent: 0, freeCancelHours: 24, forfeitPercent: 100 },
  });
  const service = await w.owner.call('catalog.createItem', {
    categoryId: null,
    name: `Trim ${w.serial()}`,
    kind: 'service',
    priceMinor: 2000,
    rateMilli: 10_000,
    expectText: 'Tidy ends.',
    durationMinutes: 30,
  });
  const customer = await w.owner.call('customer.create', { name: `Client ${w.serial()}` });
  const today = (await w.owner.call('day.status', {})).currentBusinessDate;
  const date = when === 'soon' ? addDays(today, 1) : addDays(today, when === 'past' ? -2 - w.serial() : 20 + w.serial());
  return w.owner.call('appointment.book', {
    customerId: customer.id,
    staffId: stylist,
    date,
    // Early tomorrow, each on a half hour of its own, all before this time tomorrow.
    startMinute: when === 'soon' ? 30 * (w.serial() % 16) : 600,
    itemIds: [service.id],
    deposit: deposit ? { method: 'card', reference: '' } : null,
  });
}

/**
 * A booking checked in by the owner, its service taken off and its deposit applied with the
 * excess refunded or kept: the tab is empty and a deposit was closed on it.
 */
async function emptiedDepositTab(w: World, excess: 'refund' | 'keep', made?: Awaited<ReturnType<typeof booking>>): Promise<number> {
  const appointment = made ?? (await booking(w, 'future'));
  const { tabId } = await w.owner.call('appointment.checkIn', { appointmentId: appointment.id });
  const line = (await w.owner.call('tab.get', { tabId })).lines[0]!;
  await w.owner.call('tab.removeLine', { tabId, lineId: line.id, reason: 'left before' });
  await w.owner.call('deposit.apply', { tabId, depositId: appointment.deposits[0]!.id, excess });
  return tabId;
}

/** A tab with one 4.00 line, settled by card by the owner: something to refund. */
async function settled(w: World): Promise<number> {
  const { tabId } = await w.tab();
  await w.owner.call('settle.pay', { tabId, method: 'card' });
  return tabId;
}

async function newItem(w: World) {
  return w.owner.call('catalog.createItem', {
    categoryId: null,
    name: `Scone ${w.serial()}`,
    kind: 'product',
    priceMinor: 300,
    rateMilli: 10_000,
    expectText: '',
  });
}

const startCore = testCores('aftertab-matrix-');

async function world(role: Role): Promise<World> {
  const core = startCore();
  const owner = windowClient(core, 1);
  const ownerId = (await owner.setup(PINS.owner)).staff.id;
  await owner.call('store.update', { tokenLast: 999 });
  const manager = await addPerson(owner, 'Mia', 'manager', PINS.manager);
  const staff = await addPerson(owner, 'Sam', 'staff', PINS.staff);
  const ids = { owner: ownerId, manager: manager.id, staff: staff.id, actor: { owner: ownerId, manager: manager.id, staff: staff.id }[role] };
  const actor = role === 'owner' ? owner : windowClient(core, 2);
  const itemId = (
    await owner.call('catalog.createItem', { categoryId: null, name: 'Tea', kind: 'product', priceMinor: 400, rateMilli: 10_000, expectText: '' })
  ).id;
  let serial = 0;
  const w: World = {
    core,
    role,
    owner,
    actor,
    ids,
    itemId,
    serial: () => (serial += 1),
    async tab(by = owner, qty = 1) {
      const tabId = (await owner.call('tab.open', {})).id;
      const { lineId } = await by.call('tab.addLine', { tabId, itemId, qty });
      return { tabId, lineId };
    },
    async drawer(state) {
      let session = (await owner.call('drawer.get', {})).session;
      if (session && session.status !== state) {
        if (session.status === 'open') await owner.call('drawer.count', { count: { kind: 'total', totalMinor: 0 } });
        await owner.call('drawer.close', { varianceReason: 'made ready for the next case' });
        session = null;
      }
      if (!session && state !== 'closed') {
        await owner.call('drawer.open', { float: { kind: 'total', totalMinor: 10_000 } });
        if (state === 'counted') await owner.call('drawer.count', { count: { kind: 'total', totalMinor: 10_000 } });
      }
    },
    async person(personRole) {
      const pin = String(70_000 + w.serial());
      return { ...(await addPerson(owner, `${personRole} ${w.serial()}`, personRole, pin)), pin };
    },
    async signInAgain() {
      await owner.signIn(ids.owner, PINS.owner);
      if (actor !== owner) await actor.signIn(ids.actor, PINS[role]);
    },
    async nextDay() {
      await w.drawer('closed');
      core.advance(24 * 60 * 60_000);
      await w.signInAgain();
      const status = await owner.call('day.status', {});
      // Closing the current day would leave nowhere to post the cases that follow.
      if (status.nextToClose >= status.currentBusinessDate) throw new Error(`no earlier day to close (${status.nextToClose})`);
      return status.nextToClose;
    },
  };
  // The role's person signs in on their own window.
  if (actor !== owner) await actor.signIn(ids.actor, PINS[role]);
  return w;
}

const ADMISSION = ['unauthorized', 'forbidden', 'approval_needed'];

/** Runs every case as `role` and returns the answers in the table's shape, and what a refusal wrote. */
async function answers(role: Role): Promise<{ got: Record<string, Answer>; wrote: string[] }> {
  const w = await world(role);
  const got: Record<string, Answer> = {};
  const wrote: string[] = [];
  const cases = commandNames.flatMap((name) => matrix[name].map((c) => ({ name, c })));
  const order = (c: Case) => ('first' in c && c.first ? 0 : 'last' in c && c.last ? 2 : 1);
  cases.sort((a, b) => order(a.c) - order(b.c));
  for (const { name, c } of cases) {
    const input = await c.input(w);
    const app = w.core.ledger();
    if (!app) throw new Error('the ledger is gone');
    const before = snapshot(app);
    // Public commands come from a window no one has signed in on.
    const caller = 'anyone' in c ? windowClient(w.core, 1000 + w.serial()) : w.actor;
    const result = await caller.send(name, input);
    const answer: Answer = result.ok
      ? 'ok'
      : ADMISSION.includes(result.error.code)
        ? (result.error.code as Answer)
        : ((result.error.key ?? result.error.code) as Answer);
    got[`${name}: ${c.label}`] = answer;
    if ((answer === 'forbidden' || answer === 'approval_needed') && JSON.stringify(snapshot(app)) !== JSON.stringify(before)) wrote.push(`${name}: ${c.label}`);
    if ('after' in c && c.after) await c.after(w);
  }
  return { got, wrote };
}

function expected(role: Role): Record<string, Answer> {
  return Object.fromEntries(commandNames.flatMap((name) => matrix[name].map((c) => [`${name}: ${c.label}`, 'anyone' in c ? c.anyone : c.expect[role]])));
}

describe('the role matrix', () => {
  it('has cases for every command of the contract, public ones answered without a session', () => {
    expect(Object.keys(matrix).sort()).toEqual([...commandNames].sort());
    for (const name of commandNames) {
      expect(matrix[name].length, name).toBeGreaterThan(0);
      for (const c of matrix[name])
        expect('anyone' in c, `${name}: ${c.label} is ${contract[name].public ? '' : 'not '}public`).toBe(contract[name].public === true);
    }
  });

  it.each(roles)('answers every command as the table says when the %s is signed in, and a refusal writes nothing', async (role) => {
    const { got, wrote } = await answers(role);
    expect(got).toEqual(expected(role));
    expect(wrote).toEqual([]);
  });
});
