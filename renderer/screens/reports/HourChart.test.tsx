// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { moneyTools } from '../../hooks/use-money';
import { HourChart } from './HourChart';

afterEach(cleanup);

const money = moneyTools({ currency: 'EUR', locale: 'en-IE', exponent: 2 });

describe('HourChart', () => {
  it('draws one SVG bar per hour of the day, quiet hours included', () => {
    const { container } = render(
      <HourChart
        byHour={[
          { hour: 9, netMinor: 691 },
          { hour: 11, netMinor: 1918 },
        ]}
        boundaryMinutes={240}
        money={money}
        size={{ width: 600, height: 240 }}
      />,
    );
    const figure = screen.getByRole('figure', { name: 'Net sales by hour' });
    expect(figure.querySelector('svg')).toBeTruthy();
    const ticks = [...container.querySelectorAll('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value')].map((t) => t.textContent);
    expect(ticks).toEqual(['09:00', '10:00', '11:00']);
    // Two hours with sales draw a bar each; the quiet 10:00 has a zero-height bar or none.
    expect(container.querySelectorAll('.recharts-bar-rectangle path').length).toBeGreaterThanOrEqual(2);
    const yTicks = [...container.querySelectorAll('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value')].map((t) => t.textContent ?? '');
    expect(yTicks.length).toBeGreaterThan(1);
    for (const tick of yTicks) expect(tick).toMatch(/^€\d+\.\d{2}$/);
  });

  it('says there were no sales instead of drawing an empty chart', () => {
    render(<HourChart byHour={[]} boundaryMinutes={240} money={money} size={{ width: 600, height: 240 }} />);
    expect(screen.getByText('No sales yet.')).toBeTruthy();
    expect(screen.queryByRole('figure')).toBeNull();
  });
});
