import { useMemo } from 'preact/hooks';
import { formatRate, rateBuckets } from '../../lib/diagnostics/rate';
import { openShare, uptimeSegments, type LinkMarker } from '../../lib/diagnostics/uptime';
import type { StreamEvent } from '../../lib/model/event';
import { markerText } from '../../lib/format/event-text';
import { formatClock, formatSpan } from '../../lib/format/units';

const SPAN_MS = 10 * 60_000;
const BUCKETS = 60;
const BUCKET_S = SPAN_MS / BUCKETS / 1000;
// viewBox units; the SVG stretches to the card's width.
const W = 600;
const BAND = 8;
const BARS_TOP = 12;
const H = 60;

const STATE_WORDS = { open: 'open', down: 'not open', unknown: 'no record' } as const;

interface Props {
  events: readonly StreamEvent[];
  link: readonly LinkMarker[];
  openNow: boolean;
  now: number;
  /** Time of the oldest loaded event when older history is still on disk. */
  loadedFrom?: number;
}

/** The last 10 minutes: a band of open vs not open above bars of received events. */
export function ActivityChart({ events, link, openNow, now, loadedFrom }: Props) {
  const from = now - SPAN_MS;
  const { segments, buckets, share } = useMemo(() => {
    const segments = uptimeSegments(link, from, now, openNow);
    return { segments, buckets: rateBuckets(events, from, now, BUCKETS), share: openShare(segments) };
  }, [events, link, openNow, from, now]);
  const x = (t: number): number => ((t - from) / SPAN_MS) * W;
  const peak = Math.max(...buckets);
  // Bars scale to the busiest bucket; an idle window keeps a scale of one event.
  const scale = (H - BARS_TOP) / Math.max(1, peak);
  const slot = W / BUCKETS;
  const summary = `${share === undefined ? 'uptime unknown' : `open ${Math.round(share * 100)} %`} · peak ${formatRate(peak / BUCKET_S)}`;
  return (
    <figure class="diag-chart" data-testid="diag-chart">
      <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-label={`Last 10 minutes: ${summary}`}>
        {loadedFrom !== undefined && loadedFrom > from && (
          <rect class="diag-unloaded" x={0} y={0} width={x(loadedFrom)} height={H}>
            <title>Older history is not loaded</title>
          </rect>
        )}
        {segments.map((s) => (
          <rect key={s.from} class={`seg-${s.state}`} x={x(s.from)} y={0} width={x(s.to) - x(s.from)} height={BAND}>
            <title>
              {`${STATE_WORDS[s.state]} ${formatClock(s.from)}–${formatClock(s.to)} (${formatSpan(s.to - s.from)})${s.cause ? `, since ${markerText({ name: s.cause, data: '' }).label}` : ''}`}
            </title>
          </rect>
        ))}
        {buckets.map((n, i) =>
          n === 0 ? null : (
            <rect key={i} class="diag-bar" x={i * slot + 0.5} y={H - n * scale} width={slot - 1} height={n * scale}>
              <title>{`${formatClock(from + i * BUCKET_S * 1000)}: ${n} events (${formatRate(n / BUCKET_S)})`}</title>
            </rect>
          ),
        )}
      </svg>
      <figcaption class="diag-axis">
        <span>10 min ago</span>
        <span>{summary}</span>
        <span>now</span>
      </figcaption>
    </figure>
  );
}
