import { markerSpec } from '../model/markers';

/** Whether the line was open. `unknown`: before the first marker loaded, nothing tells. */
export type LinkState = 'open' | 'down' | 'unknown';

/** A marker that changes the line, as far as the chart is concerned. */
export interface LinkMarker {
  time: number;
  kind: string;
}

export interface Segment {
  from: number;
  to: number;
  state: LinkState;
  /** The marker kind that began it; absent for the stretch before the first marker. */
  cause?: string;
}

/** Whether the marker opens or closes the line (lib/model/markers.ts says which). */
export const changesLink = (kind: string | undefined): boolean => markerSpec(kind)?.link !== undefined;

/**
 * Open and not-open stretches over [from, to] from one endpoint's link markers (oldest first),
 * neighbours in the same state merged. With no marker at all, nothing changed in the loaded
 * history, so the current state held throughout.
 */
export function uptimeSegments(markers: readonly LinkMarker[], from: number, to: number, openNow: boolean): Segment[] {
  const out: Segment[] = [];
  if (to <= from) return out;
  let state: LinkState = markers.length === 0 ? (openNow ? 'open' : 'down') : 'unknown';
  let cause: string | undefined;
  let cursor = from;
  const close = (end: number): void => {
    if (end <= cursor) return;
    const last = out[out.length - 1];
    if (last?.state === state) last.to = end;
    else out.push(cause === undefined ? { from: cursor, to: end, state } : { from: cursor, to: end, state, cause });
    cursor = end;
  };
  for (const m of markers) {
    const effect = markerSpec(m.kind)?.link;
    if (effect === undefined) continue;
    if (m.time >= to) break;
    close(m.time);
    state = effect;
    cause = m.kind;
  }
  close(to);
  return out;
}

/** Share of the known time the line was open, 0..1; undefined when no time is known. */
export function openShare(segments: readonly Segment[]): number | undefined {
  let open = 0;
  let known = 0;
  for (const s of segments) {
    if (s.state === 'unknown') continue;
    known += s.to - s.from;
    if (s.state === 'open') open += s.to - s.from;
  }
  return known > 0 ? open / known : undefined;
}
