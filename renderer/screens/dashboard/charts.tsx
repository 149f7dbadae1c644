import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { MoneyTools } from '../../hooks/use-money';

/** A fixed chart size instead of the page's width (tests have no layout). */
export type ChartSize = { width: number; height: number };

type Props = {
  data: readonly Record<string, string | number>[];
  /** The field of each row under its bar, and the field with the amount (minor units) it stands for. */
  labelKey: string;
  valueKey: string;
  /** The series as the tooltip names it, and the figure as a screen reader names it. */
  name: string;
  label: string;
  colour: string;
  money: MoneyTools;
  height: number;
  /** Every label shown (a few bands) rather than thinned to fit (a month of days). */
  everyLabel?: boolean;
  size?: ChartSize | undefined;
};

/** Money per category as an SVG bar chart: whole ticks only, so every tick is a real amount. */
export function MoneyBars({ data, labelKey, valueKey, name, label, colour, money, height, everyLabel, size }: Props) {
  const sizing = size ?? { responsive: true, style: { width: '100%', height } };
  return (
    <figure className="report-chart dashboard-chart" aria-label={label}>
      <BarChart data={[...data]} margin={{ top: 8, right: 8, bottom: 0, left: 8 }} {...sizing}>
        <CartesianGrid vertical={false} stroke="#d8d2ca" />
        <XAxis dataKey={labelKey} tickLine={false} interval={everyLabel ? 0 : 'preserveStartEnd'} minTickGap={12} />
        <YAxis allowDecimals={false} tickFormatter={(v: number) => money.format(v)} width={80} />
        <Tooltip formatter={(v) => money.format(Number(v))} cursor={{ fill: '#1f5f4a', fillOpacity: 0.08 }} />
        <Bar dataKey={valueKey} name={name} fill={colour} maxBarSize={everyLabel ? 60 : 40} isAnimationActive={false} />
      </BarChart>
    </figure>
  );
}
