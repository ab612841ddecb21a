import { storedEventsOf, type ChunkInfo, type ChunkTyping, type RawChunk } from '../store/view';
import type { StoredMatcher } from './stored-filter';

/** Matches found in one chunk: offsets into its events. */
export interface ChunkMatches {
  cid: number;
  offsets: number[];
}

export interface ScanProgress {
  /** Found since the last report, newest chunks first. */
  found: ChunkMatches[];
  /** Events looked at so far (chunks skipped by their summary count as looked at). */
  searched: number;
  /** Events in all the chunks to search. */
  total: number;
  done: boolean;
}

/** How a search reads a chunk: its events' JSON text, or only their typed types and verdicts (cheaper). */
export interface ChunkSource {
  readRaw(cid: number): Promise<RawChunk | undefined>;
  readTyping(cid: number): Promise<ChunkTyping | undefined>;
}

export interface ScanOptions extends ChunkSource {
  report(p: ScanProgress): void;
  cancelled(): boolean;
  /** Report at least this often (ms) while scanning. */
  reportMs?: number;
  now?: () => number;
}

/** Offsets of the events of `c` that match, from their types alone when the filter allows it. */
async function matchesIn(c: ChunkInfo, m: StoredMatcher, o: ChunkSource): Promise<number[]> {
  const offsets: number[] = [];
  const byTyping = m.byTyping(c);
  if (byTyping) {
    const t = await o.readTyping(c.cid);
    if (!t) return offsets;
    const bad = new Set(t.invalid);
    for (let i = 0; i < t.at.length; i++) if (byTyping(t.names[t.at[i]!]!, !bad.has(i))) offsets.push(i);
  } else {
    const raw = await o.readRaw(c.cid);
    // Most chunks of a text search hold none of its words: they are never parsed.
    if (!raw || !m.mayMatch(raw.json, raw.typing.names)) return offsets;
    const events = storedEventsOf(raw);
    for (let i = 0; i < events.length; i++) if (m.event(events[i]!)) offsets.push(i);
  }
  return offsets;
}

/**
 * Runs a filter over chunks, newest first (the rows at the live edge are on screen first),
 * skipping chunks whose summary cannot match and reading the rest one at a time. Matches are
 * (cid, offset) references, never copies of events.
 */
export async function scanChunks(chunks: readonly ChunkInfo[], m: StoredMatcher, o: ScanOptions): Promise<void> {
  const now = o.now ?? (() => performance.now());
  const every = o.reportMs ?? 50;
  const total = chunks.reduce((n, c) => n + c.count, 0);
  let searched = 0;
  let found: ChunkMatches[] = [];
  let last = now();
  for (let k = chunks.length - 1; k >= 0; k--) {
    if (o.cancelled()) return;
    const c = chunks[k]!;
    if (m.chunk(c)) {
      const offsets = await matchesIn(c, m, o);
      if (o.cancelled()) return;
      if (offsets.length > 0) found.push({ cid: c.cid, offsets });
    }
    searched += c.count;
    if (now() - last >= every) {
      o.report({ found, searched, total, done: false });
      found = [];
      last = now();
    }
  }
  o.report({ found, searched, total, done: true });
}
