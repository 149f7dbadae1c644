import { periodOf, stepPeriod, type Period } from '../../../shared/domain/dashboard-period';

/**
 * What the owner picked: a day, week or month (holding `anchor`, or today's while it is null, so
 * it moves on with the business day), or any two days.
 */
export type PeriodChoice = { kind: 'day' | 'week' | 'month'; anchor: string | null } | { kind: 'custom'; from: string; to: string };

export const defaultChoice: PeriodChoice = { kind: 'month', anchor: null };

export function periodFor(choice: PeriodChoice, today: string): Period {
  return choice.kind === 'custom' ? { from: choice.from, to: choice.to } : periodOf(choice.kind, choice.anchor ?? today);
}

/** The period before or after; stepping back onto the one holding today follows today again. */
export function stepChoice(choice: PeriodChoice, today: string, step: -1 | 1): PeriodChoice {
  if (choice.kind === 'custom') return choice;
  const next = stepPeriod(choice.kind, choice.anchor ?? today, step);
  const current = periodOf(choice.kind, today);
  return { kind: choice.kind, anchor: next.from === current.from ? null : next.from };
}

/** Whether a period ends after today: there is no later one to step to. */
export function reachesToday(choice: PeriodChoice, today: string): boolean {
  return periodFor(choice, today).to >= today;
}
