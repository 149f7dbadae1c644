import { z } from 'zod';
import * as s from './schemas';
import { tender } from './salon-schemas';

/** Some units of a line: its comped ones or its full-price ones (`comped` may be left out on a line of one kind). */
const unitPick = z.object({ lineId: s.id, qty: s.qty, comped: z.boolean().optional() }).strict();

/** How much of the bill part goes back by one tender (each at most once); tips always go back by their own. */
const tenderPick = z.object({ method: tender, amountMinor: s.amount }).strict();

const draftFields = {
  tabId: s.id,
  /** Tips go back only when asked for: all that is left of them, to those who got them, by the tender they came by. */
  includeTips: z.boolean().default(false),
  /** Left out: back the way it was paid, the largest tender first. */
  tenders: z.array(tenderPick).min(1).max(3).optional(),
};

const modes = {
  /** Everything still refundable. */
  whole: { mode: z.literal('whole') },
  lines: { mode: z.literal('lines'), lines: z.array(unitPick).min(1, 'errors.field.refundLines').max(200) },
  /** An amount (tax included), shared over the tab's rates by what is left at each. */
  amount: { mode: z.literal('amount'), amountMinor: s.positiveAmount },
};

/** A refund as the screen drafts it: what tab.refundQuote prices, and tab.refund gives, with a reason. */
export const refundDraft = z.discriminatedUnion('mode', [
  z.object({ ...draftFields, ...modes.whole }).strict(),
  z.object({ ...draftFields, ...modes.lines }).strict(),
  z.object({ ...draftFields, ...modes.amount }).strict(),
]);

/**
 * The refund itself adds a reason, and may say what the person saw would change hands (the quote's
 * givenMinor, tips included): when the tab has changed since, it is refused rather than given unseen.
 */
const refundFields = { reason: s.reason, expectGivenMinor: s.amount.optional() };

export const refundInput = z.discriminatedUnion('mode', [
  z.object({ ...draftFields, ...modes.whole, ...refundFields }).strict(),
  z.object({ ...draftFields, ...modes.lines, ...refundFields }).strict(),
  z.object({ ...draftFields, ...modes.amount, ...refundFields }).strict(),
]);

export type RefundDraftInput = z.output<typeof refundDraft>;
