import type { DayReport } from '../closing-types';
import type { AppointmentDetail } from '../salon-types';
import type { StoreSettings, TabDetail, TabLine } from '../types';
import { testLine, testReport, testStore, testTab } from '../test-support/views';

/** Papers' test data: a café as the ledger would read it back, with a receipt header; each test overrides what it is about. */
export function paperStore(overrides: Partial<StoreSettings> = {}): StoreSettings {
  return testStore({
    name: 'Corner Café',
    taxRates: [{ rateMilli: 10_000, label: 'Standard' }],
    payAfterTerms: 'Pay at the counter when you are done.',
    timeZone: 'Europe/Dublin',
    currencyLocked: true,
    depositPolicy: { mode: 'fixed', fixedMinor: 1000, percent: 0, freeCancelHours: 24, forfeitPercent: 50 },
    legalName: 'Corner Café Ltd',
    address: ['1 Quay Street', 'Galway'],
    taxNumber: 'IE 1234567T',
    ...overrides,
  });
}

export function paperLine(overrides: Partial<TabLine> = {}): TabLine {
  return testLine({ qty: 2, listMinor: 880, chargedMinor: 880, ...overrides });
}

/** Two lattes paid in cash with change: 8.80, 10 % tax inclusive. */
export function paperTab(overrides: Partial<TabDetail> = {}): TabDetail {
  return testTab({
    name: 'Ana',
    label: 'Table 2',
    itemCount: 2,
    totalMinor: 880,
    paidMinor: 880,
    lines: [paperLine()],
    rates: [{ rateMilli: 10_000, netMinor: 800, taxMinor: 80, grossMinor: 880 }],
    listMinor: 880,
    netMinor: 800,
    taxMinor: 80,
    payments: [
      {
        id: 3,
        method: 'cash',
        amountMinor: 880,
        tipMinor: 0,
        tenderedMinor: 1000,
        changeMinor: 120,
        roundingMinor: 0,
        reference: '',
        partNo: null,
        staffId: 1,
        createdAt: '2026-09-14T08:40:00.000Z',
      },
    ],
    rating: 'happy',
    receiptNumber: 41,
    ...overrides,
  });
}

export function paperAppointment(overrides: Partial<AppointmentDetail> = {}): AppointmentDetail {
  return {
    id: 5,
    customerId: 2,
    customerName: 'Lucía Fernández',
    staffId: 1,
    staffName: 'Jürgen',
    date: '2026-09-18',
    startMinute: 600,
    endMinute: 660,
    status: 'booked',
    services: [{ itemId: 9, name: 'Corte y peinado', priceMinor: 3500, durationMinutes: 60, expectText: 'Lavado, corte y secado.' }],
    note: '',
    tabId: null,
    token: null,
    depositHeldMinor: 1000,
    createdAt: '2026-09-14T08:00:00.000Z',
    updatedAt: '2026-09-14T08:00:00.000Z',
    deposits: [
      {
        id: 1,
        customerId: 2,
        appointmentId: 5,
        fromDepositId: null,
        amountMinor: 1000,
        method: 'card',
        status: 'held',
        appliedMinor: 0,
        refundedMinor: 0,
        forfeitedMinor: 0,
        keptMinor: 0,
        tabId: null,
        takenAt: '2026-09-14T08:00:00.000Z',
        takenBusinessDate: '2026-09-14',
        closedAt: null,
        reason: null,
      },
    ],
    policy: { mode: 'fixed', fixedMinor: 1000, percent: 0, freeCancelHours: 24, forfeitPercent: 50 },
    cancelInTime: true,
    ...overrides,
  };
}

export function paperReport(overrides: Partial<DayReport> = {}): DayReport {
  const drawer = { floatMinor: 10000, cashInMinor: 1270, paidInMinor: 0, paidOutMinor: 450, expectedMinor: 10820, countedMinor: 10800, varianceMinor: -20 };
  // The screens' closed day without its staff and actions sections (a Z from before staff signed in).
  const day = testReport();
  delete day.staff;
  delete day.actions;
  return {
    ...day,
    storeName: 'Corner Café',
    payments: [
      { method: 'cash', count: 2, amountMinor: 1270, tipMinor: 0, takenMinor: 1270 },
      { method: 'card', count: 1, amountMinor: 510, tipMinor: 51, takenMinor: 561, voidedCount: 1, voidedMinor: 300 },
    ],
    deposits: { broughtForwardMinor: 0, takenMinor: 1000, appliedMinor: 0, refundedMinor: 0, forfeitedMinor: 0, heldMinor: 1000 },
    drawer: {
      ...drawer,
      openNow: false,
      sessions: [
        {
          ...drawer,
          sessionId: 1,
          openedAt: '2026-09-14T08:00:00.000Z',
          closedAt: '2026-09-14T21:00:00.000Z',
          varianceReason: 'Coin dropped',
          signedOffBy: 'Owner',
          firstCountMinor: null,
        },
      ],
    },
    byHour: [{ hour: 9, netMinor: 2609 }],
    accounts: [],
    chain: { seq: 4160, hash: '3f2a'.repeat(16) },
    ...overrides,
  };
}
