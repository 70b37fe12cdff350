/** The 12-week risk sparkline: a hand-drawn SVG polyline, risk score 0–100 upwards. */
import type { JSX } from 'react';
import type { CardTrendPoint } from '../../lib/messaging/protocol';

const W = 120;
const H = 28;

export function Sparkline({ points, label }: { points: readonly CardTrendPoint[]; label: string }): JSX.Element {
  const step = points.length > 1 ? W / (points.length - 1) : 0;
  const xy = points.map((p, i) => [points.length > 1 ? i * step : W / 2, H - (p.riskScore / 100) * H] as const);
  const last = xy[xy.length - 1];
  return (
    <svg
      className="card-spark"
      width={W}
      height={H}
      viewBox={`-2 -2 ${W + 4} ${H + 4}`}
      role="img"
      aria-label={label}
      data-rapport-trend=""
      data-points={points.length}
    >
      <polyline fill="none" stroke="currentColor" strokeWidth="1.5" points={xy.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ')} />
      {last ? <circle cx={last[0]} cy={last[1]} r="2.5" fill="currentColor" /> : null}
    </svg>
  );
}
