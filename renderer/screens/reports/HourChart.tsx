import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { HourSales } from '../../../shared/closing-types';
import type { MoneyTools } from '../../hooks/use-money';
import { tPaper } from '../../i18n/t';
import { hourBars } from './report-format';

type Props = {
  byHour: readonly HourSales[];
  boundaryMinutes: number;
  /** The report counts reductions in the hour of the sale they reduce (a Z frozen before that did not). */
  ofSale: boolean;
  money: MoneyTools;
  /** A fixed size instead of following the page's width (tests have no layout). */
  size?: { width: number; height: number };
};

/** Net sales per hour of the business day (all 24, quiet ones at zero), as an SVG bar chart that prints as it shows. */
export function HourChart({ byHour, boundaryMinutes, ofSale, money, size }: Props) {
  const bars = hourBars(byHour, boundaryMinutes);
  if (bars.length === 0) return <p className="report__muted">{tPaper('reports.byHour.none')}</p>;
  const sizing = size ? { width: size.width, height: size.height } : { responsive: true, style: { width: '100%', height: 260 } };
  return (
    <figure className="report-chart" aria-label={tPaper('reports.byHour')}>
      <BarChart data={bars} margin={{ top: 8, right: 8, bottom: 0, left: 8 }} {...sizing}>
        <CartesianGrid vertical={false} stroke="#d8d2ca" />
        <XAxis dataKey="label" tickLine={false} interval="preserveStartEnd" />
        {/* Money in minor units: whole ticks only, so every tick is a real amount. */}
        <YAxis allowDecimals={false} tickFormatter={(v: number) => money.format(v)} width={80} />
        <Tooltip formatter={(v) => money.format(Number(v))} labelFormatter={(label) => String(label)} cursor={{ fill: '#1f5f4a', fillOpacity: 0.08 }} />
        {/* A bar never wider than this, however few hours the chart spans. */}
        <Bar dataKey="netMinor" name={tPaper('reports.sales.net')} fill="#1f5f4a" maxBarSize={40} isAnimationActive={false} />
      </BarChart>
      <figcaption className="report__muted">{tPaper(ofSale ? 'reports.byHour.ofSale' : 'reports.byHour.asGiven')}</figcaption>
    </figure>
  );
}
