/**
 * A KPI's trend over the last periods as inline SVG with readable axes: the highest and lowest
 * value on the left, the first and last period below, a dot per period that has a value and a
 * gap where a period has none. Hand-drawn like Sparkline: a dozen points need no chart
 * library's canvas, measuring or bundle weight, and the SVG follows the theme (currentColor).
 * Contract: `[data-rapport-trend]` with `data-points` (periods drawn).
 */
import type { JSX } from 'react';
import { linePath } from './line-path';

export interface TrendChartProps {
  /** Accessible summary of the trend (first, last, range). */
  label: string;
  points: readonly (number | null)[];
  /** The values as text, for the axis labels. */
  format: (v: number) => string;
  /** Period labels under the first and last point. */
  firstLabel: string;
  lastLabel: string;
  /** A target drawn as a dashed line (goals). */
  target?: number;
}

const W = 200;
const H = 48;
const PAD = 4;

export function TrendChart({ label, points, format, firstLabel, lastLabel, target }: TrendChartProps): JSX.Element {
  const known = points.filter((p): p is number => p !== null && Number.isFinite(p));
  const values = target === undefined || !known.length ? known : [...known, target];
  const min = values.length ? Math.min(...values) : 0;
  const max = values.length ? Math.max(...values) : 0;
  const span = max - min || 1;
  const x = (i: number): number => PAD + (i * (W - 2 * PAD)) / Math.max(1, points.length - 1);
  const y = (v: number): number => H - PAD - ((v - min) / span) * (H - 2 * PAD);
  const d = linePath(points, x, y);
  return (
    <figure className="sp-trend" data-rapport-trend="" data-points={points.length}>
      <div className="sp-trend-y" aria-hidden="true">
        <span>{values.length ? format(max) : ''}</span>
        <span>{values.length ? format(min) : ''}</span>
      </div>
      <svg className="sp-trend-svg" viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-label={label}>
        <line x1={PAD} x2={W - PAD} y1={H - PAD} y2={H - PAD} stroke="currentColor" strokeOpacity={0.3} strokeWidth={1} vectorEffect="non-scaling-stroke" />
        {target !== undefined && values.length ? (
          <line
            className="sp-spark-target"
            x1={PAD}
            x2={W - PAD}
            y1={y(target)}
            y2={y(target)}
            strokeDasharray="3 3"
            strokeWidth={1}
            vectorEffect="non-scaling-stroke"
          />
        ) : null}
        <path d={d} fill="none" stroke="currentColor" strokeWidth={1.5} vectorEffect="non-scaling-stroke" />
        {points.map((p, i) => (p === null || !Number.isFinite(p) ? null : <circle key={i} cx={x(i)} cy={y(p)} r={1.8} fill="currentColor" />))}
      </svg>
      <figcaption className="sp-trend-x" aria-hidden="true">
        <span>{firstLabel}</span>
        <span>{lastLabel}</span>
      </figcaption>
    </figure>
  );
}
