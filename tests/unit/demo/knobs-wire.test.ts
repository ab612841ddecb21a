// The small pure pieces: knob parsing, stream identity, payload shaping, id range sets.
import { describe, expect, it } from 'vitest';
import { endRule, parseKnobs, resumeAfter, streamKey } from '../../../demo/knobs';
import type { IdRanges } from '../../../demo/stats';
import { addRange } from '../../../demo/stats';
import type { DemoEvent } from '../../../demo/streams';
import { encodeData, sseBlock } from '../../../demo/wire';

const q = (s: string) => new URLSearchParams(s);

describe('knobs', () => {
  it('parses knobs and rejects bad values with a message naming them', () => {
    const r = parseKnobs(q('rate=2.5&size=500&count=3&stallHeartbeat=1&contentType=text/plain'));
    expect(r).toMatchObject({ ok: true, knobs: { rate: 2.5, size: 500, count: 3, stallHeartbeat: true, contentType: 'text/plain' } });
    for (const bad of ['rate=0', 'rate=x', 'count=-1', 'malformedEvery=0', 'status=99', 'stallHeartbeat=maybe', 'size=']) {
      const res = parseKnobs(q(bad));
      expect(res.ok, bad).toBe(false);
      if (!res.ok) expect(res.message).toContain(bad);
    }
  });

  it('ends by whichever of count and dropAfter comes first', () => {
    const end = (s: string) => endRule((parseKnobs(q(s)) as { knobs: Parameters<typeof endRule>[0] }).knobs);
    expect(end('count=5&dropAfter=3')).toEqual({ limit: 3, drop: true });
    expect(end('count=2&dropAfter=3')).toEqual({ limit: 2, drop: false });
    expect(end('').limit).toBe(Infinity);
  });

  it('keys a stream by path and non-knob query', () => {
    const key = (s: string) => streamKey(new URL(s, 'http://h'));
    expect(key('/api/events?boardId=b&rate=5&dropAfter=2&lastEventId=9')).toBe('/api/events?boardId=b');
    expect(key('/events?seed=3')).toBe('/events');
    expect(key('/events?toString=1')).toBe('/events?toString=1');
  });

  it('resumes from the Last-Event-ID header first, then the query', () => {
    const url = new URL('http://h/x?lastEventId=7');
    expect(resumeAfter('12', url)).toBe(12);
    expect(resumeAfter(undefined, url)).toBe(7);
    expect(resumeAfter('abc', new URL('http://h/x'))).toBe(0);
  });
});

describe('wire', () => {
  const e: DemoEvent = { seq: 6, at: 0, name: 'delta', data: { text: 'hello' } };

  it('pads to the requested size and keeps the JSON valid', () => {
    const json = encodeData(e, { size: 300, hugeBytes: 1 });
    expect(Buffer.byteLength(json)).toBe(300);
    expect(JSON.parse(json)).toMatchObject({ text: 'hello' });
    expect(encodeData(e, { size: 5, hugeBytes: 1 })).toBe('{"text":"hello"}');
  });

  it('makes every K-th event huge or malformed, by its id', () => {
    expect(Buffer.byteLength(encodeData(e, { hugeEvery: 3, hugeBytes: 5000 }))).toBe(5000);
    expect(encodeData({ ...e, seq: 7 }, { hugeEvery: 3, hugeBytes: 5000 })).toBe('{"text":"hello"}');
    expect(() => JSON.parse(encodeData(e, { malformedEvery: 2, hugeBytes: 1 }))).toThrow();
  });

  it('frames SSE blocks, without an event line for unnamed events', () => {
    expect(sseBlock(e, '{}')).toBe('id: 6\nevent: delta\ndata: {}\n\n');
    expect(sseBlock({ seq: 1, at: 0, data: {} }, '{}')).toBe('id: 1\ndata: {}\n\n');
  });
});

describe('id ranges', () => {
  it('merges ranges and counts only new ids', () => {
    const set: IdRanges = [];
    expect(addRange(set, 1, 5)).toBe(5);
    expect(addRange(set, 6, 8)).toBe(3);
    expect(set).toEqual([[1, 8]]);
    expect(addRange(set, 12, 14)).toBe(3);
    expect(addRange(set, 3, 12)).toBe(3);
    expect(set).toEqual([[1, 14]]);
    expect(addRange(set, 20, 20)).toBe(1);
    expect(addRange(set, 16, 17)).toBe(2);
    expect(set).toEqual([[1, 14], [16, 17], [20, 20]]);
  });
});
