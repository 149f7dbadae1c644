// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DayStatus } from '../../../shared/closing-types';
import type { Dashboard, DashboardDay } from '../../../shared/dashboard-types';
import { fake } from '../../test-support/fake-api';
import { testStore } from '../../test-support/store';
import { DashboardScreen } from './DashboardScreen';
import { REFRESH_AFTER_MS } from './use-dashboard';

vi.mock('../../api', () => import('../../test-support/fake-api'));

const status: DayStatus = {
  currentBusinessDate: '2026-11-25',
  nextToClose: '2026-11-25',
  canCloseNext: true,
  unclosedDates: ['2026-11-25'],
  lastZ: { zNumber: 1, businessDate: '2026-11-24', closedAt: '2026-11-24T18:00:00.000Z', closedBy: 'Owner', netSalesMinor: 2518 },
  drawerOpen: false,
  dayBoundaryMinutes: 240,
  timeZone: 'UTC',
};

const day = (over: Partial<DashboardDay>): DashboardDay => ({
  businessDate: '2026-11-24',
  source: 'z',
  zNumber: 1,
  netSalesMinor: 2518,
  grossSalesMinor: 2836,
  chargedMinor: 2750,
  compsMinor: 318,
  settled: 2,
  walkouts: 1,
  walkoutMinor: 640,
  paidMinor: 1670,
  walkoutTabsBp: 3333,
  walkoutAmountBp: 2327,
  averageSecondsToPay: 3600,
  owedAtCloseMinor: 440,
  openAtClose: 1,
  appointmentsDone: 0,
  noShows: 0,
  lateCancels: 0,
  forfeitedMinor: 0,
  ...over,
});

function dashboard(from: string, to: string): Dashboard {
  return {
    from,
    to,
    now: {
      at: '2026-11-25T11:00:00.000Z',
      businessDate: '2026-11-25',
      openTabs: 4,
      owedMinor: 1430,
      bands: [
        { band: 'under30', tabs: 1, owedMinor: 200 },
        { band: 'from30to60', tabs: 1, owedMinor: 440 },
        { band: 'from60to120', tabs: 1, owedMinor: 350 },
        { band: 'over120', tabs: 1, owedMinor: 440 },
      ],
      oldest: { tabId: 4, token: 4, name: 'Dee', openedAt: '2026-11-24T13:15:00.000Z', ageMinutes: 1305, dueMinor: 440 },
      tokens: { total: 40, out: 5, missing: 1 },
      depositsHeld: { count: 0, amountMinor: 0 },
    },
    days: [
      day({}),
      day({
        businessDate: '2026-11-25',
        source: 'x',
        zNumber: null,
        netSalesMinor: 1118,
        walkouts: 0,
        walkoutMinor: 0,
        walkoutTabsBp: 0,
        walkoutAmountBp: 0,
        settled: 1,
        averageSecondsToPay: 1800,
      }),
    ],
    totals: {
      netSalesMinor: 3636,
      grossSalesMinor: 3954,
      chargedMinor: 3940,
      compsMinor: 318,
      settled: 3,
      walkouts: 1,
      walkoutMinor: 640,
      paidMinor: 1870,
      walkoutTabsBp: 2500,
      walkoutAmountBp: 1624,
      averageSecondsToPay: 3000,
      appointmentsDone: 0,
      noShows: 0,
      lateCancels: 0,
      forfeitedMinor: 0,
      compRateBp: 804,
      noShowRateBp: null,
      closedDays: 1,
      openDays: 1,
    },
    comps: [{ reason: 'burnt', count: 1, amountMinor: 318, rateBp: 804 }],
    staff: [{ staffId: 2, staffName: 'Ana', tabsServed: 3, happy: 1, okay: 1, unhappy: 0, walkouts: 1, compsCount: 0, compsMinor: 0 }],
    items: [{ itemId: 2, name: 'Cake', happy: 1, okay: 0, unhappy: 1, compsCount: 1, compsMinor: 318 }],
    salon: false,
  };
}

beforeEach(() => {
  fake.reply('day.status', status);
  fake.reply('store.get', testStore({ timeZone: 'UTC' }));
  fake.handle('report.dashboard', ({ from, to }) => ({ ok: true, value: dashboard(from, to) }));
  fake.reply('report.dashboardCsv', { filename: 'aftertab-dashboard-days-2026-11-01-2026-11-30.csv', text: 'business_date\r\n2026-11-24\r\n' });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function show() {
  render(
    <MemoryRouter initialEntries={['/dashboard']}>
      <DashboardScreen chartSize={{ width: 600, height: 220 }} />
    </MemoryRouter>,
  );
}

const rowsOf = (name: string) =>
  within(screen.getByRole('table', { name }))
    .getAllByRole('row')
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));

describe('DashboardScreen', () => {
  it('shows the money out on open tabs and this month’s walkout rate on one screen', async () => {
    show();
    expect(await screen.findByTestId('now-owed')).toHaveProperty('textContent', 'Owed on open tabs€14.30');
    expect(fake.inputs('report.dashboard')).toContainEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(screen.getByTestId('now-open').textContent).toBe('Open tabs4');
    expect(screen.getByRole('link', { name: 'Open the oldest tab, token 4' }).getAttribute('href')).toBe('/tab/4');
    expect(screen.getByTestId('now-oldest').textContent).toContain('Open 21 h 45 min, owes €4.40');
    expect(screen.getByTestId('now-tokens').textContent).toBe('Tokens out5 of 401 not handed back');
    expect(screen.getByTestId('period-walkouts').textContent).toBe('Walkout rate25%1 of 4 tabs; €6.40 walked out (16.2% of what the closed tabs came to)');
    expect(screen.getByTestId('period-comps').textContent).toBe('Comp rate8%€3.18 of gross sales');
    expect(screen.getByTestId('period-pay').textContent).toBe('Average time from opening to paying50 min');
    expect(screen.getByText('Sun 1 Nov 2026 to Mon 30 Nov 2026')).toBeTruthy();
    // The charts and, beside them, their numbers.
    // The chart library loads with the first chart.
    expect((await screen.findByRole('figure', { name: 'Owed by age of tab' })).querySelector('svg')).toBeTruthy();
    expect((await screen.findByRole('figure', { name: 'Net sales per day' })).querySelector('svg')).toBeTruthy();
    expect((await screen.findByRole('figure', { name: 'Amount walked out per day' })).querySelector('.recharts-bar-rectangle')).toBeTruthy();
    expect(rowsOf('Owed by age')).toEqual([
      ['Open for', 'Tabs', 'Owed'],
      ['Under 30 min', '1', '€2.00'],
      ['30–60 min', '1', '€4.40'],
      ['1–2 h', '1', '€3.50'],
      ['Over 2 h', '1', '€4.40'],
      ['Total', '4', '€14.30'],
    ]);
    const days = rowsOf('Every day');
    expect(days[1]?.slice(0, 7)).toEqual(['Tue 24 Nov 2026', '€25.18', '2', '1', '€6.40', '33.3%', '23.3%']);
    expect(days[2]?.[0]).toBe('Wed 25 Nov 2026so far');
    expect(screen.getByRole('link', { name: 'Open Z 1 for Tue 24 Nov 2026' }).getAttribute('href')).toBe('/reports/z/1');
    expect(rowsOf('Comps by reason')[1]).toEqual(['burnt', '1', '€3.18', '8%']);
    expect(rowsOf('Satisfaction by staff member')[1]).toEqual(['Ana', '3', '1', '1', '0', '1', '0', '€0.00']);
    expect(rowsOf('Satisfaction by item')[1]).toEqual(['Cake', '1', '0', '1', '1', '€3.18']);
    // A café: no appointments, so no no-show rate.
    expect(screen.queryByTestId('period-noshows')).toBeNull();
  });

  it('asks for the week, the day before and any two days, and says a refusal where the period is picked', async () => {
    show();
    await screen.findByTestId('now-owed');
    fireEvent.click(screen.getByRole('button', { name: 'Week' }));
    await waitFor(() => expect(fake.inputs('report.dashboard').at(-1)).toEqual({ from: '2026-11-23', to: '2026-11-29' }));
    expect(screen.getByRole('button', { name: 'Next' })).toHaveProperty('disabled', true);
    fireEvent.keyDown(window, { key: 'ArrowLeft' });
    await waitFor(() => expect(fake.inputs('report.dashboard').at(-1)).toEqual({ from: '2026-11-16', to: '2026-11-22' }));
    fireEvent.keyDown(window, { key: 'd' });
    await waitFor(() => expect(fake.inputs('report.dashboard').at(-1)).toEqual({ from: '2026-11-25', to: '2026-11-25' }));

    fake.fail('report.dashboard', {
      code: 'invalid_input',
      key: 'errors.dashboard.periodOrder',
      params: { from: '2026-11-20', to: '2026-11-10' },
      message: 'order',
      field: 'to',
    });
    fireEvent.click(screen.getByRole('button', { name: 'Custom' }));
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-20' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The period cannot end (2026-11-10) before it begins (2026-11-20)');
  });

  it('lets the arrow keys scroll a wide table without stepping the period', async () => {
    show();
    await screen.findByTestId('now-owed');
    const region = screen.getByRole('region', { name: 'Every day' });
    region.focus();
    fireEvent.keyDown(region, { key: 'ArrowLeft' });
    fireEvent.keyDown(region, { key: 'ArrowRight' });
    // Still this month, and only asked for once.
    expect(screen.getByText('Sun 1 Nov 2026 to Mon 30 Nov 2026')).toBeTruthy();
    expect(fake.inputs('report.dashboard')).toEqual([{ from: '2026-11-01', to: '2026-11-30' }]);
    // Away from the table the arrow steps back a month.
    fireEvent.keyDown(window, { key: 'ArrowLeft' });
    await waitFor(() => expect(fake.inputs('report.dashboard').at(-1)).toEqual({ from: '2026-10-01', to: '2026-10-31' }));
  });

  it('refetches a moment after the board changes, and downloads a table as the ledger’s CSV', async () => {
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    show();
    await screen.findByTestId('now-owed');
    const before = fake.calls('report.dashboard').length;
    fake.emit({ type: 'tabs.changed', tabIds: [4] });
    fake.emit({ type: 'tabs.changed', tabIds: [5] });
    await waitFor(() => expect(fake.calls('report.dashboard').length).toBe(before + 1), { timeout: REFRESH_AFTER_MS + 3000 });

    fireEvent.click(screen.getByRole('button', { name: 'Download “Every day” as CSV' }));
    expect(await screen.findByText('Downloaded aftertab-dashboard-days-2026-11-01-2026-11-30.csv')).toBeTruthy();
    expect(fake.inputs('report.dashboardCsv')).toContainEqual({ from: '2026-11-01', to: '2026-11-30', table: 'days' });
    expect(clicked).toEqual(['aftertab-dashboard-days-2026-11-01-2026-11-30.csv']);
  });

  it('says when the dashboard cannot be loaded', async () => {
    fake.fail('report.dashboard', { code: 'forbidden', message: 'not allowed' });
    show();
    expect((await screen.findByRole('alert')).textContent).toBe('Not allowed');
  });
});
