// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { figureRows } from '../../test-support/figures';
import { testStore } from '../../test-support/store';
import { ReportView } from './ReportView';
import { testReport } from './test-report';

vi.mock('../../api', () => import('../../test-support/fake-api'));

afterEach(cleanup);

/** The chart loads on first use (a lazy import): on a busy machine that can take past findBy's one second. */
const chartLoad = { timeout: 10_000 };

const store = testStore({ timeZone: 'UTC' });

function show(report = testReport()) {
  render(
    <MemoryRouter>
      <ReportView report={report} store={store} />
    </MemoryRouter>,
  );
}

/** Each label and amount of a list of figures, as shown. */
function figures(name: string): [string, string][] {
  return figureRows(screen.getByLabelText(name, { selector: 'dl' }));
}

function rows(name: string): string[][] {
  const table = screen.getByRole('table', { name });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent ?? ''),
    );
}

describe('ReportView', () => {
  it('heads a Z with its number and the day, and says it never changes', () => {
    show();
    expect(screen.getByRole('heading', { level: 2, name: 'Z report #7 · Mon 14 Sept 2026' })).toBeTruthy();
    expect(screen.getByText('This day is closed: this report never changes.')).toBeTruthy();
    expect(screen.getByText('Produced 14 Sept 2026, 21:30 by Owner · 23 journal entries')).toBeTruthy();
  });

  it('prints the chain head a Z closed on, short, with the whole hash to compare; a Z from before the chain has no such line', () => {
    const hash = `3f2a${'0'.repeat(56)}9c1d`;
    show(testReport({ chain: { seq: 4160, hash } }));
    const line = screen.getByText('Ledger chain at close: entry 4,160 · 3f2a…9c1d');
    expect(line.getAttribute('title')).toBe(`The ledger’s hash chain when this day was closed: entry 4,160, hash ${hash}`);
    // In the header, so the printed and PDF forms carry it too.
    expect(line.closest('header')?.className).toBe('report__head');
    cleanup();
    show();
    expect(screen.queryByText(/Ledger chain at close/)).toBeNull();
  });

  it('reads a Z frozen before hours followed the sale: its stored hours as they are, and says how they were counted', async () => {
    show(
      testReport({
        byHour: [
          { hour: 10, netMinor: 400 },
          { hour: 11, netMinor: -200 },
        ],
      }),
    );
    expect(
      await screen.findByText('Comps, removed lines and lower quantities count in the hour they were given, so an hour can be negative.', {}, chartLoad),
    ).toBeTruthy();
    cleanup();
    show(testReport({ byHourOfSale: true }));
    expect(await screen.findByText('Comps, removed lines and lower quantities count in the hour of the sale they reduce.', {}, chartLoad)).toBeTruthy();
  });

  it('lists the payments voided on the day by method, and says the amounts are net of them; a day without voids lists none', () => {
    show(
      testReport({
        payments: [
          { method: 'cash', count: 2, amountMinor: 1270, tipMinor: 0, takenMinor: 1270, voidedCount: 0, voidedMinor: 0 },
          { method: 'card', count: 2, amountMinor: 510, tipMinor: 51, takenMinor: 561, voidedCount: 1, voidedMinor: 1340 },
        ],
      }),
    );
    expect(rows('Payments by method')).toEqual([
      ['Cash', '2', '€12.70', '€0.00', '€12.70'],
      ['Card', '2', '€5.10', '€0.51', '€5.61'],
    ]);
    expect(figures('Voided payments')).toEqual([['Card: 1 voided', '−€13.40']]);
    expect(screen.getByText('Amounts are net of the payments voided on this day; the count is of payments taken.')).toBeTruthy();
    cleanup();
    show();
    expect(screen.queryByLabelText('Voided payments')).toBeNull();
    expect(screen.queryByText('Amounts are net of the payments voided on this day; the count is of payments taken.')).toBeNull();
  });

  it('shows every section of the day, with the ledger’s figures', async () => {
    show();
    expect(await within(screen.getByRole('region', { name: 'Net sales by hour' })).findByRole('figure', { name: 'Net sales by hour' }, chartLoad)).toBeTruthy();
    for (const name of [
      'Sales',
      'Comps by reason',
      'Tax by rate',
      'Payments by method',
      'Tips by staff',
      'Deposits',
      'Walkouts',
      'Net sales by hour',
      'Cash drawer',
      'Satisfaction',
      'Tabs',
      'Open tabs carried forward',
      'Tabs receivable',
      'Movement by account',
      'Staff',
      'Removed lines',
    ]) {
      expect(screen.getByRole('region', { name })).toBeTruthy();
    }
    expect(figures('Sales')).toEqual([
      ['Rung up', '€30.46'],
      ['Removed lines (1)', '−€2.91'],
      ['Gross sales', '€27.55'],
      ['Comps', '−€1.46'],
      ['Net sales', '€26.09'],
      ['Tax', '€2.61'],
      ['Total charged (net + tax)', '€28.70'],
    ]);
    // Right under "Total charged (net + tax)": which figures carry tax and which do not.
    expect(screen.getByText('Sales and comps are net of tax; Total charged includes tax.')).toBeTruthy();
    expect(screen.queryByText('Amounts are net of tax.')).toBeNull();
    expect(rows('Comps by reason')).toEqual([['Not satisfied', '1', '€1.46']]);
    expect(rows('Tax by rate')).toEqual([['Standard 10%', '€26.09', '€2.61']]);
    expect(rows('Payments by method')).toEqual([
      ['Cash', '2', '€12.70', '€0.00', '€12.70'],
      ['Card', '1', '€5.10', '€0.51', '€5.61'],
    ]);
    expect(figures('Cash rounding')).toEqual([['Cash rounding', '€0.00']]);
    expect(rows('Tips by staff')).toEqual([['Owner', '€0.51']]);
    expect(figures('Deposits').map(([label]) => label)).toEqual(['Taken', 'Applied', 'Refunded', 'Forfeited', 'Held']);
    expect(figures('Walkouts')).toEqual([
      ['Tabs written off', '1'],
      ['Amount written off (as charged, tax included)', '€7.50'],
    ]);
    expect(figures('Cash drawer')).toEqual([
      ['Float', '€100.00'],
      ['Cash taken', '€12.70'],
      ['Paid in', '€0.00'],
      ['Paid out', '€4.50'],
      ['Expected', '€108.20'],
      ['Counted', '€108.00'],
      ['Variance', '−€0.20'],
    ]);
    expect(rows('Drawer sessions')).toEqual([['08:00–21:00', '€100.00', '€108.20', '€108.00', '−€0.20', 'Coin dropped', 'Owner']]);
    expect(figures('Satisfaction')).toEqual([
      ['😊 Happy', '1'],
      ['😐 Okay', '0'],
      ['☹ Unhappy', '0'],
      ['Not rated', '1'],
    ]);
    expect(figures('Tabs')).toEqual([
      ['Settled', '2'],
      ['Written off', '1'],
      ['Average time from opening to paying', '46 min'],
    ]);
    expect(rows('Open tabs carried forward')).toEqual([['4', 'Sam', '3 h 30 min', '€3.40']]);
    expect(figures('Tabs receivable')).toEqual([
      ['Brought forward', '€0.00'],
      ['+ Charged', '€28.70'],
      ['− Paid', '€17.80'],
      ['− Written off', '€7.50'],
      ['= Carried forward', '€3.40'],
    ]);
    expect(rows('Movement by account')).toEqual([
      ['cash_drawer', 'Cash in the drawer', '€0.00'],
      ['cash_over_short', 'Drawer over (−) or short (+)', '+€0.20'],
      ['walkouts', 'Walkouts written off', '+€7.50'],
      ['sales:10', 'Sales at 10% (net of tax)', '−€7.70'],
    ]);
    expect(screen.getByText('Account names as in the journal CSV; debits are +, credits −, and the rows add up to zero.')).toBeTruthy();
  });

  it('names every common account in words beside its journal name, tips by the staff member', () => {
    const accounts = [
      'sales:8.875',
      'tax_payable:10',
      'tips_payable:1',
      'tips_payable:9',
      'cash_drawer',
      'cash_office',
      'card_clearing',
      'comps',
      'walkouts',
      'paid_out',
      'paid_in',
      'cash_over_short',
      'tabs_receivable',
      'rounding',
      'mystery',
    ].map((account) => ({ account, movementMinor: 0 }));
    show(testReport({ accounts }));
    expect(rows('Movement by account').map(([account, meaning]) => [account, meaning])).toEqual([
      ['sales:8.875', 'Sales at 8.875% (net of tax)'],
      ['tax_payable:10', 'Tax owed at 10%'],
      ['tips_payable:1', 'Tips owed to Owner'],
      ['tips_payable:9', 'Tips owed to staff #9'],
      ['cash_drawer', 'Cash in the drawer'],
      ['cash_office', 'Cash kept outside the drawer (safe, bank bag)'],
      ['card_clearing', 'Card payments, until the bank pays them out'],
      ['comps', 'Comps given'],
      ['walkouts', 'Walkouts written off'],
      ['paid_out', 'Cash paid out of the drawer'],
      ['paid_in', 'Cash paid into the drawer'],
      ['cash_over_short', 'Drawer over (−) or short (+)'],
      ['tabs_receivable', 'Owed on tabs'],
      ['rounding', 'Cash rounding'],
      ['mystery', ''],
    ]);
  });

  it('shows the first count of a drawer that was counted twice', () => {
    const drawer = testReport().drawer;
    const [session] = drawer.sessions;
    if (!session) throw new Error('the test report has a drawer session');
    show(testReport({ drawer: { ...drawer, sessions: [{ ...session, firstCountMinor: 10000 }] } }));
    expect(rows('Drawer sessions')).toEqual([
      ['08:00–21:00', '€100.00', '€108.20', '€108.00Counted twice: first count €100.00', '−€0.20', 'Coin dropped', 'Owner'],
    ]);
    expect(screen.getByText('Counted twice: first count €100.00')).toBeTruthy();
  });

  it("lists the day's cash deposits in and out of the drawer so its rows add up to expected, and none on a day without any", () => {
    const drawer = testReport().drawer;
    // 100.00 + 12.70 + 30.00 - 10.00 + 0.00 - 4.50 = 128.20
    show(testReport({ drawer: { ...drawer, depositsInMinor: 3000, depositsOutMinor: 1000, expectedMinor: 12820, countedMinor: 12800 } }));
    expect(figures('Cash drawer')).toEqual([
      ['Float', '€100.00'],
      ['Cash taken', '€12.70'],
      ['Deposits in', '€30.00'],
      ['Deposits out', '€10.00'],
      ['Paid in', '€0.00'],
      ['Paid out', '€4.50'],
      ['Expected', '€128.20'],
      ['Counted', '€128.00'],
      ['Variance', '−€0.20'],
    ]);
    cleanup();
    // Only a refund out of the drawer that day; and a café's Z (zeros, or frozen before deposits) shows neither row.
    show(testReport({ drawer: { ...drawer, depositsInMinor: 0, depositsOutMinor: 500, expectedMinor: 10320, countedMinor: 10300 } }));
    expect(figures('Cash drawer').map(([label]) => label)).toEqual([
      'Float',
      'Cash taken',
      'Deposits out',
      'Paid in',
      'Paid out',
      'Expected',
      'Counted',
      'Variance',
    ]);
    cleanup();
    show(testReport({ drawer: { ...drawer, depositsInMinor: 0, depositsOutMinor: 0 } }));
    expect(figures('Cash drawer').map(([label]) => label)).not.toContain('Deposits in');
    expect(figures('Cash drawer').map(([label]) => label)).not.toContain('Deposits out');
  });

  it('says a drawer is still open instead of a table of zeros when none was signed off yet', () => {
    const zero = { floatMinor: 0, cashInMinor: 0, paidInMinor: 0, paidOutMinor: 0, expectedMinor: 0, countedMinor: 0, varianceMinor: 0 };
    show(testReport({ kind: 'x', zNumber: null, drawer: { sessions: [], openNow: true, ...zero } }));
    const section = screen.getByRole('region', { name: 'Cash drawer' });
    expect(within(section).getByText('A drawer is open: its figures appear once it is counted and signed off.')).toBeTruthy();
    expect(within(section).queryByText('€0.00')).toBeNull();
    expect(within(section).queryByText('No drawer was signed off on this day.')).toBeNull();
    expect(section.querySelector('dl')).toBeNull();
  });

  it('keeps the signed-off drawers and adds a note when another is still open', () => {
    show(testReport({ kind: 'x', zNumber: null, drawer: { ...testReport().drawer, openNow: true } }));
    const section = screen.getByRole('region', { name: 'Cash drawer' });
    expect(within(section).getByText('A drawer is open: its figures appear once it is counted and signed off.')).toBeTruthy();
    expect(rows('Drawer sessions')).toHaveLength(1);
  });

  it('keeps the deposit rows at zero and says so when a day has nothing in a section', async () => {
    show(
      testReport({ kind: 'x', zNumber: null, comps: [], tips: [], payments: [], carried: [], byHour: [], drawer: { ...testReport().drawer, sessions: [] } }),
    );
    expect(screen.getByRole('heading', { level: 2, name: 'X report · Mon 14 Sept 2026' })).toBeTruthy();
    expect(figures('Deposits')).toEqual([
      ['Taken', '€0.00'],
      ['Applied', '€0.00'],
      ['Refunded', '€0.00'],
      ['Forfeited', '€0.00'],
      ['Held', '€0.00'],
    ]);
    for (const text of ['No comps.', 'No tips.', 'No payments.', 'No tab is carried forward.', 'No drawer was signed off on this day.']) {
      expect(screen.getByText(text)).toBeTruthy();
    }
    // The chart loads on first use; a day without sales gets words, not an empty chart.
    expect(await screen.findByText('No sales yet.', {}, chartLoad)).toBeTruthy();
  });

  it('shows each person’s day in a staff table: tabs, sales, comps with their reasons, tips, ratings and walkouts', () => {
    show();
    const section = screen.getByRole('region', { name: 'Staff' });
    const table = within(section).getByRole('table', { name: 'Staff figures' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Staff', 'Tabs', 'Sales', 'Refunds', 'Comps', 'Comped', 'Tips', 'Happy', 'Okay', 'Unhappy', 'Walkouts']);
    // The report's Ana has no refund figures (a Z closed before refunds): none were given.
    expect(rows('Staff figures')).toEqual([
      ['Ana', '2', '€18.09', '€0.00', '1', '€1.46Not satisfied ×1: €1.46', '€0.51', '1', '0', '0', '1'],
      ['Ben', '1', '€8.00', '€0.00', '0', '€0.00', '€0.00', '0', '0', '0', '0'],
    ]);
    expect(within(section).getByText(/Sales less refunds add up to the day’s net sales/)).toBeTruthy();
    cleanup();
    show(testReport({ kind: 'x', zNumber: null, staff: [] }));
    expect(within(screen.getByRole('region', { name: 'Staff' })).getByText('No one served a line, gave a comp or took a tip on this day.')).toBeTruthy();
  });

  it('says who did and who approved each comp, removed line, walkout, paid out and variance', () => {
    show();
    expect(rows('Comps given')).toEqual([['10:15', '3', 'Not satisfied', '€1.46', 'Ana', 'Mia']]);
    expect(within(screen.getByRole('region', { name: 'Comps by reason' })).getByRole('table', { name: 'Comps given' })).toBeTruthy();
    expect(rows('Lines removed')).toEqual([['11:00', '5', 'Wrong order', '€2.91', 'Mia', '—']]);
    expect(within(screen.getByRole('region', { name: 'Removed lines' })).getByRole('table', { name: 'Lines removed' })).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Walkouts' })).getByRole('table', { name: 'Tabs walked out' })).toBeTruthy();
    expect(rows('Tabs walked out')).toEqual([['16:40', '8', 'Left without paying', '€7.50', 'Mia', '—']]);
    const drawer = within(screen.getByRole('region', { name: 'Cash drawer' })).getByRole('table', { name: 'Paid in, paid out and variances' });
    expect(
      within(drawer)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Time', 'What', 'Reason', 'Amount', 'By', 'Approved by']);
    expect(rows('Paid in, paid out and variances')).toEqual([
      ['12:00', 'Paid out', 'Milk', '€4.50', 'Ben', 'Mia'],
      ['21:00', 'Variance', 'Coin dropped', '−€0.20', 'Ben', 'Owner'],
    ]);
    // No payment was voided: no table for it.
    expect(screen.queryByRole('table', { name: 'Payments voided' })).toBeNull();
  });

  it('lists who voided a payment beside the voided amounts, and says when no line was removed', () => {
    show(
      testReport({
        actions: [
          { kind: 'payment_void', at: '2026-09-14T13:05:00.000Z', staffName: 'Mia', approverName: null, amountMinor: 1340, reason: 'Wrong tab', token: 4 },
        ],
      }),
    );
    expect(within(screen.getByRole('region', { name: 'Payments by method' })).getByRole('table', { name: 'Payments voided' })).toBeTruthy();
    expect(rows('Payments voided')).toEqual([['13:05', '4', 'Wrong tab', '€13.40', 'Mia', '—']]);
    expect(within(screen.getByRole('region', { name: 'Removed lines' })).getByText('No line was removed.')).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Comps given' })).toBeNull();
  });

  it('shows paid outs with their approver while the drawer is still open, before any sign-off', () => {
    const zero = { floatMinor: 0, cashInMinor: 0, paidInMinor: 0, paidOutMinor: 0, expectedMinor: 0, countedMinor: 0, varianceMinor: 0 };
    show(testReport({ kind: 'x', zNumber: null, drawer: { sessions: [], openNow: true, ...zero } }));
    const section = screen.getByRole('region', { name: 'Cash drawer' });
    expect(within(section).getByRole('table', { name: 'Paid in, paid out and variances' })).toBeTruthy();
  });

  it('reads a Z frozen before approvals were recorded: no who-did tables and no removed lines section', () => {
    const old = testReport({ staff: [] });
    delete old.actions;
    show(old);
    for (const name of ['Comps given', 'Lines removed', 'Tabs walked out', 'Paid in, paid out and variances'])
      expect(screen.queryByRole('table', { name })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Removed lines' })).toBeNull();
    expect(rows('Comps by reason')).toEqual([['Not satisfied', '1', '€1.46']]);
  });

  it('formats a Z in its own currency even after the store changed', () => {
    show(testReport({ currency: 'JPY', locale: 'ja-JP', sales: { ...testReport().sales, netMinor: 2609 } }));
    expect(figures('Sales').find(([label]) => label === 'Net sales')?.[1]).toBe('￥2,609');
  });
});
