import type { TabDetail, TabLine } from '../../shared/types';

/** One line of a test tab: a latte at 4.40, 10 % tax, served by the owner. */
export function testLine(overrides: Partial<TabLine> = {}): TabLine {
  return {
    id: 1,
    itemId: 1,
    name: 'Latte',
    unitMinor: 440,
    rateMilli: 10_000,
    qty: 1,
    staffId: 1,
    staffName: 'Owner',
    state: 'active',
    removeReason: null,
    comp: null,
    listMinor: 440,
    chargedMinor: 440,
    createdAt: '2026-09-14T08:05:00.000Z',
    expectText: '',
    ...overrides,
  };
}

/** A settled tab for renderer tests, its totals as the ledger would give them; each test overrides what it is about. */
export function testTab(overrides: Partial<TabDetail> = {}): TabDetail {
  return {
    id: 7,
    token: 12,
    name: '',
    label: '',
    note: '',
    status: 'settled',
    itemCount: 1,
    totalMinor: 440,
    paidMinor: 440,
    dueMinor: 0,
    openedAt: '2026-09-14T08:00:00.000Z',
    lastActivityAt: '2026-09-14T08:40:00.000Z',
    customerId: null,
    customerName: null,
    lines: [testLine()],
    rates: [{ rateMilli: 10_000, netMinor: 400, taxMinor: 40, grossMinor: 440 }],
    listMinor: 440,
    compMinor: 0,
    netMinor: 400,
    taxMinor: 40,
    payments: [],
    voidedPayments: [],
    split: [],
    deposits: [],
    writeOffReason: null,
    closedAt: '2026-09-14T08:40:00.000Z',
    rating: null,
    history: [],
    // Not numbered unless a test is about the number (a tab settled before receipts were numbered).
    receiptNumber: null,
    ...overrides,
  };
}
