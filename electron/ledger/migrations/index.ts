import type Database from 'better-sqlite3';
import { assertNumbered } from './numbering';
import { m001Initial } from './001-initial';
import { m002Counter } from './002-counter';
import { m003Closing } from './003-closing';
import { m004CompUnits } from './004-comp-units';
import { m005EntryLines } from './005-entry-lines';
import { m006PaymentVoids } from './006-payment-voids';
import { m007TipConfirm } from './007-tip-confirm';
import { m008StaffAuth } from './008-staff-auth';
import { m009BusinessDay } from './009-business-day';
import { m010ClosedIsClosed } from './010-closed-is-closed';
import { m011HashChain } from './011-hash-chain';
import { m012Customers } from './012-customers';
import { m013ServiceDurations } from './013-service-durations';
import { m014Appointments } from './014-appointments';
import { m015Loyalty } from './015-loyalty';
import { m016Receipts } from './016-receipts';
import { m017Refunds } from './017-refunds';
import { m018TokenMoves } from './018-token-moves';
import { m019DayTotals } from './019-day-totals';

export type Migration = { version: number; name: string; up: (db: Database.Database) => void };

/** In order; a shipped migration is never edited, only followed by a new one. */
export const migrations: readonly Migration[] = [
  m001Initial,
  m002Counter,
  m003Closing,
  m004CompUnits,
  m005EntryLines,
  m006PaymentVoids,
  m007TipConfirm,
  m008StaffAuth,
  m009BusinessDay,
  m010ClosedIsClosed,
  m011HashChain,
  m012Customers,
  m013ServiceDurations,
  m014Appointments,
  m015Loyalty,
  m016Receipts,
  m017Refunds,
  m018TokenMoves,
  m019DayTotals,
];

// Refused when the module loads: a wrongly numbered list must never reach a ledger.
assertNumbered(migrations);
