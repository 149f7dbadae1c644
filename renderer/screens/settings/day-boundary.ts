import { boundaryText } from '../../../shared/domain/business-day';

/**
 * A day boundary typed as a time of day, "04:00" (or "4:00", "4", "0400"), into minutes after
 * midnight (240); null when it is not a time from 00:00 to 23:59.
 */
export function parseBoundary(text: string): number | null {
  const match = /^(\d{1,2})(?:[:.h]?(\d{2}))?$/.exec(text.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? '0');
  if (hours > 23 || minutes > 59) return null;
  return hours * 60 + minutes;
}

/** The boundary as the form shows it: 240 → "04:00". */
export function formatBoundary(minutes: number): string {
  return boundaryText(minutes);
}

/**
 * The time zones to choose from: the ones this computer knows, with UTC, the store's saved zone
 * and the one being picked always listed (engines list "UTC" only as an alias, so it would drop
 * out of the list as soon as another zone was picked). Those the engine leaves out come first.
 */
export function timeZoneChoices(picked: string, saved: string, supported: readonly string[]): string[] {
  const missing = [...new Set(['UTC', saved, picked])].filter((zone) => zone !== '' && !supported.includes(zone));
  return [...missing, ...supported];
}

/** Intl's list of time zones, or none where the engine cannot list them (a text field then). */
export function supportedTimeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  try {
    return intl.supportedValuesOf?.('timeZone') ?? [];
  } catch {
    return [];
  }
}
