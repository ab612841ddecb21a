import { formatRate } from '../../lib/diagnostics/rate';

const W = 90;
const H = 18;

/** Received events per bucket as bars from a zero baseline, oldest left. */
export function RateSpark({ buckets, bucketMs }: { buckets: readonly number[]; bucketMs: number }) {
  const peak = Math.max(0, ...buckets);
  const slot = W / Math.max(1, buckets.length);
  const perSecond = (n: number) => formatRate(n / (bucketMs / 1000));
  const label = `peak ${perSecond(peak)}, latest ${perSecond(buckets[buckets.length - 1] ?? 0)}`;
  return (
    <svg class="diag-spark" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} data-testid="diag-spark">
      <title>{label}</title>
      <line x1="0" y1={H - 0.5} x2={W} y2={H - 0.5} class="diag-spark-base" />
      {buckets.map((n, i) => {
        if (n <= 0) return null;
        // At least one pixel, so a trickle still shows.
        const h = Math.max(1, (n / peak) * (H - 1));
        return <rect key={i} x={i * slot + 0.5} y={H - h} width={Math.max(1, slot - 1)} height={h} />;
      })}
    </svg>
  );
}
