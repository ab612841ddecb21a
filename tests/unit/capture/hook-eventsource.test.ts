import { describe, expect, it } from 'vitest';
import { FakeEventSource, hookedPage, only } from './fakes';

// The page's EventSource must behave exactly as the native one while every event it sees is
// recorded: the hook only adds listeners of its own, ahead of the page's, and never re-dispatches.

describe('page hook: EventSource as the page sees it', () => {
  it('keeps instanceof, the readyState constants on class and instance, name and constructor', () => {
    const { ES } = hookedPage();
    const es = new ES('/events');
    expect(es).toBeInstanceOf(ES);
    expect(es).toBeInstanceOf(FakeEventSource);
    expect([ES.CONNECTING, ES.OPEN, ES.CLOSED]).toEqual([0, 1, 2]);
    expect([es.CONNECTING, es.OPEN, es.CLOSED]).toEqual([0, 1, 2]);
    expect(ES.name).toBe('FakeEventSource');
    expect(es.constructor).toBe(ES);
    expect(es.url).toBe('/events');
    expect(es.readyState).toBe(ES.CONNECTING);
  });

  it('records unnamed events given to onmessage, with ids, as the page got them', () => {
    const { ES, records } = hookedPage();
    const es = new ES('/events');
    const seen: string[] = [];
    es.onmessage = (e) => seen.push(`${e.lastEventId}:${String(e.data)}`);
    es.serverOpen();
    es.serverEvent('a', 'message', '1');
    es.serverEvent('b', 'message', '2');
    expect(seen).toEqual(['1:a', '2:b']);
    const open = only(records(), 'open')[0];
    expect(open).toMatchObject({ kind: 'es', url: 'http://page.test/events' });
    expect(only(records(), 'message').map((m) => [m.name, m.id, m.data])).toEqual([
      [undefined, '1', 'a'],
      [undefined, '2', 'b'],
    ]);
  });

  it('records named events the page listens to, with once and signal working as native', () => {
    const { ES, records } = hookedPage();
    const es = new ES('/events');
    const got: string[] = [];
    const ac = new AbortController();
    es.addEventListener('update', (e) => got.push(`once:${String((e as MessageEvent).data)}`), { once: true });
    es.addEventListener('update', (e) => got.push(`signal:${String((e as MessageEvent).data)}`), { signal: ac.signal });
    es.addEventListener('status', (e) => got.push(`status:${String((e as MessageEvent).data)}`));
    es.serverOpen();
    es.serverEvent('u1', 'update');
    ac.abort();
    es.serverEvent('u2', 'update');
    es.serverEvent('s1', 'status');
    expect(got).toEqual(['once:u1', 'signal:u1', 'status:s1']);
    // The page's listeners are gone for u2; the stream still carried it, and it is recorded.
    expect(only(records(), 'message').map((m) => `${m.name}:${m.data}`)).toEqual(['update:u1', 'update:u2', 'status:s1']);
  });

  it('listens to a named type once however often the page adds listeners for it', () => {
    const { ES, records } = hookedPage();
    const es = new ES('/events');
    for (let i = 0; i < 3; i++) es.addEventListener('tick', () => undefined);
    es.serverOpen();
    es.serverEvent('t', 'tick');
    expect(only(records(), 'message')).toHaveLength(1);
  });

  it('says when the browser reconnects (with the last id) and when it gives up', () => {
    const { ES, records } = hookedPage();
    const es = new ES('/events');
    const errors: number[] = [];
    es.onerror = () => errors.push(es.readyState);
    es.serverOpen();
    es.serverEvent('a', 'message', '7');
    es.broke(false);
    es.serverOpen();
    es.broke(true);
    expect(errors).toEqual([0, 2]);
    const states = only(records(), 'state').map((r) => [r.what, r.lastEventId]);
    expect(states).toEqual([
      ['open', undefined],
      ['reconnecting', '7'],
      ['open', undefined],
      ['close', undefined],
    ]);
  });

  it('close() closes natively and is recorded once', () => {
    const { ES, records } = hookedPage();
    const es = new ES('/events');
    es.serverOpen();
    es.close();
    es.close();
    expect(es.readyState).toBe(ES.CLOSED);
    expect(only(records(), 'state').filter((r) => r.what === 'close').map((r) => r.reason)).toEqual(['closed by the page']);
  });

  it('keeps withCredentials and records it as how the stream was asked for', () => {
    const { ES, records } = hookedPage();
    const es = new ES('https://api.test/e', { withCredentials: true });
    expect(es.withCredentials).toBe(true);
    expect(only(records(), 'open')[0]?.headers).toEqual({ credentials: 'include' });
  });
});
