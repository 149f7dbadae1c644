// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { moneyTools } from '../../hooks/use-money';
import { HourChart } from './HourChart';

afterEach(cleanup);

const money = moneyTools({ currency: 'EUR', locale: 'en-IE', exponent: 2 });

describe('HourChart', () => {
  it('draws the 24 hours of the business day from the boundary, quiet hours included', () => {
    const { container } = render(
      <HourChart
        byHour={[
          { hour: 9, netMinor: 691 },
          { hour: 11, netMinor: 1918 },
        ]}
        boundaryMinutes={240}
        ofSale
        money={money}
        size={{ width: 1200, height: 240 }}
      />,
    );
    const figure = screen.getByRole('figure', { name: 'Net sales by hour' });
    expect(figure.querySelector('svg')).toBeTruthy();
    const ticks = [...container.querySelectorAll('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value')].map((t) => t.textContent);
    // recharts may thin the labels to fit; the first is the boundary hour, the last the hour before it.
    expect(ticks[0]).toBe('04:00');
    expect(ticks.at(-1)).toBe('03:00');
    expect(container.querySelectorAll('.recharts-bar-rectangle path').length).toBeGreaterThanOrEqual(2);
    const yTicks = [...container.querySelectorAll('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value')].map((t) => t.textContent ?? '');
    expect(yTicks.length).toBeGreaterThan(1);
    for (const tick of yTicks) expect(tick).toMatch(/^€\d+\.\d{2}$/);
  });

  it('keeps a single hour of sales to one narrow bar', () => {
    const { container } = render(
      <HourChart byHour={[{ hour: 10, netMinor: 500 }]} boundaryMinutes={0} ofSale money={money} size={{ width: 1200, height: 240 }} />,
    );
    const bars = [...container.querySelectorAll('.recharts-bar-rectangle path')];
    expect(bars).toHaveLength(1);
    const width = Number(bars[0]?.getAttribute('width') ?? Number.NaN);
    expect(width).toBeGreaterThan(0);
    expect(width).toBeLessThanOrEqual(60);
  });

  it('says there were no sales instead of drawing an empty chart', () => {
    render(<HourChart byHour={[]} boundaryMinutes={240} ofSale money={money} size={{ width: 600, height: 240 }} />);
    expect(screen.getByText('No sales yet.')).toBeTruthy();
    expect(screen.queryByRole('figure')).toBeNull();
  });

  it('says a comp, a removal or a lower quantity counts in the hour of the sale it reduces', () => {
    render(<HourChart byHour={[{ hour: 10, netMinor: 200 }]} boundaryMinutes={240} ofSale money={money} size={{ width: 1200, height: 240 }} />);
    expect(screen.getByRole('figure', { name: 'Net sales by hour' }).querySelector('figcaption')?.textContent).toBe(
      'Comps, removed lines and lower quantities count in the hour of the sale they reduce.',
    );
  });

  it('draws a Z frozen before that as it was closed: a negative hour as a bar below zero, and says why', () => {
    const { container } = render(
      <HourChart
        byHour={[
          { hour: 10, netMinor: 400 },
          { hour: 11, netMinor: -200 },
        ]}
        boundaryMinutes={240}
        ofSale={false}
        money={money}
        size={{ width: 1200, height: 240 }}
      />,
    );
    expect(container.querySelectorAll('.recharts-bar-rectangle path')).toHaveLength(2);
    const yTicks = [...container.querySelectorAll('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value')].map((t) => t.textContent ?? '');
    expect(yTicks.some((tick) => tick.startsWith('-'))).toBe(true);
    expect(screen.getByRole('figure', { name: 'Net sales by hour' }).querySelector('figcaption')?.textContent).toBe(
      'Comps, removed lines and lower quantities count in the hour they were given, so an hour can be negative.',
    );
  });
});
