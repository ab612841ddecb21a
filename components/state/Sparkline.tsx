import { sparkPoints } from '../../lib/stateview/sparkline';

const W = 80;
const H = 18;

/** A tiny line chart of a series, oldest to newest. */
export function Sparkline({ values, label }: { values: readonly (number | undefined)[]; label: string }) {
  const points = sparkPoints(values, W, H);
  return (
    <svg class="sv-spark" width={W} height={H} viewBox={`-1 -1 ${W + 2} ${H + 2}`} role="img" aria-label={label}>
      {points !== '' && <polyline points={points} fill="none" stroke="currentColor" stroke-width="1.2" />}
    </svg>
  );
}
