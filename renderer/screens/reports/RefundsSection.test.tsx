// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { moneyTools } from '../../hooks/use-money';
import { whenTools } from '../../hooks/use-when';
import { RefundsSection } from './RefundsSection';
import { testReport } from './test-report';

const money = moneyTools({ currency: 'EUR', locale: 'en-IE', exponent: 2 });
const when = whenTools({ locale: 'en-IE', timeZone: 'UTC' });
afterEach(cleanup);

describe('RefundsSection', () => {
  it('shows the day’s refunds by reason and by tender, and who gave them', () => {
    const report = testReport({
      refunds: {
        count: 2,
        amountMinor: 1180,
        taxMinor: 80,
        netMinor: 1100,
        tipMinor: 60,
        givenMinor: 1240,
        byReason: [
          { reason: 'cold', count: 1, amountMinor: 880, tipMinor: 60 },
          { reason: 'slow', count: 1, amountMinor: 300, tipMinor: 0 },
        ],
        byMethod: [
          { method: 'cash', count: 1, amountMinor: 700, tipMinor: 0, givenMinor: 700 },
          { method: 'card', count: 2, amountMinor: 480, tipMinor: 60, givenMinor: 540 },
        ],
      },
      actions: [{ kind: 'refund', at: '2026-09-14T10:00:00.000Z', staffName: 'Sam', approverName: 'Mia', amountMinor: 940, reason: 'cold', token: 12 }],
    });
    render(<RefundsSection report={report} money={money} when={when} />);
    const figures = screen.getByRole('region', { name: 'Refunds' });
    expect(within(figures).getByText('Given back in all').nextElementSibling?.textContent).toBe('€12.40');
    const byReason = screen.getByRole('table', { name: 'Refunds by reason' });
    expect(within(byReason).getAllByRole('row')[1]?.textContent).toBe('cold1€8.80€0.60');
    const byMethod = screen.getByRole('table', { name: 'Refunds by tender' });
    expect(
      within(byMethod)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['MethodCountAmountTipsGiven back', 'Cash1€7.00€0.00€7.00', 'Card2€4.80€0.60€5.40']);
    expect(within(screen.getByRole('table', { name: 'Refunds given' })).getByText('Mia')).toBeTruthy();
  });

  it('says so on a day without refunds, and shows nothing for a Z frozen before refunds existed', () => {
    render(
      <RefundsSection
        report={testReport({ refunds: { count: 0, amountMinor: 0, taxMinor: 0, netMinor: 0, tipMinor: 0, givenMinor: 0, byReason: [], byMethod: [] } })}
        money={money}
        when={when}
      />,
    );
    expect(screen.getByText('No refunds on this day.')).toBeTruthy();
    cleanup();
    const { container } = render(<RefundsSection report={testReport()} money={money} when={when} />);
    expect(container.textContent).toBe('');
  });
});
