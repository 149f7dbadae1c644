// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TabSummary } from '../../../shared/types';
import { TabCard } from './TabCard';

vi.mock('../../api', () => import('../../test-support/fake-api'));

const opened = Date.parse('2025-03-01T10:00:00.000Z');
const store = { currency: 'EUR', locale: 'en-IE', amberMinutes: 45, redMinutes: 90 };
const base: TabSummary = {
  id: 9,
  token: 12,
  name: 'Anna',
  label: 'Window',
  note: '',
  status: 'open',
  itemCount: 3,
  totalMinor: 1250,
  paidMinor: 0,
  dueMinor: 1250,
  openedAt: new Date(opened).toISOString(),
  lastActivityAt: new Date(opened + 27 * 60_000).toISOString(),
  customerId: null,
  customerName: null,
};

function card(tab: Partial<TabSummary>, minutesLater: number) {
  render(
    <MemoryRouter>
      <ul>
        <TabCard tab={{ ...base, ...tab }} store={store} now={opened + minutesLater * 60_000} />
      </ul>
    </MemoryRouter>,
  );
  return screen.getByRole('listitem', { name: 'Token 12' });
}

afterEach(cleanup);

describe('TabCard', () => {
  it('shows token, who, items, due, ages and links to the tab', () => {
    const item = card({}, 32);
    expect(item.textContent).toContain('12');
    expect(item.textContent).toContain('Anna · Window');
    expect(item.textContent).toContain('3 items');
    expect(item.textContent).toContain('Due €12.50');
    expect(item.textContent).toContain('32 min · last 5 min ago');
    expect(screen.getByRole('link').getAttribute('href')).toBe('/tab/9');
    expect(item.dataset.band).toBe('fresh');
    expect(item.textContent).not.toContain('Partly paid');
  });

  it('says when nobody named the tab and words long ages in hours', () => {
    const item = card({ name: '', label: '', lastActivityAt: new Date(opened + 125 * 60_000).toISOString() }, 125);
    expect(item.textContent).toContain('No name yet');
    expect(item.textContent).toContain('2 h 05 min · active now');
  });

  it('turns amber, then red, at the store thresholds', () => {
    expect(card({}, 44).dataset.band).toBe('fresh');
    cleanup();
    const amber = card({}, 45);
    expect(amber.dataset.band).toBe('amber');
    expect(amber.className).toContain('board-card--amber');
    expect(amber.textContent).toContain('Over 45 min');
    cleanup();
    const red = card({}, 95);
    expect(red.dataset.band).toBe('red');
    expect(red.textContent).toContain('Over 90 min');
  });

  it('shows the partly-paid badge only while something is both paid and still due', () => {
    expect(card({ paidMinor: 500, dueMinor: 750 }, 1).textContent).toContain('Partly paid');
    cleanup();
    expect(card({ paidMinor: 1250, dueMinor: 0 }, 1).textContent).not.toContain('Partly paid');
  });
});
