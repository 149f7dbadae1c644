// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { moneyTools } from '../../hooks/use-money';
import { testStore } from '../../test-support/store';
import { testReport } from '../reports/test-report';
import { SalonRows } from './SalonRows';

const money = moneyTools(testStore());

const cells = (table: string): string[][] =>
  within(screen.getByRole('table', { name: table }))
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent ?? ''),
    );

describe('SalonRows', () => {
  afterEach(cleanup);

  it('lists each held deposit with its appointment and age, the misses with what they forfeited, and each person’s book', () => {
    const report = testReport({
      heldDeposits: [
        {
          depositId: 4,
          customerName: 'Ana Lima',
          appointmentDate: '2026-12-09',
          appointmentStartMinute: 600,
          amountMinor: 1000,
          takenAt: '2026-12-01T09:00:00Z',
          ageDays: 4,
        },
        {
          depositId: 9,
          customerName: 'Erased customer',
          appointmentDate: null,
          appointmentStartMinute: null,
          amountMinor: 250,
          takenAt: '2026-12-05T09:00:00Z',
          ageDays: 1,
        },
      ],
      appointments: {
        noShows: { count: 1, forfeitedMinor: 1000 },
        lateCancels: { count: 2, forfeitedMinor: 1500 },
        byStaff: [{ staffId: 2, staffName: 'Ben', booked: 5, done: 2, noShow: 1, cancelled: 0, lateCancel: 2 }],
      },
    });
    render(<SalonRows report={report} money={money} />);
    expect(cells('Deposits held')).toEqual([
      ['Ana Lima', 'Wed 9 Dec 2026 10:00', '€10.00', '4 days'],
      ['Erased customer', 'Kept on the customer', '€2.50', '1 day'],
    ]);
    const misses = document.querySelector('dl[aria-label="No-shows and late cancels (deposits forfeited)"]');
    expect([...(misses?.querySelectorAll('.figures__row') ?? [])].map((row) => row.textContent)).toEqual(['1 no-show€10.00', '2 late cancels€15.00']);
    expect(cells('Appointments per staff member')).toEqual([['Ben', '5', '2', '1', '0', '2']]);
  });

  it('shows nothing for a Z frozen before the book existed', () => {
    const { container } = render(<SalonRows report={testReport()} money={money} />);
    expect(container.textContent).toBe('');
  });
});
