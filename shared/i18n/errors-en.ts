/**
 * Every refusal the main process can send, in English. Errors travel as { code, key, params }
 * plus this English text; the renderer words them from its own language file (which spreads
 * these keys), so a translation is a file, not a code change.
 */
export const errorsEn = {
  'errors.invalid': '{detail}',
  'errors.unknownCommand': 'there is no command called "{name}"',
  'errors.notSignedIn': 'no active staff member is signed in',
  'errors.forbidden': '{staff} ({role}) may not do this; it needs {permission}',
  'errors.commandIdRequired': '{name} needs a command id',
  'errors.commandIdReused': 'this command id was already used for a different request; nothing was changed',
  'errors.internal': 'Something went wrong inside Aftertab; nothing was saved.',
  'errors.amountTooLarge': 'that amount is too large',

  'errors.money.notAmount': '"{text}" is not an amount',
  'errors.money.noDecimals': '"{text}" cannot have decimals in this currency',
  'errors.money.tooManyDecimals': '"{text}" has more than {digits} decimals',
  'errors.money.tooLarge': '"{text}" is too large',

  'errors.field.amountMissing': 'enter an amount',
  'errors.field.amountDecimals': 'an amount cannot have more decimals than the currency',
  'errors.field.amountNegative': 'an amount cannot be negative',
  'errors.field.amountZero': 'the amount must be more than zero',
  'errors.field.qty': 'the quantity must be a whole number from 1 to 999',
  'errors.field.reason': 'a reason is required',
  'errors.field.nameRequired': 'a name is required',
  'errors.field.currency': 'use a three-letter ISO 4217 code such as EUR',
  'errors.field.currencyUnknown': 'unknown ISO 4217 currency code',
  'errors.field.locale': 'unknown locale',
  'errors.field.compPercent': 'a comp is a whole percentage from 1 to 100',
  'errors.field.tipPercent': 'the tip percentage must be a whole number',
  'errors.field.tipNegative': 'a tip cannot be negative',
  'errors.field.tipMax': 'a tip is at most 100%',

  'errors.categoryMissing': 'there is no category #{id}',
  'errors.itemMissing': 'there is no item #{id}',
  'errors.categoryExists': 'a category called "{name}" already exists',
  'errors.categoryArchived': 'that category is archived',
  'errors.rateUnknown': 'that tax rate is not one of the store’s rates',

  'errors.tabTooLarge': 'this would take the tab past the largest total Aftertab can hold; open a separate tab',
  'errors.belowPaid': 'this change would leave the tab owing less than has already been paid',
  'errors.tabMissing': 'there is no tab #{id}',
  'errors.tabClosed': 'the tab on token {token} is already {status}',
  'errors.lineMissing': 'line #{id} is not on this tab',
  'errors.lineRemoved': '"{name}" was already removed',
  'errors.noFreeToken': 'all tokens {first}–{last} are held by open tabs',
  'errors.tokenOutOfRange': 'token {token} is not in the pool ({first}–{last})',
  'errors.tokenHeld': 'token {token} is already held by an open tab',
  'errors.itemArchived': '"{name}" is archived and can no longer be sold',
  'errors.staffMissing': 'there is no active staff member #{id}',
  'errors.qtyLowerForbidden': '{staff} may add to a line but not lower it; that needs tabs.adjust',
  'errors.compTooLarge': "a comp cannot be more than the line's amount ({amount})",
  'errors.voidNotEmpty': 'only an empty tab can be voided; remove its lines first, or settle or write it off',
  'errors.writeOffNothingDue': 'this tab owes nothing; settle or void it instead of writing it off',

  'errors.splitNothingDue': 'nothing is due on this tab, so there is nothing to split',
  'errors.splitTooMany': '{amount} cannot be split {parts} ways',
  'errors.splitOver': 'the parts add up to more than the {amount} due',
  'errors.splitLinesAfterPayment': 'split by lines before any payment; split the rest evenly or by amount instead',
  'errors.splitLineUnknown': 'line #{id} is not an active line of this tab',
  'errors.splitLineTwice': 'a line can only be in one part',
  'errors.splitLineMissing': 'every line must be in one of the parts',
  'errors.splitPartEmpty': 'each part must owe something',
  'errors.splitMaxParts': 'a tab can be split into at most 50 parts',
  'errors.partMissing': 'this tab has no split part {part}',
  'errors.partPaid': 'part {part} is already paid',
  'errors.partAmount': 'part {part} is {amount}',
  'errors.overpayment': 'only {amount} is due; the payment is more than that',
  'errors.paymentZero': 'a payment must be more than zero',
  'errors.payEmptyTab': 'this tab has nothing on it; void it instead',
  'errors.tipBoth': 'give the tip as an amount or as a percentage, not both',
  'errors.tipStaffMissing': 'there is no active staff member #{id} to give the tip to',
  'errors.cashRoundsToNothing': 'in cash this part rounds to nothing; take a larger part, or pay it by card',
  'errors.cashShort': 'the cash handed over is less than the {amount} owed',
  'errors.rateVoided': 'a voided tab cannot be rated',

  'errors.currencyLocked': 'the currency cannot change once money has been recorded; start a new ledger for a new currency',
  'errors.currencyCatalog': "catalog prices are kept in {currency}'s minor unit; archive the items or change the currency before adding them",
  'errors.taxModeOpenTabs': 'settle or void the open tabs before changing how tax is priced',
  'errors.amberAfterRed': 'the amber warning must come before the red one',
  'errors.tokenOrder': 'the first token must not be after the last',
  'errors.tokenPoolSize': 'a token pool holds at most {max} tokens',
  'errors.tokenStranded': 'token {token} is held by an open tab and would fall outside the new range',
  'errors.rateTwice': 'each tax rate may appear only once',
  'errors.rateInUse': '"{name}" still uses a tax rate that would be removed; change or archive it first',
} as const;

export type ErrorKey = keyof typeof errorsEn;

export function isErrorKey(value: string): value is ErrorKey {
  return Object.hasOwn(errorsEn, value);
}
