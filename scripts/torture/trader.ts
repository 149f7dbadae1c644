import type { Random } from '../../bench/seeded-random';
import type { Catalog, PaymentResult, TabDetail, TabSummary } from '../../shared/types';
import { must, type RunningHost } from './host';

/** A valid command to send: its name and input (the command id is the caller's). */
export type Step = { name: string; input: Record<string, unknown> };

type TabModel = { id: number; lines: number[]; dueMinor: number; split: { partNo: number; paid: boolean }[]; lastPaymentId: number | null };

const OPEN_TABS_MAX = 12;
/** Settled tabs kept to refund later (the newest ones). */
const SETTLED_KEPT = 20;

/**
 * A counter's day as a stream of valid commands, from a seeded generator: tabs opened, lines
 * added and changed, comps, splits, cash, card and other payments with tips, walkouts, voids,
 * drawer pay-ins and pay-outs, refunds of settled tabs. It follows each answer, so the next step
 * refers to real tabs; a refusal (a tip above the store's share, a payment too late to void, a
 * refund past what is left) is fine and expected.
 */
export class Trader {
  private tabs = new Map<number, TabModel>();
  private settled: number[] = [];
  private items: number[] = [];
  private opened = 0;

  constructor(private readonly random: Random) {}

  /** A fresh ledger: the café starter catalog and an open drawer, so cash can be taken. */
  static async prepare(host: RunningHost, token: string, commandId: () => string): Promise<void> {
    await must(host, token, 'catalog.loadStarter', { kind: 'cafe' }, commandId());
    await must(host, token, 'drawer.open', { float: { kind: 'total', totalMinor: 20_000 } }, commandId());
  }

  /** Reads the catalog and the open tabs from the host (after a start, when the model knows nothing). */
  async resync(host: RunningHost, token: string): Promise<void> {
    const catalog = await must<Catalog>(host, token, 'catalog.list', {});
    this.items = catalog.items.filter((item) => !item.archived && item.priceMinor > 0).map((item) => item.id);
    this.tabs.clear();
    const open = await must<TabSummary[]>(host, token, 'tab.listOpen', {});
    for (const summary of open) this.follow(await must<TabDetail>(host, token, 'tab.get', { tabId: summary.id }));
  }

  /**
   * Updates the model from a command's answer: a whole tab, a tab's card, or a payment and its
   * tab's card. A card says nothing of the lines and the split, so a tab still open is read whole.
   */
  async observe(host: RunningHost, token: string, value: unknown): Promise<void> {
    if (typeof value !== 'object' || value === null) return;
    const payment = 'tab' in value && 'payment' in value ? (value as PaymentResult) : null;
    const tab = payment ? payment.tab : 'status' in value && 'itemCount' in value ? (value as TabSummary | TabDetail) : null;
    if (!tab) return;
    if ('lines' in tab || tab.status !== 'open') this.follow(tab);
    else this.follow(await must<TabDetail>(host, token, 'tab.get', { tabId: tab.id }));
    const model = payment ? this.tabs.get(tab.id) : undefined;
    if (model && payment) model.lastPaymentId = payment.payment.id;
  }

  /** A closed tab leaves the model (a settled one is kept to refund); an open one needs its whole detail. */
  private follow(tab: TabDetail | TabSummary): void {
    if (tab.status !== 'open' || !('lines' in tab)) {
      this.tabs.delete(tab.id);
      if (tab.status === 'settled' && !this.settled.includes(tab.id)) this.settled = [...this.settled, tab.id].slice(-SETTLED_KEPT);
      return;
    }
    const last = tab.payments[tab.payments.length - 1];
    this.tabs.set(tab.id, {
      id: tab.id,
      lines: tab.lines.filter((line) => line.state === 'active').map((line) => line.id),
      dueMinor: tab.dueMinor,
      split: tab.split.map((part) => ({ partNo: part.partNo, paid: part.paymentId !== null })),
      lastPaymentId: last ? last.id : null,
    });
  }

  next(): Step {
    const r = this.random;
    const tabs = [...this.tabs.values()];
    if (tabs.length === 0 || this.items.length === 0) return this.open();
    const tab = r.pick(tabs);
    const line = tab.lines.length > 0 ? r.pick(tab.lines) : null;
    const choice = r.weighted<string>([
      ['open', tabs.length < OPEN_TABS_MAX ? 3 : 0],
      ['addLine', 6],
      ['setQty', line ? 1 : 0],
      ['comp', line ? 1 : 0],
      ['removeLine', line ? 0.5 : 0],
      ['split', tab.dueMinor > 100 && tab.split.length === 0 ? 1 : 0],
      ['pay', tab.dueMinor > 0 ? 4 : 0],
      ['walkout', tab.dueMinor > 0 ? 0.4 : 0],
      ['void', tab.lines.length === 0 ? 0.5 : 0],
      ['voidPayment', tab.lastPaymentId !== null ? 0.3 : 0],
      ['note', 0.3],
      ['paidIn', 0.4],
      ['paidOut', 0.2],
      ['refund', this.settled.length > 0 ? 0.5 : 0],
    ]);
    switch (choice) {
      case 'open':
        return this.open();
      case 'addLine':
        return { name: 'tab.addLine', input: { tabId: tab.id, itemId: r.pick(this.items), qty: r.int(1, 3) } };
      case 'setQty':
        return { name: 'tab.setQty', input: { tabId: tab.id, lineId: line as number, qty: r.int(1, 4) } };
      case 'comp':
        return { name: 'tab.compLine', input: { tabId: tab.id, lineId: line as number, kind: 'percent', value: r.int(5, 50), reason: 'regular' } };
      case 'removeLine':
        return { name: 'tab.removeLine', input: { tabId: tab.id, lineId: line as number, reason: 'rang up by mistake' } };
      case 'split':
        return { name: 'settle.split', input: { tabId: tab.id, mode: 'even', parts: r.int(2, 3) } };
      case 'pay':
        return this.pay(tab);
      case 'walkout':
        return { name: 'tab.writeOff', input: { tabId: tab.id, reason: 'walked out' } };
      case 'void':
        return { name: 'tab.void', input: { tabId: tab.id } };
      case 'voidPayment':
        return { name: 'settle.voidLastPayment', input: { tabId: tab.id, paymentId: tab.lastPaymentId as number, reason: 'wrong card' } };
      case 'note':
        return { name: 'tab.update', input: { tabId: tab.id, note: `note ${r.int(1, 999)}` } };
      case 'refund':
        return this.refund();
      case 'paidIn':
        return { name: 'drawer.move', input: { kind: 'paid_in', amountMinor: r.int(100, 5000), reason: 'change from the bank' } };
      default:
        return { name: 'drawer.move', input: { kind: 'paid_out', amountMinor: r.int(100, 1000), reason: 'milk from the shop' } };
    }
  }

  /** A refund of a settled tab: all that is left, or an amount, tips now and then; past what is left it is refused. */
  private refund(): Step {
    const r = this.random;
    const base = { tabId: r.pick(this.settled), includeTips: r.chance(0.3), reason: 'customer not happy' };
    return { name: 'tab.refund', input: r.chance(0.5) ? { ...base, mode: 'amount', amountMinor: r.int(1, 600) } : { ...base, mode: 'whole' } };
  }

  private open(): Step {
    this.opened += 1;
    return { name: 'tab.open', input: { name: `Guest ${this.opened}` } };
  }

  private pay(tab: TabModel): Step {
    const r = this.random;
    const method = r.weighted<'cash' | 'card' | 'other'>([
      ['cash', 4],
      ['card', 4],
      ['other', 1],
    ]);
    const input: Record<string, unknown> = { tabId: tab.id, method };
    const part = tab.split.find((p) => !p.paid);
    if (part) input.partNo = part.partNo;
    const tip = r.int(0, 3);
    if (tip <= 1) input.tipMinor = r.int(0, 150);
    else if (tip === 2) input.tipPercent = r.int(0, 12);
    if (method === 'cash' && !part && r.chance(0.5)) input.tenderedMinor = tab.dueMinor + r.int(0, 2000);
    if (method === 'card') input.reference = `auth ${r.int(1000, 9999)}`;
    return { name: 'settle.pay', input };
  }
}
