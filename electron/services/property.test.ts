import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeLedger, type TestLedger } from '../test-support/ledger-fixture';
import { assertInvariants } from '../test-support/invariants';
import type { TabDetail } from '../../shared/types';
import { cashRoundingSteps } from '../../shared/domain/denominations';
import { addDays } from '../../shared/domain/business-day';
import type { CheckInResult } from '../../shared/salon-types';

const pick = fc.nat({ max: 1000 });
const w = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });
const counterOps = [
  w(3, fc.record({ op: fc.constant('open' as const), token: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }) })),
  w(6, fc.record({ op: fc.constant('add' as const), tab: pick, item: pick, qty: fc.integer({ min: 1, max: 5 }) })),
  w(3, fc.record({ op: fc.constant('qty' as const), tab: pick, line: pick, qty: fc.integer({ min: 1, max: 9 }) })),
  w(1, fc.record({ op: fc.constant('remove' as const), tab: pick, line: pick })),
  w(
    2,
    fc.record({
      op: fc.constant('comp' as const),
      tab: pick,
      line: pick,
      percent: fc.boolean(),
      value: fc.integer({ min: 1, max: 2000 }),
      units: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
    }),
  ),
  w(
    2,
    fc.record({
      op: fc.constant('pay' as const),
      tab: pick,
      method: fc.constantFrom('cash' as const, 'card' as const, 'other' as const),
      part: fc.option(fc.integer({ min: 1, max: 2000 }), { nil: undefined, freq: 2 }),
      tip: fc.integer({ min: 0, max: 300 }),
      confirm: fc.boolean(),
    }),
  ),
  w(1, fc.record({ op: fc.constant('split' as const), tab: pick, n: fc.integer({ min: 2, max: 4 }) })),
  w(
    1,
    fc.record({
      op: fc.constant('splitUnits' as const),
      tab: pick,
      n: fc.integer({ min: 2, max: 4 }),
      to: fc.array(fc.nat({ max: 3 }), { minLength: 1, maxLength: 40 }),
    }),
  ),
  w(2, fc.record({ op: fc.constant('payPart' as const), tab: pick, partNo: fc.integer({ min: 1, max: 4 }) })),
  w(1, fc.record({ op: fc.constant('writeOff' as const), tab: pick })),
  // Weighted up: a void only succeeds on a tab's last payment within minutes, so most tries are refused.
  w(4, fc.record({ op: fc.constant('voidPayment' as const), tab: pick, stale: fc.constantFrom(false, false, false, true) })),
  w(1, fc.record({ op: fc.constant('void' as const), tab: pick })),
  w(1, fc.record({ op: fc.constant('replay' as const) })),
  w(1, fc.record({ op: fc.constant('drawerMove' as const), paidIn: fc.boolean(), amount: fc.integer({ min: 1, max: 3000 }) })),
  w(1, fc.record({ op: fc.constant('closeDay' as const), off: fc.integer({ min: -50, max: 50 }) })),
  w(1, fc.record({ op: fc.constant('night' as const) })),
] as const;
const salonOps = [
  // The salon's book: a booking (with a deposit by any tender, or none), check-in, cancel, no-show, and the deposit's end.
  w(
    2,
    fc.record({
      op: fc.constant('book' as const),
      day: fc.integer({ min: -2, max: 2 }),
      start: fc.integer({ min: 0, max: 270 }),
      item: pick,
      two: fc.boolean(),
      deposit: fc.constantFrom('cash' as const, 'card' as const, 'other' as const, null),
    }),
  ),
  w(2, fc.record({ op: fc.constant('checkIn' as const), appointment: pick })),
  w(1, fc.record({ op: fc.constant('cancel' as const), appointment: pick, anyway: fc.boolean() })),
  w(2, fc.record({ op: fc.constant('noShow' as const), appointment: pick, anyway: fc.boolean() })),
  w(2, fc.record({ op: fc.constant('applyDeposit' as const), deposit: pick, tab: pick, keep: fc.boolean() })),
  w(1, fc.record({ op: fc.constant('refundDeposit' as const), deposit: pick })),
] as const;
/** The counter's commands alone, as before the salon. */
const op = fc.oneof(...counterOps);
/** The salon's day: bookings and deposits among the counter's commands. */
const salonOp = fc.oneof(...counterOps, ...salonOps.map((o) => ({ ...o, weight: o.weight * 4 })));
const depositPolicy = fc.record({
  mode: fc.constantFrom('fixed' as const, 'percent' as const),
  fixedMinor: fc.integer({ min: 1, max: 6000 }),
  percent: fc.integer({ min: 1, max: 100 }),
  freeCancelHours: fc.integer({ min: 0, max: 48 }),
  forfeitPercent: fc.integer({ min: 0, max: 100 }),
});
const store = fc.record({
  currency: fc.constantFrom('EUR', 'JPY', 'KWD', 'CHF'),
  taxMode: fc.constantFrom('inclusive' as const, 'exclusive' as const),
  /** Which of the currency's rounding steps, smallest first (no rounding where a coin of one minor unit exists). */
  rounding: fc.nat(2),
});

function at<T>(list: readonly T[], index: number): T | undefined {
  return list.length === 0 ? undefined : list[index % list.length];
}

type Op = typeof salonOp extends fc.Arbitrary<infer T> ? T : never;
type Cmd = { name: string; input: unknown };

type Salon = { customer: number; services: number[]; appointments: number[] };

function step(l: TestLedger, tabs: number[], items: number[], last: Cmd | null, o: Op, paid: number[], salon: Salon): Cmd | null | undefined | 0 {
  // A void aims at a tab that was paid (most tabs never are), so it is really tried.
  const tabId = 'tab' in o ? at(o.op === 'voidPayment' ? paid : tabs, o.tab) : undefined;
  const detail = tabId === undefined ? undefined : (l.raw('tab.get', { tabId }) as { ok: true; value: TabDetail }).value;
  const lineId = 'line' in o && detail ? at(detail.lines, o.line)?.id : undefined;
  switch (o.op) {
    case 'open':
      return { name: 'tab.open', input: { token: o.token } };
    case 'add':
      return tabId && { name: 'tab.addLine', input: { tabId, itemId: at(items, o.item), qty: o.qty } };
    case 'qty':
      return tabId && lineId && { name: 'tab.setQty', input: { tabId, lineId, qty: o.qty } };
    case 'remove':
      return tabId && lineId && { name: 'tab.removeLine', input: { tabId, lineId, reason: 'changed mind' } };
    case 'comp':
      return (
        tabId &&
        lineId && {
          name: 'tab.compLine',
          input: {
            tabId,
            lineId,
            kind: o.percent ? 'percent' : 'amount',
            value: o.percent ? Math.min(o.value, 100) : o.value,
            qty: o.units,
            reason: 'not satisfied',
          },
        }
      );
    case 'pay':
      // Half the payments confirm their tip, as the screen does after asking; the rest may be refused for a large one.
      return (
        tabId && {
          name: 'settle.pay',
          input: {
            tabId,
            method: o.method,
            tipMinor: o.tip,
            ...(o.part === undefined ? {} : { amountMinor: o.part }),
            ...(o.confirm ? { confirmed: { tipMinor: o.tip } } : {}),
          },
        }
      );
    case 'split':
      return tabId && { name: 'settle.split', input: { tabId, mode: 'even', parts: o.n } };
    case 'splitUnits':
      return tabId && detail && { name: 'settle.split', input: { tabId, mode: 'lines', groups: unitGroups(detail, o.n, o.to) } };
    case 'payPart':
      return tabId && { name: 'settle.pay', input: { tabId, method: 'card', partNo: o.partNo } };
    case 'writeOff':
      return tabId && { name: 'tab.writeOff', input: { tabId, reason: 'walked out' } };
    case 'voidPayment': {
      // The last payment that stands, or (a stale screen) the first one the tab ever had.
      const payments = detail ? [...detail.payments, ...detail.voidedPayments].sort((a, b) => a.id - b.id) : [];
      const target = o.stale ? payments[0] : detail?.payments.at(-1);
      return tabId && target && { name: 'settle.voidLastPayment', input: { tabId, paymentId: target.id, reason: 'wrong method' } };
    }
    case 'void':
      return tabId && { name: 'tab.void', input: { tabId } };
    case 'replay':
      return last;
    case 'drawerMove':
      return { name: 'drawer.move', input: { kind: o.paidIn ? 'paid_in' : 'paid_out', amountMinor: o.amount, reason: 'float top-up' } };
    case 'closeDay':
      return closeDayNow(l, o.off);
    case 'night':
      l.advance(13 * 3_600_000);
      return 0;
    case 'book': {
      const date = addDays(l.call('day.status', {}).currentBusinessDate, o.day);
      const first = at(salon.services, o.item) ?? 0;
      const itemIds = o.two ? [first, at(salon.services, o.item + 1) ?? first] : [first];
      return {
        name: 'appointment.book',
        input: { customerId: salon.customer, staffId: 1, date, startMinute: o.start * 5, itemIds, deposit: o.deposit && { method: o.deposit } },
      };
    }
    case 'checkIn':
    case 'cancel':
    case 'noShow': {
      const appointmentId = at(salon.appointments, o.appointment);
      if (appointmentId === undefined) return undefined;
      const anyway = 'anyway' in o && o.anyway ? { refundAnyway: 'the client asked' } : {};
      return { name: `appointment.${o.op}`, input: { appointmentId, ...anyway } };
    }
    case 'applyDeposit':
    case 'refundDeposit': {
      const held = l.db.prepare<[], { id: number; tab_id: number | null }>("SELECT id, tab_id FROM deposits WHERE status = 'held' ORDER BY id").all();
      // Applying aims at a deposit attached at check-in when there is one (most held deposits wait for theirs).
      const attached = held.filter((d) => d.tab_id !== null);
      const deposit = at(o.op === 'applyDeposit' && attached.length > 0 ? attached : held, o.deposit);
      if (!deposit) return undefined;
      if (o.op === 'refundDeposit') return { name: 'deposit.refund', input: { depositId: deposit.id, reason: 'the client asked' } };
      const tabId = deposit.tab_id ?? at(tabs, o.tab);
      return tabId && { name: 'deposit.apply', input: { tabId, depositId: deposit.id, excess: o.keep ? 'keep' : 'refund' } };
    }
  }
}

/** Every unit of the tab's active lines, comped apart from full-price, dealt to n parts in the order `to` says. */
function unitGroups(detail: TabDetail, n: number, to: readonly number[]) {
  const parts = Array.from({ length: n }, () => new Map<string, { lineId: number; qty: number; comped: boolean }>());
  let k = 0;
  for (const line of detail.lines.filter((x) => x.state === 'active')) {
    const comped = line.comp?.qty ?? 0;
    for (let unit = 0; unit < line.qty; unit += 1) {
      const isComped = unit < comped;
      const part = parts[(at(to, k) ?? 0) % n];
      k += 1;
      const key = `${line.id}:${isComped}`;
      const pick = part?.get(key) ?? { lineId: line.id, qty: 0, comped: isComped };
      part?.set(key, { ...pick, qty: pick.qty + 1 });
    }
  }
  return parts.map((p) => [...p.values()]).filter((p) => p.length > 0);
}

let closedDays = 0;

/** Counts the drawer a little off, signs it off, closes the next day and opens a fresh drawer. */
function closeDayNow(l: TestLedger, off: number): 0 {
  // The day after one closed early begins only at its boundary; a night has to pass first.
  if (!l.call('day.status', {}).canCloseNext) return 0;
  const counted = l.call('drawer.count', { count: { kind: 'total', totalMinor: 0 } }).session!;
  const expected = counted.expectedMinor ?? 0;
  l.call('drawer.count', { count: { kind: 'total', totalMinor: Math.max(0, expected + off) } });
  l.call('drawer.close', { varianceReason: 'counted at close' });
  const before = l.call('report.zList', {});
  const z = l.call('day.close', { businessDate: l.call('day.status', {}).nextToClose });
  expect(z.zNumber).toBe((before[0]?.zNumber ?? 0) + 1);
  expect(z.accounts.reduce((sum, a) => sum + a.movementMinor, 0)).toBe(0);
  expect(z.receivable.carriedForwardMinor).toBe(z.carried.reduce((sum, t) => sum + t.dueMinor, 0));
  l.call('drawer.open', { float: { kind: 'total', totalMinor: 0 } });
  closedDays += 1;
  return 0;
}

/** Runs random sequences of these commands, checking every invariant after each step; returns how often each command succeeded. */
function runSequences(ops: fc.Arbitrary<Op>, numRuns: number): Map<string, number> {
  const succeeded = new Map<string, number>();
  fc.assert(
    fc.property(store, depositPolicy, fc.array(ops, { minLength: 10, maxLength: 50 }), (s, policy, ops) => {
      const l = makeLedger();
      try {
        l.call('store.update', {
          currency: s.currency,
          taxMode: s.taxMode,
          cashRoundingMinor: at(cashRoundingSteps(s.currency), s.rounding),
          tokenLast: 8,
          // Open all day every day, so a random time is bookable unless it overlaps or runs past midnight.
          openingHours: [0, 1, 2, 3, 4, 5, 6].map(() => ({ open: 0, close: 1440 })) as never,
          depositPolicy: policy,
        });
        const items = l.call('catalog.loadStarter', { kind: 'cafe' }).items.map((i) => i.id);
        const service = (name: string, priceMinor: number, durationMinutes: number) =>
          l.call('catalog.createItem', {
            categoryId: null,
            name,
            kind: 'service',
            priceMinor,
            rateMilli: 10_000,
            expectText: 'What to expect.',
            durationMinutes,
          }).id;
        const salon: Salon = {
          customer: l.call('customer.create', { name: 'Regular' }).id,
          services: [service('Cut', 3000, 45), service('Colour', 5555, 90)],
          appointments: [],
        };
        const tabs: number[] = [];
        const paid: number[] = [];
        let last: { name: string; input: unknown; id: string } | null = null;
        let counter = 0;
        for (const o of ops) {
          const cmd = step(l, tabs, items, last, o, paid, salon);
          if (!cmd) continue;
          const id: string = o.op === 'replay' && last ? last.id : `prop-${(counter += 1).toString().padStart(6, '0')}`;
          const postingsBefore = l.db.prepare('SELECT COUNT(*) AS n FROM postings').get();
          const result = l.raw(cmd.name, cmd.input, id);
          if (result.ok) {
            const counted = o.op === 'splitUnits' ? 'settle.split by units' : cmd.name;
            succeeded.set(counted, (succeeded.get(counted) ?? 0) + 1);
            if (cmd.name === 'tab.open' && o.op !== 'replay') tabs.push((result.value as TabDetail).id);
            if (cmd.name === 'appointment.book' && o.op !== 'replay') salon.appointments.push((result.value as { id: number }).id);
            if (cmd.name === 'appointment.checkIn' && o.op !== 'replay') tabs.push((result.value as CheckInResult).tabId);
            if (cmd.name === 'settle.pay') paid.push((cmd.input as { tabId: number }).tabId);
            if (o.op === 'replay') expect(l.db.prepare('SELECT COUNT(*) AS n FROM postings').get()).toEqual(postingsBefore);
          } else {
            expect(result.error.code).not.toBe('internal');
            expect(l.db.prepare('SELECT COUNT(*) AS n FROM postings').get()).toEqual(postingsBefore);
          }
          last = { name: cmd.name, input: cmd.input, id };
          assertInvariants(l.db);
        }
        expect(l.call('ledger.check', {}).problems).toEqual([]);
      } finally {
        l.cleanup();
      }
    }),
    { numRuns },
  );
  return succeeded;
}

describe('random command sequences keep every invariant', () => {
  it('after each step, whatever the store and the order of commands', () => {
    closedDays = 0;
    const succeeded = runSequences(op, 100);
    // The sequences must really reach every kind of change, or the property proves little.
    for (const name of [
      'tab.open',
      'tab.addLine',
      'tab.setQty',
      'tab.removeLine',
      'tab.compLine',
      'settle.pay',
      'settle.split',
      'settle.split by units',
      'tab.writeOff',
      'tab.void',
      'drawer.move',
      'settle.voidLastPayment',
    ]) {
      expect(succeeded.get(name) ?? 0, `${name} succeeded at least 3 times`).toBeGreaterThanOrEqual(3);
    }
    expect(closedDays, 'days closed with a Z in the sequences').toBeGreaterThanOrEqual(10);
    // A hundred sequences take ~10 s alone; the cap leaves room for a loaded CI machine.
  }, 120_000);

  it('through a salon day too: bookings, check-ins, cancels, no-shows and deposits among the counter’s commands', () => {
    const succeeded = runSequences(salonOp, 50);
    for (const name of ['appointment.book', 'appointment.checkIn', 'appointment.cancel', 'appointment.noShow', 'deposit.apply', 'deposit.refund']) {
      expect(succeeded.get(name) ?? 0, `${name} succeeded at least 3 times`).toBeGreaterThanOrEqual(3);
    }
  }, 120_000);
});
