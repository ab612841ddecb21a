import { newEndpoint } from '../config/endpoint';
import type { StreamEvent } from '../model/event';
import { harParts, type HarStream } from './har-export';
import { exportView } from './ndjson-export';
import type { RecordedStream } from './recording';

export type ConvertFormat = 'har' | 'ndjson';

/** File streams with ids of their own: a HAR from another tool names none, two streams never share one. */
function identified(streams: readonly RecordedStream[]): (RecordedStream & { id: string })[] {
  const seen = new Set<string>();
  return streams.map((s, i) => {
    let id = s.source.id ?? `recording-${i + 1}`;
    for (let n = 2; seen.has(id); n++) id = `${s.source.id ?? 'recording'}-${n}`;
    seen.add(id);
    return { ...s, id };
  });
}

/**
 * A recording read from one file, written in the other format (or the same): the parts of the
 * new file. NDJSON lines are typed afresh by the endpoint's profile, as an export from the
 * extension is; a HAR gets one entry per stream.
 */
export function convertStreams(streams: readonly RecordedStream[], to: ConvertFormat, now = Date.now()): AsyncIterable<string> | string[] {
  const list = identified(streams);
  if (to === 'har') {
    return harParts(
      list.map((s): HarStream => ({ ref: { ...s.source, id: s.id }, batches: [s.events] })),
      { now },
    );
  }
  const endpoints = list.map((s) => newEndpoint({ ...s.source, id: s.id, profile: s.source.profile ?? 'auto' }));
  // One timeline, as a view export has it: by time, each endpoint's own order kept (the sort is stable).
  const events = list.flatMap((s) => s.events.map((e, i): StreamEvent => ({ ...e, endpointId: s.id, seq: i + 1 }))).sort((a, b) => a.time - b.time);
  return exportView(events, endpoints, { now });
}
