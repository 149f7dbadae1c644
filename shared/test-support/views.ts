import type { DayReport } from '../closing-types';
import type { StoreSettings, TabDetail, TabLine } from '../types';

/*
 * What the ledger reads back, as test data for the screens and for paper: a café, a tab and a
 * closed day. Each test overrides only what it is about.
 */

/** A default café store for renderer tests; each test overrides only what it is about. */
export function testStore(overrides: Partial<StoreSettings> = {}): StoreSettings {
  return {
    name: 'My café',
    currency: 'EUR',
    exponent: 2,
    locale: 'en-IE',
    taxMode: 'inclusive',
    taxRates: [
      { rateMilli: 10_000, label: 'Standard' },
      { rateMilli: 0, label: 'Zero' },
    ],
    tokenFirst: 1,
    tokenLast: 40,
    cashRoundingMinor: 1,
    amberMinutes: 45,
    redMinutes: 90,
    tipConfirmPercent: 30,
    payAfterTerms: '',
    dayBoundaryMinutes: 240,
    timeZone: 'UTC',
    currencyLocked: false,
    businessDayLocked: false,
    pendingDay: null,
    idleLockMinutes: 5,
    approvalCompPercent: 20,
    approvalCompMinor: 500,
    tipApprovalPercent: 100,
    // Monday to Saturday 09:00 to 18:00, Sunday closed; no deposits: the ledger's defaults.
    openingHours: [...Array.from({ length: 6 }, () => ({ open: 540, close: 1080 })), null] as StoreSettings['openingHours'],
    depositPolicy: { mode: 'none', fixedMinor: 0, percent: 0, freeCancelHours: 24, forfeitPercent: 100 },
    // Loyalty off: the ledger's default.
    loyalty: { scheme: 'off', categoryId: null, stampsEvery: 10, pointsSpendMinor: 100, pointValueMinor: 1, pointsMin: 100 },
    // No receipt header and English paper: the ledger's defaults.
    legalName: '',
    address: [],
    taxNumber: '',
    logo: null,
    language: 'en',
    ...overrides,
  };
}

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

/** A small closed day for the report's component tests; each test overrides what it is about. */
export function testReport(patch: Partial<DayReport> = {}): DayReport {
  return {
    kind: 'z',
    zNumber: 7,
    businessDate: '2026-09-14',
    generatedAt: '2026-09-14T21:30:00.000Z',
    generatedBy: 'Owner',
    storeName: 'My café',
    currency: 'EUR',
    locale: 'en-IE',
    entryCount: 23,
    sales: { rungUpMinor: 3046, removedMinor: 291, removedCount: 1, grossMinor: 2755, compsMinor: 146, netMinor: 2609, taxMinor: 261, totalMinor: 2870 },
    comps: [{ reason: 'Not satisfied', count: 1, amountMinor: 146 }],
    taxes: [{ rateMilli: 10_000, netMinor: 2609, taxMinor: 261 }],
    tips: [{ staffId: 1, staffName: 'Owner', amountMinor: 51 }],
    payments: [
      { method: 'cash', count: 2, amountMinor: 1270, tipMinor: 0, takenMinor: 1270 },
      { method: 'card', count: 1, amountMinor: 510, tipMinor: 51, takenMinor: 561 },
    ],
    roundingMinor: 0,
    deposits: { takenMinor: 0, appliedMinor: 0, refundedMinor: 0, forfeitedMinor: 0, heldMinor: 0 },
    walkouts: { count: 1, amountMinor: 750 },
    drawer: {
      sessions: [
        {
          sessionId: 1,
          openedAt: '2026-09-14T08:00:00.000Z',
          closedAt: '2026-09-14T21:00:00.000Z',
          floatMinor: 10000,
          cashInMinor: 1270,
          paidInMinor: 0,
          paidOutMinor: 450,
          expectedMinor: 10820,
          countedMinor: 10800,
          varianceMinor: -20,
          varianceReason: 'Coin dropped',
          signedOffBy: 'Owner',
          firstCountMinor: null,
        },
      ],
      openNow: false,
      floatMinor: 10000,
      cashInMinor: 1270,
      paidInMinor: 0,
      paidOutMinor: 450,
      expectedMinor: 10820,
      countedMinor: 10800,
      varianceMinor: -20,
    },
    satisfaction: { happy: 1, okay: 0, unhappy: 0, unrated: 1 },
    tabs: { settled: 2, writtenOff: 1, averageSecondsToPay: 2730 },
    carried: [{ tabId: 4, token: 4, name: 'Sam', openedAt: '2026-09-14T18:00:00.000Z', ageMinutes: 210, dueMinor: 340 }],
    receivable: { broughtForwardMinor: 0, chargedMinor: 2870, paidMinor: 1780, writtenOffMinor: 750, carriedForwardMinor: 340 },
    byHour: [
      { hour: 9, netMinor: 691 },
      { hour: 11, netMinor: 1918 },
    ],
    accounts: [
      { account: 'cash_drawer', movementMinor: 0 },
      { account: 'cash_over_short', movementMinor: 20 },
      { account: 'walkouts', movementMinor: 750 },
      { account: 'sales:10', movementMinor: -770 },
    ],
    staff: [
      {
        staffId: 2,
        staffName: 'Ana',
        tabsServed: 2,
        salesMinor: 1809,
        comps: { count: 1, amountMinor: 146, reasons: [{ reason: 'Not satisfied', count: 1, amountMinor: 146 }] },
        tipsMinor: 51,
        ratings: { happy: 1, okay: 0, unhappy: 0 },
        walkouts: 1,
      },
      {
        staffId: 3,
        staffName: 'Ben',
        tabsServed: 1,
        salesMinor: 800,
        comps: { count: 0, amountMinor: 0, reasons: [] },
        tipsMinor: 0,
        ratings: { happy: 0, okay: 0, unhappy: 0 },
        walkouts: 0,
      },
    ],
    actions: [
      { kind: 'comp', at: '2026-09-14T10:15:00.000Z', staffName: 'Ana', approverName: 'Mia', amountMinor: 146, reason: 'Not satisfied', token: 3 },
      { kind: 'removed', at: '2026-09-14T11:00:00.000Z', staffName: 'Mia', approverName: null, amountMinor: 291, reason: 'Wrong order', token: 5 },
      { kind: 'paid_out', at: '2026-09-14T12:00:00.000Z', staffName: 'Ben', approverName: 'Mia', amountMinor: 450, reason: 'Milk', token: null },
      { kind: 'walkout', at: '2026-09-14T16:40:00.000Z', staffName: 'Mia', approverName: null, amountMinor: 750, reason: 'Left without paying', token: 8 },
      { kind: 'variance', at: '2026-09-14T21:00:00.000Z', staffName: 'Ben', approverName: 'Owner', amountMinor: -20, reason: 'Coin dropped', token: null },
    ],
    ...patch,
  };
}
