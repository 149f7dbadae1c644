import { cashRoundingSteps } from '../../../shared/domain/denominations';
import type { Minor } from '../../../shared/money';

/**
 * The cash-rounding choices for a currency, in minor units: the steps its coins make, smallest
 * first (1 is "no rounding", offered only where a coin of one minor unit exists). The current
 * value is kept in the list so the select can always show it, even one saved before the steps
 * came from the coins.
 */
export function cashRoundingOptions(currency: string, current?: Minor): Minor[] {
  const options = [...cashRoundingSteps(currency)];
  if (current !== undefined && Number.isSafeInteger(current) && current >= 1 && !options.includes(current)) {
    options.push(current);
    options.sort((a, b) => a - b);
  }
  return options;
}

/**
 * The step the form holds after its currency changes: the same one if the new currency's coins
 * make it, else the new currency's smallest, so a currency is never saved with a step it lacks.
 */
export function stepForCurrency(currency: string, step: string): string {
  const steps = cashRoundingSteps(currency);
  return steps.includes(Number(step)) ? step : String(steps[0] ?? 1);
}
