import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChunkInfo, StoredEvent } from '../../../lib/panel/store-view';
import { EMPTY_FILTER, type TimelineFilter } from '../../../lib/timeline/filter';
import { chunkTerms } from '../../../lib/query/terms';
import { fieldRanges } from '../../../lib/query/field-ranges';
import { escapeRegex } from '../../../lib/query/regex-literal';
import { compileStoredFilter, type SearchQuery } from '../../../lib/timeline/stored-filter';

const stored = (p: Partial<StoredEvent> = {}): StoredEvent => ({ endpointId: 'a', seq: 1, time: 1_001, dir: 'in', transport: 'sse', data: '{}', size: 2, type: 'message', valid: true, ...p });
const chunk = (p: Partial<ChunkInfo> = {}): ChunkInfo => ({
  cid: 1,
  endpointId: 'a',
  firstSeq: 1,
  lastSeq: 10,
  count: 10,
  t0: 1_000,
  t1: 2_000,
  bytes: 100,
  types: { message: 10 },
  dirs: { in: 10, out: 0, sys: 0 },
  invalid: 0,
  gaps: 0,
  duplicates: 0,
  malformed: 0,
  ...p,
});
const q = (f: Partial<TimelineFilter>, more: Partial<SearchQuery> = {}): SearchQuery => ({ filter: { ...EMPTY_FILTER, ...f }, pins: [], families: {}, ...more });
const passes = (f: Partial<TimelineFilter>, e = stored(), more: Partial<SearchQuery> = {}) => compileStoredFilter(q(f, more)).event(e);
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const reads = (f: Partial<TimelineFilter>, c = chunk(), more: Partial<SearchQuery> = {}) => compileStoredFilter(q(f, more)).chunk(c);

describe('stored filter', () => {
  it('lets everything through when empty, and says so', () => {
    const m = compileStoredFilter(q({}));
    expect([m.all, m.event(stored()), m.chunk(chunk()), m.errors]).toEqual([true, true, true, {}]);
  });

  it('endpoints, directions, types and invalid-only test events and skip chunks by their summary', () => {
    expect(passes({ endpoints: ['b'] }, stored({ endpointId: 'b' }))).toBe(true);
    expect(passes({ endpoints: ['a'] }, stored({ endpointId: 'c' }))).toBe(false);
    expect(reads({ endpoints: ['b'] })).toBe(false);
    expect(passes({ dirs: ['out'] }, stored({ dir: 'out' }))).toBe(true);
    expect(reads({ dirs: ['out', 'sys'] })).toBe(false);
    expect(reads({ dirs: ['in'] })).toBe(true);
    expect(passes({ types: ['task_update'] }, stored({ type: 'task_update' }))).toBe(true);
    expect(passes({ types: ['task_update'] })).toBe(false);
    expect(reads({ types: ['task_update'] })).toBe(false);
    expect(reads({ types: ['task_update'] }, chunk({ types: { task_update: 1 } }))).toBe(true);
    expect(passes({ invalidOnly: true }, stored({ valid: false }))).toBe(true);
    expect(passes({ invalidOnly: true })).toBe(false);
    expect(reads({ invalidOnly: true })).toBe(false);
    expect(reads({ invalidOnly: true }, chunk({ invalid: 2 }))).toBe(true);
  });

  it('clear view: events after the cut, chunks that reach past it', () => {
    expect(passes({}, stored({ time: 1_005 }), { after: 1_005 })).toBe(false);
    expect(passes({}, stored({ time: 1_006 }), { after: 1_005 })).toBe(true);
    expect(reads({}, chunk({ t1: 1_005 }), { after: 1_005 })).toBe(false);
  });

  it('pinned only', () => {
    expect(passes({ pinnedOnly: true }, stored({ seq: 2 }), { pins: ['a#2'] })).toBe(true);
    expect(passes({ pinnedOnly: true }, stored({ seq: 3 }), { pins: ['a#2'] })).toBe(false);
  });

  it('free text: data or type, ignoring case, regex characters literal; regex on request; a bad one is reported', () => {
    const e = stored({ data: '{"msg":"Deploy (prod) FAILED"}', type: 'deploy_status' });
    expect(passes({ text: 'failed' }, e)).toBe(true);
    expect(passes({ text: '(prod)' }, e)).toBe(true);
    expect(passes({ text: 'd.ploy' }, e)).toBe(false);
    expect(passes({ text: 'd.ploy', regex: true }, e)).toBe(true);
    expect(passes({ text: 'DEPLOY_STATUS' }, stored({ type: 'deploy_status' }))).toBe(true);
    const bad = compileStoredFilter(q({ text: '(', regex: true }));
    expect(bad.errors.text).toBeTruthy();
    expect(bad.event(e)).toBe(true);
  });

  it('field queries parse the data only when it names the fields; `!=` also matches a missing field', () => {
    const e = stored({ data: '{"payload":{"state":"failed","n":3}}' });
    expect(passes({ field: 'payload.state=failed' }, e)).toBe(true);
    expect(passes({ field: 'payload.state=running' }, e)).toBe(false);
    expect(passes({ field: 'payload.owner' }, e)).toBe(false);
    expect(passes({ field: 'payload.owner!=bob' }, e)).toBe(true);
    expect(passes({ field: 'payload.state~FAIL' }, e)).toBe(true);
    expect(passes({ field: 'state=failed' }, stored({ data: 'not json, but "state" is here' }))).toBe(false);
    expect(compileStoredFilter(q({ field: 'a="open' })).errors.field).toBeTruthy();
  });

  it('categories come from typing the event with its endpoint’s family', () => {
    const failed = stored({ name: 'attempt_status', data: '{"attemptId":"a1","cardId":"c1","status":"failed"}' });
    expect(passes({ categories: ['error'] }, failed, { families: { a: 'kanban' } })).toBe(true);
    expect(passes({ categories: ['log'] }, failed, { families: { a: 'kanban' } })).toBe(false);
  });

  it('never rules out, from its JSON text, a chunk holding a match; rules out one without the words', () => {
    // Data full of what JSON escapes: quotes, backslashes, control characters, non-ASCII.
    const text = fc.string({ unit: fc.constantFrom('a', 'B', '"', '\\', '\n', '\u0001', 'é', '/', ':', '{', '}', ' ', '7') });
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 5 }), fc.nat(), fc.nat(), fc.nat(), (datas, pick, from, len) => {
        const data = datas[pick % datas.length]!;
        const needle = data.slice(from % (data.length + 1)).slice(0, 1 + (len % 6));
        fc.pre(needle.trim() !== '');
        const events = datas.map((d, i) => stored({ seq: i + 1, data: d }));
        const json = JSON.stringify(events.map(({ endpointId: _, type: _t, valid: _v, ...row }) => row));
        const m = compileStoredFilter(q({ text: needle }));
        // Nor does the chunk's word filter: the words the search asks it for are all in it.
        const words = m.terms(chunk());
        const filter = chunkTerms(new TextEncoder().encode(json))!;
        if (events.some((e) => m.event(e))) {
          expect(m.mayMatch(json, ['message'])).toBe(true);
          expect(m.mayHold(utf8(json), ['message'])).toBe(true);
          if (words) expect(words(filter)).toBe(true);
        }
        const absent = compileStoredFilter(q({ text: 'zz-nowhere' }));
        expect(absent.mayMatch(json, ['message'])).toBe(false);
        expect(absent.mayHold(utf8(json), ['message'])).toBe(false);
      }),
    );
  });

  it('never rules out, from its JSON text, a chunk holding a match of a regex', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'B', '"', '\\', '\n', '\u0001', 'é', '/', ':', '{', '}', ' ', '7') });
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 5 }), fc.nat(), fc.nat(), fc.nat(), fc.constantFrom('.', '\\W?', '[^x]+', '\\S*'), (datas, pick, from, at, wild) => {
        // A pattern made from a piece of some event's data, one character of it made a wildcard.
        const data = datas[pick % datas.length]!;
        const needle = data.slice(from % (data.length + 1)).slice(0, 8);
        const cut = at % (needle.length + 1);
        const pattern = escapeRegex(needle.slice(0, cut)) + wild + escapeRegex(needle.slice(cut + 1));
        const events = datas.map((d, i) => stored({ seq: i + 1, data: d }));
        const json = JSON.stringify(events.map(({ endpointId: _, type: _t, valid: _v, ...row }) => row));
        const m = compileStoredFilter(q({ text: pattern, regex: true }));
        const words = m.terms(chunk());
        if (events.some((e) => m.event(e))) {
          expect(m.mayMatch(json, ['message'])).toBe(true);
          expect(m.mayHold(utf8(json), ['message'])).toBe(true);
          if (words) expect(words(chunkTerms(utf8(json))!)).toBe(true);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('rules a chunk out for a field query only when a field it needs is named nowhere in it', () => {
    const json = JSON.stringify([{ data: JSON.stringify({ payload: { status: 'failed', n: 3 } }) }]);
    // Judged from the decoded text, and alike from its bytes before decoding.
    const judge = (f: Partial<TimelineFilter>) => {
      const m = compileStoredFilter(q(f));
      return [m.mayMatch(json, []), m.mayHold(utf8(json), [])];
    };
    expect(judge({ field: 'status=failed' })).toEqual([true, true]);
    expect(judge({ field: 'n>2 and status=failed' })).toEqual([true, true]);
    expect(judge({ field: 'owner=ana' })).toEqual([false, false]);
    // `or` needs neither name on its own.
    expect(judge({ field: 'owner=failed or missing=3' })).toEqual([true, true]);
    // Nor a value it asks for that is written nowhere.
    expect(judge({ field: 'status=stopped' })).toEqual([false, false]);
    // A regex by the characters every match of it holds, if it has them.
    expect(judge({ text: 'fail(ed|ure)', regex: true })).toEqual([true, true]);
    expect(judge({ text: 'stop(ped|s)', regex: true })).toEqual([false, false]);
    expect(judge({ text: 'zz|yy', regex: true })).toEqual([false, false]);
    expect(judge({ text: 'zz|fail', regex: true })).toEqual([true, true]);
    expect(judge({ text: 'zz|.', regex: true })).toEqual([true, true]);
  });

  it('asks a chunk’s word filter for the whole words of the text and the names a field query needs', () => {
    const json = JSON.stringify([{ data: JSON.stringify({ payload: { status: 'failed', id: 'job-42' } }) }]);
    const filter = chunkTerms(new TextEncoder().encode(json))!;
    const asks = (f: Partial<TimelineFilter>, c = chunk()) => compileStoredFilter(q(f)).terms(c);
    expect(asks({ text: 'job-42"' })!(filter)).toBe(true);
    expect(asks({ text: 'job-43"' })!(filter)).toBe(false);
    expect(asks({ field: 'status=failed' })!(filter)).toBe(true);
    expect(asks({ field: 'owner=ana' })!(filter)).toBe(false);
    // The names a field query needs are its own list, not neighbours in the data: no pairs of them.
    const fields = JSON.stringify([{ data: JSON.stringify({ w: 1, x: 1, y: 1, z: 1 }) }]);
    expect(asks({ field: 'w=1 and x=1 and y=1 and z=1' })!(chunkTerms(utf8(fields))!)).toBe(true);
    // The text's neighbouring words, with what is between them.
    expect(asks({ text: '"status":"failed"' })!(filter)).toBe(true);
    expect(asks({ text: '"id":"failed"' })!(filter)).toBe(false);
    // A field compared with a number asks the ranges of the chunk's numbers, when its filter keeps them.
    const numbers = utf8(JSON.stringify([{ data: JSON.stringify({ n: 3 }) }]));
    const ranged = { ...chunkTerms(numbers)!, ranges: fieldRanges(numbers)! };
    expect(asks({ field: 'n > 2' })!(ranged)).toBe(true);
    expect(asks({ field: 'n > 3' })!(ranged)).toBe(false);
    expect(asks({ field: 'n > 3' })!(chunkTerms(numbers)!)).toBe(true);
    // Words at either end of the text may be parts of longer ones: nothing to ask.
    expect(asks({ text: 'job-4' })).toBeUndefined();
    // A pattern asks for the whole words of the characters every match holds, if it has any.
    expect(asks({ text: '"job-4\\d', regex: true })!(filter)).toBe(true);
    expect(asks({ text: '"jab-4\\d', regex: true })!(filter)).toBe(false);
    // A class of a few characters: one of the strings it makes must be there.
    expect(asks({ text: '"job-4[23]"', regex: true })!(filter)).toBe(true);
    expect(asks({ text: '"job-4[34]"', regex: true })!(filter)).toBe(false);
    expect(asks({ text: 'job|x', regex: true })).toBeUndefined();
    // A lookahead of a few strings: what it looks for follows what comes before it.
    expect(asks({ text: '"id":(?="job-42")\\S+', regex: true })!(filter)).toBe(true);
    expect(asks({ text: '"id":(?="job-43")\\S+', regex: true })!(filter)).toBe(false);
    expect(asks({ text: '"id":(?!"job-43")\\S+', regex: true })!(filter)).toBe(true);
    // Nothing for a chunk whose type names match the text by themselves.
    expect(asks({ text: '.rare.' }, chunk({ types: { 'a.rare.b': 1 } }))).toBeUndefined();
    expect(asks({ text: '.rare.' }, chunk({ types: { message: 1 } }))).toBeDefined();
  });
});
