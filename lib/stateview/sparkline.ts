/**
 * Points of an SVG polyline for a small series: x evenly spread over `width` by index, y scaled
 * between the series' own min and max (a flat series sits at mid-height). Missing values are
 * skipped, so a gap joins its neighbours.
 */
export function sparkPoints(values: readonly (number | undefined)[], width: number, height: number): string {
  const present = values.filter((v): v is number => v !== undefined && Number.isFinite(v));
  if (present.length === 0) return '';
  const min = Math.min(...present);
  const range = Math.max(...present) - min;
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const round = (n: number) => Math.round(n * 10) / 10;
  const points: string[] = [];
  values.forEach((v, i) => {
    if (v === undefined || !Number.isFinite(v)) return;
    const y = range === 0 ? height / 2 : height - ((v - min) / range) * height;
    points.push(`${round(i * step)},${round(y)}`);
  });
  return points.join(' ');
}
