import type { StoreSettings } from '../../shared/types';

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
