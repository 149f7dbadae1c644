// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { StaffMember, TabLine } from '../../../shared/types';
import { tipServersOf, type TipShareChoice } from './tip-share';
import { TipShareControl } from './TipShareControl';

const format = (minor: number): string => `€${Math.trunc(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;

function line(id: number, staffId: number, staffName: string, chargedMinor: number): TabLine {
  return {
    id,
    itemId: 1,
    name: 'Coffee',
    unitMinor: chargedMinor,
    rateMilli: 10_000,
    qty: 1,
    staffId,
    staffName,
    state: 'active',
    removeReason: null,
    comp: null,
    listMinor: chargedMinor,
    chargedMinor,
    createdAt: 'x',
    expectText: '',
  };
}
const member = (id: number, name: string): StaffMember => ({ id, name, role: 'staff', active: true, hasPin: true, lockedUntil: null, createdAt: 'x' });

/** Ada served 3.00, Ben 1.50, Cy 0.50 but has been archived since. */
const servers = tipServersOf([line(1, 3, 'Ada', 300), line(2, 5, 'Ben', 150), line(3, 8, 'Cy', 50)], [member(3, 'Ada'), member(5, 'Ben')]);

function Harness({ tipMinor, error = null }: { tipMinor: number | null; error?: string | null }) {
  const [choice, setChoice] = useState<TipShareChoice>({ split: 'lines' });
  return <TipShareControl servers={servers} choice={choice} onChange={setChoice} tipMinor={tipMinor} format={format} error={error} />;
}

const preview = (): string[] =>
  within(screen.getByRole('list', { name: 'The tip goes to' }))
    .getAllByRole('listitem')
    .map((li) => li.textContent ?? '');
const pressed = (name: string): string | null => screen.getByRole('button', { name }).getAttribute('aria-pressed');

afterEach(cleanup);

describe('TipShareControl', () => {
  it('shares by their lines first, and previews who gets what', () => {
    render(<Harness tipMinor={100} />);
    expect(
      within(screen.getByRole('group', { name: 'Who the tip is for' }))
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['By their lines', 'Evenly', 'One person']);
    expect(pressed('By their lines')).toBe('true');
    // 3.00, 1.50 and 0.50 of 5.00: Cy has left since, but served a line.
    expect(preview()).toEqual(['Ada €0.60', 'Ben €0.30', 'Cy €0.10']);
  });

  it('evenly: the preview follows the choice', () => {
    render(<Harness tipMinor={100} />);
    fireEvent.click(screen.getByRole('button', { name: 'Evenly' }));
    expect(pressed('Evenly')).toBe('true');
    expect(pressed('By their lines')).toBe('false');
    expect(preview()).toEqual(['Ada €0.34', 'Ben €0.33', 'Cy €0.33']);
  });

  it('one person: picks from the servers who can still take it, then shows the whole tip theirs', () => {
    render(<Harness tipMinor={250} />);
    fireEvent.click(screen.getByRole('button', { name: 'One person' }));
    const who = screen.getByRole('group', { name: 'Who gets the whole tip' });
    expect(
      within(who)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Ada', 'Ben']);
    expect(screen.queryByRole('list', { name: 'The tip goes to' })).toBeNull();
    fireEvent.click(within(who).getByRole('button', { name: 'Ben' }));
    expect(within(who).getByRole('button', { name: 'Ben' }).getAttribute('aria-pressed')).toBe('true');
    expect(preview()).toEqual(['Ben €2.50']);
    // Another way drops the pick, so coming back to one person never gives the tip to someone by surprise.
    fireEvent.click(screen.getByRole('button', { name: 'Evenly' }));
    expect(screen.queryByRole('group', { name: 'Who gets the whole tip' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'One person' }));
    expect(screen.getByRole('button', { name: 'Ben' }).getAttribute('aria-pressed')).toBe('false');
    expect(screen.queryByRole('list', { name: 'The tip goes to' })).toBeNull();
  });

  it('shows no preview without a tip, and a refusal where the choice is made', () => {
    render(<Harness tipMinor={null} error="tap the name of who gets the whole tip" />);
    expect(screen.queryByRole('list', { name: 'The tip goes to' })).toBeNull();
    expect(screen.getByRole('alert').textContent).toBe('Tap the name of who gets the whole tip');
  });

  it('is made of real buttons, so the keyboard reaches every choice', () => {
    render(<Harness tipMinor={100} />);
    fireEvent.click(screen.getByRole('button', { name: 'One person' }));
    for (const button of screen.getAllByRole('button')) {
      expect(button.tagName).toBe('BUTTON');
      expect(button.getAttribute('type')).toBe('button');
      expect(button.tabIndex).toBeGreaterThanOrEqual(0);
    }
  });
});
