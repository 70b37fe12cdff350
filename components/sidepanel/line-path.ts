/** An SVG path through the points; a missing value (null, not finite) breaks the line rather than inventing one. */
export function linePath(points: readonly (number | null)[], x: (i: number) => number, y: (v: number) => number): string {
  let d = '';
  let pen = false;
  points.forEach((p, i) => {
    if (p === null || !Number.isFinite(p)) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(p).toFixed(1)}`;
    pen = true;
  });
  return d;
}
