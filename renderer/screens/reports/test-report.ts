import type { DayReport } from '../../../shared/closing-types';

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
    ...patch,
  };
}
