import { describe, expect, it } from 'vitest';
import { formatBoundary, parseBoundary, timeZoneChoices } from './day-boundary';

describe('the day boundary typed as a time', () => {
  it.each([
    ['04:00', 240],
    ['4:00', 240],
    ['4', 240],
    ['0430', 270],
    ['00:00', 0],
    ['23:59', 1439],
    [' 02:30 ', 150],
  ])('%s is %i minutes after midnight', (text, minutes) => {
    expect(parseBoundary(text)).toBe(minutes);
  });

  it.each(['24:00', '12:60', '', 'four', '4:5', '-1:00', '1:00 am'])('refuses %j', (text) => {
    expect(parseBoundary(text)).toBeNull();
  });

  it('shows minutes as HH:MM and reads its own output back', () => {
    expect(formatBoundary(240)).toBe('04:00');
    expect(formatBoundary(1439)).toBe('23:59');
    expect(parseBoundary(formatBoundary(75))).toBe(75);
  });
});

describe('time zone choices', () => {
  const known = ['Europe/Dublin', 'Europe/Paris'];

  it('keeps UTC listed when the engine leaves it out, also once another zone is picked', () => {
    expect(timeZoneChoices('UTC', 'UTC', known)).toEqual(['UTC', 'Europe/Dublin', 'Europe/Paris']);
    expect(timeZoneChoices('Europe/Paris', 'UTC', known)).toEqual(['UTC', 'Europe/Dublin', 'Europe/Paris']);
    expect(timeZoneChoices('Europe/Paris', 'Europe/Paris', known)).toEqual(['UTC', 'Europe/Dublin', 'Europe/Paris']);
  });

  it('keeps the store’s saved zone and the picked one listed, each once', () => {
    expect(timeZoneChoices('Europe/Dublin', 'Etc/GMT-2', known)).toEqual(['UTC', 'Etc/GMT-2', 'Europe/Dublin', 'Europe/Paris']);
    expect(timeZoneChoices('UTC', 'UTC', ['UTC', ...known])).toEqual(['UTC', ...known]);
  });
});
