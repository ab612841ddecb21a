import { describe, expect, it } from 'vitest';
import { CustomProfileSchema, customKey, EMPTY_CUSTOM_PROFILE, type CustomProfile } from '../../../lib/config/custom-profile';
import { configErrors, newEndpoint } from '../../../lib/config/endpoint';
import type { StreamEvent } from '../../../lib/model/event';
import { customProfile, renderTemplate, typeEvent, typeForFold } from '../../../lib/protocols';
import { detectFamily } from '../../../lib/protocols/detect';
import { parseTemplate, type TemplatePart } from '../../../lib/query/template';
import { emptyState, foldEvents } from '../../../lib/state';
import type { CustomState } from '../../../lib/state/custom';
import { matchEvent } from '../../../lib/notify/rules';
import { MARKUP, sse, unnamed, ws } from '../../fixtures/protocols/build';

const def = (d: Partial<CustomProfile>): CustomProfile => CustomProfileSchema.parse(d);
const ITEMS = def({ typePath: 'payload.kind', entities: [{ path: 'payload.id', kind: 'item' }, { path: 'owner', kind: 'user' }], summary: '{payload.id} → {payload.state}' });

const parts = (t: string): TemplatePart[] => {
  const r = parseTemplate(t);
  if (!r.ok) throw new Error(r.error);
  return r.parts;
};

describe('summary templates', () => {
  it('parses placeholders, literal braces and bracket paths', () => {
    expect(parts('{a.b} → {c[0]["odd.key"]} {{x}}')).toEqual([
      { path: ['a', 'b'], text: 'a.b' },
      ' → ',
      { path: ['c', 0, 'odd.key'], text: 'c[0]["odd.key"]' },
      ' {x}',
    ]);
  });

  it('says what is wrong and where', () => {
    expect(parseTemplate('{a.b')).toMatchObject({ ok: false, at: 1, error: expect.stringContaining('not closed') });
    expect(parseTemplate('x }')).toMatchObject({ ok: false, at: 3 });
    expect(parseTemplate('{}')).toMatchObject({ ok: false, error: expect.stringContaining('Empty placeholder') });
    expect(parseTemplate('{a..b}')).toMatchObject({ ok: false, error: expect.stringContaining('Empty path segment') });
    expect(parseTemplate('{a {b}}')).toMatchObject({ ok: false });
    for (const bad of ['__proto__', 'a.constructor', 'x.prototype.y', 'a["__proto__"]']) {
      expect(parseTemplate(`{${bad}}`)).toMatchObject({ ok: false, error: expect.stringContaining('not allowed') });
    }
    expect(parseTemplate('x'.repeat(501))).toMatchObject({ ok: false });
  });

  it('renders values as plain text, `?` for missing paths, on one bounded line', () => {
    const t = parts('{payload.id} → {payload.state} ({n}, {flag}, {nothing}, {obj})');
    expect(renderTemplate(t, { payload: { id: 'i-1', state: 'open' }, n: 3, flag: false, nothing: null, obj: { a: 1 } })).toBe('i-1 → open (3, false, null, {a: 1})');
    expect(renderTemplate(t, { payload: {} })).toBe('? → ? (?, ?, ?, ?)');
    expect(renderTemplate(t, 'not an object')).toBe('? → ? (?, ?, ?, ?)');
    expect(renderTemplate(parts('{a}'), { a: `line1\nline2 ${MARKUP}` })).toBe(`line1 line2 ${MARKUP}`);
    expect(renderTemplate(parts('{a}{a}{a}{a}{a}'), { a: 'x'.repeat(10_000) }).length).toBeLessThanOrEqual(200);
  });

  it('reads own properties only, whatever keys the data has', () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": "yes"}, "a": {"toString": "own"}}') as unknown;
    expect(renderTemplate(parts('{polluted} {a.toString} {a.hasOwnProperty} {a.length}'), hostile)).toBe('? own ? ?');
    expect(renderTemplate(parts('{x}'), Object.create({ x: 'inherited' }))).toBe('?');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('the definition schema', () => {
  it('fills defaults and trims', () => {
    expect(CustomProfileSchema.parse({})).toEqual(EMPTY_CUSTOM_PROFILE);
    expect(def({ typePath: ' event ', entities: [{ path: ' payload.id ', kind: 'item' }] })).toMatchObject({ typePath: 'event', entities: [{ path: 'payload.id', kind: 'item' }] });
  });

  it('refuses bad paths, kinds and templates with the field at fault', () => {
    const issues = (input: unknown) => CustomProfileSchema.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
    expect(issues({ typePath: 'a..b' })).toEqual([expect.stringMatching(/^typePath: Empty path segment/)]);
    expect(issues({ typePath: 'constructor' })).toEqual([expect.stringMatching(/^typePath: "constructor" is not allowed/)]);
    expect(issues({ entities: [{ path: '', kind: 'item' }] })).toEqual([expect.stringMatching(/^entities\.0\.path: Give the path/)]);
    expect(issues({ entities: [{ path: 'id', kind: '1 bad kind' }] })).toEqual([expect.stringMatching(/^entities\.0\.kind: A kind is a word/)]);
    expect(issues({ summary: '{payload.id' })).toEqual([expect.stringMatching(/^summary: "\{" is not closed/)]);
    expect(issues({ entities: Array.from({ length: 9 }, () => ({ path: 'id', kind: 'x' })) })).toEqual([expect.stringMatching(/^entities: At most 8/)]);
  });

  it('is validated as part of an endpoint, and strips unknown keys', () => {
    const cfg = newEndpoint({ name: 'x', url: 'https://x.test/e', profile: 'custom', customProfile: { ...ITEMS, extra: 'dropped' } as CustomProfile });
    expect(configErrors(cfg)).toBeNull();
    expect(configErrors({ ...cfg, customProfile: { summary: '{' } })).toEqual({ 'customProfile.summary': expect.stringContaining('not closed') });
  });

  it('keys definitions by what they type with', () => {
    expect(customKey(undefined)).toBe(customKey(EMPTY_CUSTOM_PROFILE));
    expect(customKey(ITEMS)).toBe(customKey(def({ ...ITEMS })));
    expect(customKey(ITEMS)).not.toBe(customKey({ ...ITEMS, summary: '{payload.id}' }));
  });
});

describe('customProfile', () => {
  it('types by the type path, the SSE name when the field is absent, then `type`', () => {
    expect(typeEvent(unnamed({ payload: { kind: 'item.moved', id: 'i-1', state: 'done' } }), 'custom', ITEMS)).toMatchObject({
      family: 'custom',
      type: 'item.moved',
      known: true,
      issues: [],
      category: 'data',
      summary: 'item.moved  i-1 → done',
      entities: [{ kind: 'item', id: 'i-1' }],
    });
    expect(typeEvent(sse('update', { payload: { id: 7 }, owner: 'ana' }), 'custom', ITEMS)).toMatchObject({
      type: 'update',
      summary: 'update  7 → ?',
      entities: [
        { kind: 'item', id: '7' },
        { kind: 'user', id: 'ana' },
      ],
    });
    expect(typeEvent(ws({ type: 'hello' }), 'custom', ITEMS).type).toBe('hello');
    expect(typeEvent(ws({ payload: { kind: { nested: 1 } } }), 'custom', ITEMS).type).toBe('message');
  });

  it('keeps a frame that is not JSON and flags it', () => {
    const t = typeEvent(sse('update', '<b>nope</b>'), 'custom', ITEMS);
    expect(t).toMatchObject({ type: 'update', known: true, summary: 'update  <b>nope</b>' });
    expect(t.issues[0]?.message).toMatch(/not valid JSON/);
  });

  it('skips ids that are absent, empty or not scalars', () => {
    for (const id of [undefined, '', null, { a: 1 }, [1], Number.NaN]) {
      expect(typeEvent(unnamed({ payload: { id } }), 'custom', ITEMS).entities).toEqual([]);
    }
  });

  it('without a definition, reads every JSON frame as its own type and summarises the data', () => {
    expect(typeEvent(unnamed({ type: 'x', a: 1 }), 'custom')).toMatchObject({ type: 'x', known: true, summary: 'x  {type: "x", a: 1}' });
    expect(customProfile(undefined)).toBe(customProfile(undefined));
  });

  it('is never detected', () => {
    const events: StreamEvent[] = Array.from({ length: 10 }, (_, i) => ({ ...unnamed({ payload: { kind: 'k', id: i } }), seq: i + 1 }));
    expect(detectFamily(events)?.family).toBe('generic');
  });

  it('folds stored events with their entities, the stored verdict winning', () => {
    const ev = unnamed({ payload: { kind: 'k', id: 'i-9' } });
    expect(typeForFold(ev, 'custom', false, ITEMS)).toMatchObject({ type: 'k', entities: [{ kind: 'item', id: 'i-9' }], issues: [{ path: '' }] });
  });
});

describe('notification rules on a custom endpoint', () => {
  it('match the type the definition reads, with field matches on the data', () => {
    const ev = unnamed({ payload: { kind: 'item.sold_out', id: 'i-1', state: 'gone' } });
    expect(matchEvent(ev, [{ type: 'item.sold_out' }], 'custom', ITEMS)).toMatchObject({ type: 'item.sold_out' });
    expect(matchEvent(ev, [{ type: 'item.sold_out', match: 'payload.state=gone' }], 'custom', ITEMS)).toBeDefined();
    expect(matchEvent(ev, [{ type: 'item.sold_out', match: 'payload.state=open' }], 'custom', ITEMS)).toBeUndefined();
    expect(matchEvent(ev, [{ type: 'item.sold_out' }], 'generic')).toBeUndefined();
  });
});

describe('the custom State', () => {
  it('keeps the latest payload per entity with counts and times', () => {
    const events = [
      { payload: { kind: 'created', id: 'a', state: 'new' }, owner: 'ana' },
      { payload: { kind: 'moved', id: 'b', state: 'new' } },
      { payload: { kind: 'moved', id: 'a', state: 'done' }, owner: 'ana' },
    ].map((p, i) => {
      const ev = { ...unnamed(p), endpointId: 'e', seq: i + 1, time: 1000 * (i + 1) };
      return { ...ev, typed: typeEvent(ev, 'custom', ITEMS) };
    });
    const s = foldEvents(emptyState(), events).endpoints.e as CustomState;
    expect(s.events).toBe(3);
    expect(s.types).toEqual({ created: 1, moved: 2 });
    expect(s.entities['item\u0000a']).toMatchObject({ kind: 'item', id: 'a', count: 2, firstAt: 1000, lastAt: 3000, type: 'moved', latest: { payload: { state: 'done' } } });
    expect(s.entities['user\u0000ana']).toMatchObject({ count: 2 });
    expect(s.entities['item\u0000b']?.trace.seqs).toEqual([2]);
  });
});
