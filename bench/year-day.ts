import { denominationsFor } from '../shared/domain/denominations';
import type { CommandInput } from '../shared/contract';
import type { TabSummary } from '../shared/types';
import type { Random } from './seeded-random';
import type { CommandRunner } from './year-runner';

const SEC = 1000;
const MIN = 60 * SEC;

/** A catalog item and how often it is ordered, relative to the others. */
export type MenuItem = { id: number; weight: number };

/**
 * A tab the simulation follows: the card the ledger last answered for it. Its lines are read with
 * tab.get when an event needs them (a query: it takes no command id, so the seeded run is the same).
 */
export type FollowedTab = { tab: TabSummary | null };

export type DayWorld = {
  runner: CommandRunner;
  random: Random;
  menu: readonly (readonly [MenuItem, number])[];
  currency: string;
  /** Tabs the previous evening left open; they are paid (or walk out) the next morning. */
  carried: FollowedTab[];
};

/** A closed day runs until its Z; an open one stops at `stopAt` (HH:MM) with its drawer and tabs open. */
export type DayPlan = { date: string; tabs: number } & ({ close: true } | { close: false; stopAt: string });

export type DayResult = { tabsOpened: number; carriedOut: number; zNumber: number | null; varianceMinor: number };

/** Arrivals by hour of the (UTC) store clock: a breakfast rush, a lunch peak, a quiet late afternoon. */
const ARRIVALS_BY_HOUR: readonly (readonly [number, number])[] = [
  [7, 6],
  [8, 12],
  [9, 11],
  [10, 9],
  [11, 9],
  [12, 13],
  [13, 12],
  [14, 8],
  [15, 8],
  [16, 7],
  [17, 4],
  [18, 1],
];
/** How many lines a tab gets, with their weights: a coffee alone as often as two things. */
export const LINES_PER_TAB = [
  [1, 35],
  [2, 35],
  [3, 20],
  [4, 10],
] as const;

const NAMES = ['Ana', 'Ben', 'Chloe', 'Dev', 'Eimear', 'Finn', 'Grace', 'Hugo', 'Ines', 'Jack', 'Kasia', 'Liam', 'Mia', 'Niamh', 'Oisín'];
const COMP_REASONS = ['regular', 'burnt', 'long wait', 'staff drink', 'birthday'];
const REMOVE_REASONS = ['wrong order', 'changed mind', 'rang up twice'];
const WALKOUT_REASONS = ['walked out', 'left without paying'];
const PAID_OUT_REASONS = ['milk', 'window cleaner', 'postage', 'bread delivery'];
const SHORT_REASONS = ['short change', 'miscount at the till', 'coin mix-up'];
const OVER_REASONS = ['tip left in the drawer', 'change not taken'];
/** A €150 float: notes and coins. */
const FLOAT = [
  { denominationMinor: 2000, qty: 2 },
  { denominationMinor: 1000, qty: 5 },
  { denominationMinor: 500, qty: 4 },
  { denominationMinor: 200, qty: 10 },
  { denominationMinor: 100, qty: 10 },
  { denominationMinor: 50, qty: 10 },
  { denominationMinor: 20, qty: 20 },
  { denominationMinor: 10, qty: 10 },
];
const FLOAT_MINOR = FLOAT.reduce((s, c) => s + c.denominationMinor * c.qty, 0);

type Event = { at: number; seq: number; act: () => void };

/** Events in time order; an event may schedule later ones (a split's parts, a rating). */
class Agenda {
  private readonly queue: Event[] = [];
  private seq = 0;
  add(at: number, act: () => void): void {
    const event = { at, seq: (this.seq += 1), act };
    // Kept sorted latest first, so the next event pops off the end.
    let lo = 0;
    let hi = this.queue.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const other = this.queue[mid] as Event;
      if (other.at > at || (other.at === at && other.seq > event.seq)) lo = mid + 1;
      else hi = mid;
    }
    this.queue.splice(lo, 0, event);
  }
  run(runner: CommandRunner, until: number): void {
    for (let event = this.queue.pop(); event && event.at <= until; event = this.queue.pop()) {
      runner.setNow(Math.max(runner.now(), event.at));
      event.act();
    }
  }
}

const clock = (date: string, hour: number, minute = 0, second = 0): number =>
  Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10), hour, minute, second);
const roundUp = (amount: number, step: number): number => Math.ceil(amount / step) * step;

/** Notes and coins for an amount, largest first, as a cashier would count a drawer (no note above €50). */
function countOf(total: number, currency: string): { denominationMinor: number; qty: number }[] {
  const counts: { denominationMinor: number; qty: number }[] = [];
  let rest = total;
  for (const d of denominationsFor(currency).filter((x) => x <= 5000)) {
    const qty = Math.floor(rest / d);
    if (qty > 0) counts.push({ denominationMinor: d, qty });
    rest -= qty * d;
  }
  if (rest !== 0) throw new Error(`cannot count ${total} in ${currency} coins`);
  return counts;
}

/**
 * One business day through the real services: the drawer opened with a float, tabs arriving
 * by the hour (lines, a second round, the odd removal and comp, a split, cash/card/other with
 * tips, ratings, a rare walkout), a paid out, yesterday's carried tabs settled, a few tabs
 * carried into tomorrow, then the blind count with a small variance, sign-off and the Z.
 */
export function runBusinessDay(world: DayWorld, plan: DayPlan): DayResult {
  const { runner, random: r } = world;
  const run = runner.run;
  const agenda = new Agenda();
  const drawer = { expected: 0, variance: 0 };
  const carriedOut: FollowedTab[] = [];
  let zNumber: number | null = null;
  const need = (s: FollowedTab): TabSummary => {
    if (!s.tab) throw new Error('a tab event ran before the tab was opened');
    return s.tab;
  };
  const isOpen = (s: FollowedTab) => s.tab !== null && s.tab.status === 'open';
  const activeLines = (s: FollowedTab) => run('tab.get', { tabId: need(s).id }).lines.filter((l) => l.state === 'active');

  const addLine = (s: FollowedTab) => {
    const qty = r.weighted([
      [1, 90],
      [2, 8],
      [3, 2],
    ] as const);
    s.tab = run('tab.addLine', { tabId: need(s).id, itemId: r.weighted(world.menu).id, qty });
  };
  const removeOne = (s: FollowedTab) => {
    const lines = activeLines(s);
    if (lines.length >= 2) s.tab = run('tab.removeLine', { tabId: need(s).id, lineId: r.pick(lines).id, reason: r.pick(REMOVE_REASONS) });
  };
  const compOne = (s: FollowedTab) => {
    const lines = activeLines(s).filter((l) => l.comp === null);
    if (lines.length === 0) return;
    const line = r.pick(lines);
    const reason = r.pick(COMP_REASONS);
    const kind = r.weighted([
      ['full', 6],
      ['half', 3],
      ['amount', 1],
    ] as const);
    const spec =
      kind === 'amount' ? { kind: 'amount' as const, value: Math.min(100, line.listMinor) } : { kind: 'percent' as const, value: kind === 'full' ? 100 : 50 };
    s.tab = run('tab.compLine', { tabId: need(s).id, lineId: line.id, ...spec, reason });
  };
  const rate = (s: FollowedTab) => {
    if (r.chance(0.3))
      s.tab = run('settle.rate', {
        tabId: need(s).id,
        rating: r.weighted([
          ['happy', 7],
          ['okay', 2],
          ['unhappy', 1],
        ] as const),
      });
  };
  const payOnce = (s: FollowedTab, amount: number, partNo?: number) => {
    const base = { tabId: need(s).id, ...(partNo === undefined ? {} : { partNo }) };
    const method =
      amount === 0
        ? 'card'
        : r.weighted([
            ['card', 62],
            ['cash', 33],
            ['other', 5],
          ] as const);
    let input: CommandInput<'settle.pay'>;
    // A tip given as an amount can be a large share of a small part; the counter said yes to it.
    const tipOf = (tipMinor: number) => ({ tipMinor, confirmed: { tipMinor } });
    if (method === 'card') {
      const tipped = amount > 0 && r.chance(0.35);
      const tip = !tipped ? {} : r.chance(0.5) ? { tipPercent: r.pick([5, 10, 15]) } : tipOf(r.pick([50, 100, 150, 200]));
      input = { ...base, method, ...tip };
    } else if (method === 'cash') {
      const tipMinor = r.chance(0.15) ? r.pick([20, 50, 100]) : 0;
      const tenderedMinor = roundUp(
        amount + tipMinor,
        r.weighted([
          [1, 4],
          [500, 3],
          [1000, 2],
          [2000, 1],
        ] as const),
      );
      input = { ...base, method, tenderedMinor, ...(tipMinor > 0 ? tipOf(tipMinor) : {}) };
    } else {
      input = { ...base, method, reference: r.pick(['voucher', 'gift card', 'house account']) };
    }
    const result = run('settle.pay', input);
    s.tab = result.tab;
    if (method === 'cash') drawer.expected += result.owedMinor;
  };
  const settle = (s: FollowedTab) => {
    if (!isOpen(s)) return;
    const tab = need(s);
    if (tab.dueMinor > 0 && r.chance(0.004)) {
      s.tab = run('tab.writeOff', { tabId: tab.id, reason: r.pick(WALKOUT_REASONS) });
      return;
    }
    if (activeLines(s).length >= 2 && tab.dueMinor >= 600 && r.chance(0.06)) {
      const split = run('settle.split', { tabId: tab.id, mode: 'even', parts: r.chance(0.75) ? 2 : 3 });
      s.tab = split;
      const parts = split.split.filter((p) => p.paymentId === null);
      parts.forEach((part, i) => agenda.add(runner.now() + (i + 1) * 40 * SEC, () => payOnce(s, part.amountMinor, part.partNo)));
      agenda.add(runner.now() + (parts.length + 1) * 40 * SEC, () => rate(s));
      return;
    }
    payOnce(s, tab.dueMinor);
    agenda.add(runner.now() + r.int(30, 120) * SEC, () => rate(s));
  };

  // The drawer, paid in and out.
  agenda.add(clock(plan.date, 6, 45), () => {
    run('drawer.open', { float: { kind: 'denominations', counts: FLOAT } });
    drawer.expected = FLOAT_MINOR;
  });
  if (r.chance(0.05)) {
    agenda.add(clock(plan.date, 9, r.int(0, 59)), () => {
      run('drawer.move', { kind: 'paid_in', amountMinor: 2000, reason: 'change from the bank' });
      drawer.expected += 2000;
    });
  }
  if (r.chance(0.4)) {
    const amountMinor = r.int(3, 30) * 100 + r.pick([0, 50, 95]);
    agenda.add(clock(plan.date, r.int(10, 14), r.int(0, 59)), () => {
      run('drawer.move', { kind: 'paid_out', amountMinor, reason: r.pick(PAID_OUT_REASONS) });
      drawer.expected -= amountMinor;
    });
  }

  // Yesterday's carried tabs: most are paid in the morning, a few never come back.
  for (const s of world.carried) {
    agenda.add(clock(plan.date, 8, r.int(0, 179)), () => {
      if (!isOpen(s)) return;
      if (r.chance(0.1) && need(s).dueMinor > 0) s.tab = run('tab.writeOff', { tabId: need(s).id, reason: 'left without paying' });
      else settle(s);
    });
  }

  // Today's tabs.
  const lastPay = clock(plan.date, 18, 55);
  for (let i = 0; i < plan.tabs; i += 1) {
    const hour = r.weighted(ARRIVALS_BY_HOUR);
    const arrive = clock(plan.date, hour, r.int(0, hour === 18 ? 30 : 59), r.int(0, 59));
    const s: FollowedTab = { tab: null };
    agenda.add(arrive, () => {
      s.tab = run('tab.open', r.chance(0.25) ? { name: r.pick(NAMES) } : {});
    });
    let t = arrive;
    for (let n = r.weighted(LINES_PER_TAB); n > 0; n -= 1) agenda.add((t += r.int(10, 60) * SEC), () => addLine(s));
    if (hour < 17 && r.chance(0.25)) {
      t += r.int(12, 30) * MIN;
      for (let n = r.int(1, 2); n > 0; n -= 1) agenda.add((t += r.int(10, 40) * SEC), () => addLine(s));
    }
    if (r.chance(0.02)) agenda.add((t += r.int(1, 4) * MIN), () => removeOne(s));
    if (r.chance(0.025)) agenda.add((t += r.int(1, 10) * MIN), () => compOne(s));
    if (plan.close && hour >= 17 && r.chance(0.15)) carriedOut.push(s);
    else agenda.add(Math.max(t + 30 * SEC, Math.min(t + r.int(5, 40) * MIN, lastPay)), () => settle(s));
  }

  if (!plan.close) {
    const [hh = 14, mm = 30] = plan.stopAt.split(':').map(Number);
    agenda.run(runner, clock(plan.date, hh, mm));
    world.carried = [];
    return { tabsOpened: plan.tabs, carriedOut: 0, zNumber: null, varianceMinor: 0 };
  }

  // Closing: the blind count (by denomination most nights), sign-off, the Z.
  agenda.add(clock(plan.date, 19, 0), () => {
    drawer.variance = r.chance(0.75) ? 0 : r.pick([-1, 1]) * r.int(1, 250);
    const total = Math.max(0, drawer.expected + drawer.variance);
    drawer.variance = total - drawer.expected;
    run('drawer.count', { count: r.chance(0.7) ? { kind: 'denominations', counts: countOf(total, world.currency) } : { kind: 'total', totalMinor: total } });
  });
  agenda.add(clock(plan.date, 19, 2), () => {
    const reason = drawer.variance === 0 ? '' : r.pick(drawer.variance < 0 ? SHORT_REASONS : OVER_REASONS);
    run('drawer.close', { varianceReason: reason });
  });
  agenda.add(clock(plan.date, 19, 5), () => {
    zNumber = run('day.close', { businessDate: plan.date }).zNumber;
  });
  agenda.run(runner, Number.POSITIVE_INFINITY);
  world.carried = carriedOut;
  return { tabsOpened: plan.tabs, carriedOut: carriedOut.length, zNumber, varianceMinor: drawer.variance };
}
