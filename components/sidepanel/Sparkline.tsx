/**
 * A small trend line as inline SVG: a goal card needs ~10 weekly points and a target line,
 * which 40 lines of SVG draw crisply in both themes (currentColor) without uPlot's canvas,
 * measuring and 50 KB.
 */
import type { JSX } from 'react';
import { linePath } from './line-path';

export interface SparklineProps {
  label: string;
  points: readonly (number | null)[];
  target?: number;
  width?: number;
  height?: number;
}

export function Sparkline({ label, points, target, width = 240, height = 36 }: SparklineProps): JSX.Element | null {
  const values = points.filter((p): p is number => p !== null && Number.isFinite(p));
  if (values.length < 2) return null;
  const all = target === undefined ? values : [...values, target];
  const min = Math.min(...all);
  const max = Math.max(...all);
  const span = max - min || 1;
  const pad = 3;
  const x = (i: number): number => pad + (i * (width - 2 * pad)) / Math.max(1, points.length - 1);
  const y = (v: number): number => height - pad - ((v - min) / span) * (height - 2 * pad);
  const d = linePath(points, x, y);
  const lastIndex = points.findLastIndex((p) => p !== null && Number.isFinite(p));
  return (
    <svg className="sp-spark" viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" role="img" aria-label={label}>
      {target !== undefined ? (
        <line className="sp-spark-target" x1={pad} x2={width - pad} y1={y(target)} y2={y(target)} strokeDasharray="3 3" strokeWidth={1} />
      ) : null}
      <path d={d} fill="none" stroke="currentColor" strokeWidth={1.5} vectorEffect="non-scaling-stroke" />
      {lastIndex >= 0 ? <circle cx={x(lastIndex)} cy={y(points[lastIndex]!)} r={2.5} fill="currentColor" /> : null}
    </svg>
  );
}
