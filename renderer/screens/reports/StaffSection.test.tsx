// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StaffReport } from '../../../shared/closing-types';
import { moneyTools } from '../../hooks/use-money';
import { fake } from '../../test-support/fake-api';
import { StaffSection } from './StaffSection';
import { testReport } from './test-report';

vi.mock('../../api', () => import('../../test-support/fake-api'));

const money = moneyTools({ currency: 'EUR', locale: 'en-IE', exponent: 2 });
const worked: StaffReport = {
  businessDate: '2026-09-01',
  closed: true,
  staff: [
    {
      staffId: 4,
      staffName: 'Cara',
      tabsServed: 3,
      salesMinor: 2100,
      comps: { count: 0, amountMinor: 0, reasons: [] },
      tipsMinor: 120,
      ratings: { happy: 2, okay: 1, unhappy: 0 },
      walkouts: 0,
    },
  ],
};

beforeEach(() => {
  fake.reply('report.staff', worked);
});
afterEach(cleanup);

describe('StaffSection', () => {
  it('shows the figures the report carries without asking the ledger', () => {
    render(<StaffSection report={testReport()} money={money} />);
    expect(within(screen.getByRole('table', { name: 'Staff figures' })).getByText('Ana')).toBeTruthy();
    expect(fake.calls('report.staff')).toHaveLength(0);
  });

  it('asks the ledger for a Z closed before it kept staff figures, and says so', async () => {
    const old = testReport({ businessDate: '2026-09-01' });
    delete old.staff;
    render(<StaffSection report={old} money={money} />);
    expect(await screen.findByText('This Z was closed before it kept staff figures: these are worked out from the journal.')).toBeTruthy();
    expect(fake.inputs('report.staff')).toContainEqual({ businessDate: '2026-09-01' });
    const row = within(screen.getByRole('table', { name: 'Staff figures' })).getAllByRole('row')[1];
    expect(
      within(row as HTMLElement)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['Cara', '3', '€21.00', '€0.00', '0', '€0.00', '€1.20', '2', '1', '0', '0']);
  });

  it('shows what refunds took back of each person’s sales, and the tips they gave back under their tips', () => {
    const report = testReport({
      staff: [
        {
          staffId: 4,
          staffName: 'Cara',
          tabsServed: 3,
          salesMinor: 2100,
          refundsMinor: 318,
          comps: { count: 0, amountMinor: 0, reasons: [] },
          tipsMinor: 70,
          tipsRefundedMinor: 50,
          ratings: { happy: 2, okay: 1, unhappy: 0 },
          walkouts: 0,
        },
      ],
    });
    render(<StaffSection report={report} money={money} />);
    const table = screen.getByRole('table', { name: 'Staff figures' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent)
        .slice(2, 4),
    ).toEqual(['Sales', 'Refunds']);
    const row = within(table).getAllByRole('row')[1];
    expect(
      within(row as HTMLElement)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['Cara', '3', '€21.00', '€3.18', '0', '€0.00', '€0.70€0.50 given back', '2', '1', '0', '0']);
  });

  it('shows why the figures could not be loaded', async () => {
    fake.fail('report.staff', { code: 'forbidden', message: 'Ben (staff) may not do this' });
    const old = testReport({ businessDate: '2026-09-02' });
    delete old.staff;
    render(<StaffSection report={old} money={money} />);
    expect(await screen.findByText(/may not do this/)).toBeTruthy();
  });
});
