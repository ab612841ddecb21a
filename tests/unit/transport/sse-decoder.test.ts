import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSseDecoder, MAX_EVENT_BYTES } from '../../../lib/transport/sse-decoder';

type Out =
  | { event: { name?: string; id?: string; data: string } }
  | { bareId: string }
  | { retry: number }
  | { comment: string }
  | { oversize: number; complete: boolean };

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Decodes `chunks` and returns everything reported, in order. */
function decode(chunks: (string | Uint8Array)[], max?: number, end = true): Out[] {
  const out: Out[] = [];
  const d = createSseDecoder(
    {
      // JSON round trip drops absent fields, so expectations can leave them out.
      event: (e) => out.push({ event: JSON.parse(JSON.stringify(e)) as { data: string } }),
      bareId: (id) => out.push({ bareId: id }),
      retry: (ms) => out.push({ retry: ms }),
      comment: (text) => out.push({ comment: text }),
      oversize: (n, complete) => out.push({ oversize: n, complete }),
    },
    max,
  );
  for (const c of chunks) d.push(typeof c === 'string' ? bytes(c) : c);
  if (end) d.end();
  return out;
}

const splitAt = (all: Uint8Array, points: number[]): Uint8Array[] => {
  const cuts = [0, ...[...new Set(points)].sort((a, b) => a - b), all.length];
  return cuts.slice(1).map((end, i) => all.subarray(cuts[i], end));
};

describe('SSE decoding', () => {
  it('reads named events, multi-line data and ids', () => {
    expect(decode(['event: delta\nid: 7\ndata: one\ndata:two\ndata\n\n'])).toEqual([
      { event: { name: 'delta', id: '7', data: 'one\ntwo\n' } },
    ]);
  });

  it('ignores an id containing NUL but keeps the event', () => {
    expect(decode(['id: a\0b\ndata: x\n\n'])).toEqual([{ event: { data: 'x' } }]);
  });

  it('passes an empty id through, which resets the last event id', () => {
    expect(decode(['id\ndata: x\n\nid:\ndata: y\n\n'])).toEqual([{ event: { id: '', data: 'x' } }, { event: { id: '', data: 'y' } }]);
  });

  it('reports an id in a block without data, which the spec still applies', () => {
    expect(decode(['id: 9\n\n: ping\nid: 10\n\n'])).toEqual([{ bareId: '9' }, { comment: 'ping' }, { bareId: '10' }]);
  });

  it('reports retry values and ignores invalid ones', () => {
    expect(decode(['retry: 5000\nretry: soon\ndata: x\n\n'])).toEqual([{ retry: 5000 }, { event: { data: 'x' } }]);
  });

  it('reports comments without making events', () => {
    expect(decode([':hello\n: keep-alive\n\n'])).toEqual([{ comment: 'hello' }, { comment: 'keep-alive' }]);
  });

  it('ignores unknown fields and an empty event name', () => {
    expect(decode(['foo: bar\nevent:\ndata: x\n\n'])).toEqual([{ event: { data: 'x' } }]);
  });

  it('strips one leading BOM, also when its bytes arrive one at a time', () => {
    const all = bytes('\uFEFFdata: x\n\n');
    expect(decode([all])).toEqual([{ event: { data: 'x' } }]);
    expect(decode([...all].map((b) => Uint8Array.of(b)))).toEqual([{ event: { data: 'x' } }]);
    // Only the first: a second BOM is part of the field name, so the line is an unknown field.
    expect(decode(['\uFEFF\uFEFFdata: x\n\n'])).toEqual([]);
  });

  it.each([
    ['LF', '\n'],
    ['CR', '\r'],
    ['CRLF', '\r\n'],
  ])('accepts %s line endings', (_name, eol) => {
    const text = ['event: a', 'data: 1', 'data: 2', '', 'data: 3', '', ''].join(eol);
    expect(decode([text])).toEqual([{ event: { name: 'a', data: '1\n2' } }, { event: { data: '3' } }]);
  });

  it('delivers a CR-terminated event at once, without waiting for the next chunk', () => {
    expect(decode(['data: now\r\r'], undefined, false)).toEqual([{ event: { data: 'now' } }]);
  });

  it('treats a CRLF split across chunks as one line end', () => {
    expect(decode(['data: a\r', '\ndata: b\r', '\n\r', '\n'])).toEqual([{ event: { data: 'a\nb' } }]);
  });

  it('drops an unfinished event at the end of the stream', () => {
    expect(decode(['data: done\n\ndata: half'])).toEqual([{ event: { data: 'done' } }]);
  });

  describe('any chunking gives the same events', () => {
    // Named, multi-line, CR/CRLF, a 4-byte character (😀), a 3-byte one (€), comments, retry, BOM.
    const sample = bytes(
      '\uFEFFretry: 3000\r\n: hi\nevent: delta\r\nid: 1\ndata: {"t":"😀 €"}\r\rdata: a\ndata: b\n\nid: 2\ndata: 中文😀\n\n',
    );
    const expected = decode([sample]);

    it('has a sample worth splitting', () => {
      expect(expected).toEqual([
        { retry: 3000 },
        { comment: 'hi' },
        { event: { name: 'delta', id: '1', data: '{"t":"😀 €"}' } },
        { event: { data: 'a\nb' } },
        { event: { id: '2', data: '中文😀' } },
      ]);
    });

    it('at every single split point, including inside multi-byte characters', () => {
      for (let i = 1; i < sample.length; i++) expect(decode(splitAt(sample, [i]))).toEqual(expected);
    });

    it('at random sets of split points', () => {
      fc.assert(
        fc.property(fc.array(fc.integer({ min: 1, max: sample.length - 1 }), { maxLength: 30 }), (points) => {
          expect(decode(splitAt(sample, points))).toEqual(expected);
        }),
        { numRuns: 500 },
      );
    });
  });

  describe('size limit', () => {
    it('skips one oversize event, reports its size and keeps the stream', () => {
      const big = 'x'.repeat(100);
      expect(decode([`data: ok\n\n: note\ndata: ${big}\ndata: more\n\ndata: after\n\n`], 50)).toEqual([
        { event: { data: 'ok' } },
        { comment: 'note' },
        // Line contents count, line ends do not: ": note", "data: x…", "data: more".
        { oversize: 6 + 6 + big.length + 10, complete: true },
        { event: { data: 'after' } },
      ]);
    });

    it('handles an oversize event spread over many chunks', () => {
      const chunks = ['id: 1\ndata: ', ...Array.from({ length: 20 }, () => 'y'.repeat(10)), '\n', '\n', 'id: 2\ndata: after\n\n'];
      const out = decode(chunks, 64);
      expect(out).toEqual([{ oversize: 5 + 6 + 200, complete: true }, { event: { id: '2', data: 'after' } }]);
    });

    it('reports an oversize event cut off by the end of the stream', () => {
      expect(decode([`data: ${'z'.repeat(80)}`], 50)).toEqual([{ oversize: 86, complete: false }]);
    });

    it('defaults to 16 MiB', () => {
      expect(MAX_EVENT_BYTES).toBe(16 * 1024 * 1024);
      const just = 'a'.repeat(MAX_EVENT_BYTES - 6);
      expect(decode([`data: ${just}\n\n`])).toEqual([{ event: { data: just } }]);
      expect(decode([`data: ${just}b\n\ndata: next\n\n`])).toEqual([
        { oversize: MAX_EVENT_BYTES + 1, complete: true },
        { event: { data: 'next' } },
      ]);
    });
  });
});
