/** A PIN is 4 to 8 digits (shared/schemas.ts checks it in the main process). */
export const PIN_MAX_DIGITS = 8;

/** What a PIN field keeps of what was typed or pasted: its digits, at most eight. */
export function pinText(value: string): string {
  return value.replace(/\D/g, '').slice(0, PIN_MAX_DIGITS);
}
