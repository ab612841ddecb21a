import type { StreamEvent } from '../model/event';
import { clip } from '../protocols/format';
import { markerText } from '../format/event-text';
import type { MarkerTone } from '../model/markers';
import { changesLink } from './uptime';

/** A connection marker as the diagnostics list it. */
export interface MarkerEntry {
  seq: number;
  time: number;
  kind: string;
  /** The kind in words, as the timeline names it. */
  label: string;
  message: string;
  tone: MarkerTone;
}

/** What one endpoint's loaded history says about its connection; every list oldest first. */
export interface EndpointDigest {
  /** Markers that open or close the line, for the uptime chart. */
  link: MarkerEntry[];
  /** `gap` and `duplicate` markers: the SSE ids did not count up by one. */
  idIssues: MarkerEntry[];
  gaps: number;
  duplicates: number;
  malformed: MarkerEntry[];
  /** The background stopped or started again (connections were resumed). */
  worker: MarkerEntry[];
  /** Last frame received or sent (heartbeats included), markers not counted. */
  lastTrafficAt?: number;
}

// Imported recordings may carry raw frames as a marker's data: keep the words short.
const entry = (e: StreamEvent): MarkerEntry => {
  const { label, message, tone } = markerText(e);
  return { seq: e.seq, time: e.time, kind: e.name ?? '', label, message: clip(message, 200), tone };
};

/** One pass over one endpoint's events (oldest first). */
export function digestEvents(events: readonly StreamEvent[]): EndpointDigest {
  const d: EndpointDigest = { link: [], idIssues: [], gaps: 0, duplicates: 0, malformed: [], worker: [] };
  for (const e of events) {
    if (e.dir !== 'sys') {
      d.lastTrafficAt = Math.max(d.lastTrafficAt ?? e.time, e.time);
      continue;
    }
    if (changesLink(e.name)) d.link.push(entry(e));
    switch (e.name) {
      case 'gap':
        d.gaps++;
        d.idIssues.push(entry(e));
        break;
      case 'duplicate':
        d.duplicates++;
        d.idIssues.push(entry(e));
        break;
      case 'malformed':
        d.malformed.push(entry(e));
        break;
      case 'worker_started':
      case 'worker_stopped':
        d.worker.push(entry(e));
        break;
    }
  }
  return d;
}

/** Splits the merged history by endpoint, keeping each one's order. */
export function groupByEndpoint(events: readonly StreamEvent[]): Map<string, StreamEvent[]> {
  const out = new Map<string, StreamEvent[]>();
  for (const e of events) {
    const list = out.get(e.endpointId);
    if (list) list.push(e);
    else out.set(e.endpointId, [e]);
  }
  return out;
}
