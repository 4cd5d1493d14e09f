// A report's chart by its declared type — bar, line, pie or funnel (recharts) — with the figures
// in the user's locale. Clicking a bar, point, slice or funnel stage calls `onSelect` with its row.
import { Bar, BarChart, CartesianGrid, Cell, Funnel, FunnelChart, LabelList, Legend, Line, LineChart, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useI18n } from '../i18n/i18n';
import type { ReportResult, ReportRow } from './report-api';
import { categoryColor, categoryColumn, chartRows, compactNumber, SERIES_COLORS, valueText } from './report-format';

export interface ReportChartProps {
  result: ReportResult;
  height: number;
  onSelect(row: ReportRow): void;
}

const CATEGORY = '__category';

export function ReportChart({ result, height, onSelect }: ReportChartProps) {
  const i18n = useI18n();
  const category = categoryColumn(result);
  const series = result.chart.series.flatMap((name) => result.columns.find((column) => column.name === name) ?? []);
  const rows = chartRows(result);
  const data = rows.map((row) => ({ ...row, [CATEGORY]: category ? valueText(category, row, i18n) : '' }));
  const format = (value: unknown) => (typeof value === 'number' ? i18n.number(value, { maximumFractionDigits: 2 }) : String(value));
  const select = (index: unknown) => {
    const row = rows[Number(index)];
    if (row && index !== null && index !== undefined) onSelect(row);
  };
  const first = series[0];
  // Many categories (months): tilted labels, so none overlaps its neighbour.
  const crowded = rows.length > 6;
  const xAxis = crowded ? { angle: -35, textAnchor: 'end' as const, height: 56, interval: 0 as const } : { interval: 0 as const };
  if (!first || rows.length === 0) return null;

  switch (result.chart.type) {
    case 'pie':
      return (
        <ResponsiveContainer width="100%" height={height}>
          <PieChart>
            <Pie data={data} dataKey={first.name} nameKey={CATEGORY} innerRadius="45%" outerRadius="80%" paddingAngle={1} onClick={(_slice, index) => select(index)} cursor="pointer" isAnimationActive={false}>
              {rows.map((row, index) => (
                <Cell key={index} fill={categoryColor(category, row) ?? SERIES_COLORS[index % SERIES_COLORS.length]} />
              ))}
            </Pie>
            <Tooltip formatter={format} />
            <Legend />
          </PieChart>
        </ResponsiveContainer>
      );
    case 'funnel':
      return (
        <ResponsiveContainer width="100%" height={height}>
          <FunnelChart margin={{ top: 8, right: 120, bottom: 8, left: 8 }}>
            <Tooltip formatter={format} />
            <Funnel data={data} dataKey={first.name} nameKey={CATEGORY} onClick={(_stage, index) => select(index)} cursor="pointer" isAnimationActive={false}>
              {rows.map((row, index) => (
                <Cell key={index} fill={categoryColor(category, row) ?? SERIES_COLORS[index % SERIES_COLORS.length]} />
              ))}
              <LabelList position="right" fill="var(--ink)" stroke="none" dataKey={CATEGORY} />
              <LabelList position="center" fill="#fff" stroke="none" dataKey={first.name} formatter={format} />
            </Funnel>
          </FunnelChart>
        </ResponsiveContainer>
      );
    case 'line':
      return (
        <ResponsiveContainer width="100%" height={height}>
          <LineChart data={data} onClick={(state) => select(state.activeTooltipIndex)} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="var(--line)" vertical={false} />
            <XAxis dataKey={CATEGORY} tick={{ fontSize: 12 }} {...xAxis} />
            <YAxis tickFormatter={(value: number) => compactNumber(value, i18n)} tick={{ fontSize: 12 }} width={56} />
            <Tooltip formatter={format} />
            <Legend />
            {series.map((column, index) => (
              <Line key={column.name} type="monotone" dataKey={column.name} name={column.label} stroke={SERIES_COLORS[index % SERIES_COLORS.length]} strokeWidth={2} dot={{ r: 3 }} activeDot={{ r: 6, cursor: 'pointer' }} isAnimationActive={false} />
            ))}
          </LineChart>
        </ResponsiveContainer>
      );
    default:
      return (
        <ResponsiveContainer width="100%" height={height}>
          <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="var(--line)" vertical={false} />
            <XAxis dataKey={CATEGORY} tick={{ fontSize: 12 }} {...xAxis} />
            <YAxis tickFormatter={(value: number) => compactNumber(value, i18n)} tick={{ fontSize: 12 }} width={56} />
            <Tooltip formatter={format} cursor={{ fill: 'var(--surface-3)' }} />
            {series.length > 1 && <Legend />}
            {series.map((column, index) => (
              <Bar key={column.name} dataKey={column.name} name={column.label} fill={SERIES_COLORS[index % SERIES_COLORS.length]} radius={[4, 4, 0, 0]} cursor="pointer" isAnimationActive={false} onClick={(_bar, barIndex) => select(barIndex)}>
                {series.length === 1 && rows.map((row, rowIndex) => <Cell key={rowIndex} fill={categoryColor(category, row) ?? SERIES_COLORS[0]} />)}
              </Bar>
            ))}
          </BarChart>
        </ResponsiveContainer>
      );
  }
}
