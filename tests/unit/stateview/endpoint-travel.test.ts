import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../../lib/model/event';
import type { Family } from '../../../lib/model/typed';
import { EventHistory } from '../../../lib/panel/history';
import { EventTyping } from '../../../lib/protocols/typing';
import { detectFamily, typeEvent } from '../../../lib/protocols';
import { foldEvent, type MergedState } from '../../../lib/state/index';
import { EndpointTravel } from '../../../lib/stateview/endpoint-travel';
import { FakeStore } from '../panel/fake-store';

/** Plans events: two plans, then state changes and logs; `seq` from 1. */
function plans(n: number, from = 1): StreamEvent[] {
  return Array.from({ length: n }, (_, i) => {
    const seq = from + i;
    const plan = `p-${seq % 3}`;
    const [name, body] =
      seq <= 3
        ? ['plan.created', { id: plan, title: `Plan ${plan}`, state: 'draft', created_at: new Date(seq).toISOString() }]
        : seq % 2
          ? ['plan.state.changed', { plan_id: plan, state: seq % 4 === 1 ? 'running' : 'approved' }]
          : ['plan.log.new', { plan_id: plan, id: `log-${seq}`, entry: `Step ${seq}`, created_at: new Date(seq).toISOString() }];
    const data = JSON.stringify(body);
    return { endpointId: 'p', seq, time: seq, dir: 'in', transport: 'sse', name, data, size: data.length };
  });
}

const typing = () => new EventTyping(() => 'plans', { typeEvent, detectFamily });
const foldFromZero = (evs: StreamEvent[], upTo: number): MergedState =>
  evs.filter((e) => e.seq <= upTo).reduce<MergedState>((s, e) => foldEvent(s, { ...e, typed: typeEvent(e, 'plans') }), { endpoints: {} });

describe('EndpointTravel', { timeout: 30_000 }, () => {
  it('the state at any event equals folding from zero, across stored chunks and the live tail', async () => {
    const all = plans(60);
    const store = new FakeStore({ p: 'plans' });
    store.add(all.slice(0, 20));
    store.add(all.slice(20, 40));
    const history = new EventHistory(store);
    await history.refresh();
    history.addLive(all.slice(40));
    const travel = new EndpointTravel('p', history, typing());
    expect(travel.range()).toEqual({ first: 1, last: 60 });
    for (const seq of [1, 2, 19, 20, 21, 40, 41, 55, 60]) {
      const m = await travel.momentAt(seq);
      expect(m.ev?.seq).toBe(seq);
      expect(m.after).toEqual(foldFromZero(all, seq));
      expect(m.before).toEqual(foldFromZero(all, seq - 1));
    }
  });

  it('steps to the next event without reading the store, and every step equals folding from zero', async () => {
    const all = plans(50);
    const store = new FakeStore({ p: 'plans' });
    store.add(all.slice(0, 25));
    store.add(all.slice(25));
    const history = new EventHistory(store);
    await history.refresh();
    const travel = new EndpointTravel('p', history, typing());
    let reads = 0;
    const stateAt = store.stateAt.bind(store);
    store.stateAt = (id, at) => (reads++, stateAt(id, at));
    await travel.momentAt(10);
    const first = reads;
    for (let seq = 11; seq <= 40; seq++) {
      const m = await travel.momentAt(seq);
      expect(m.before).toEqual(foldFromZero(all, seq - 1));
      expect(m.after).toEqual(foldFromZero(all, seq));
    }
    expect(reads).toBe(first);
    // A step back, or a jump, reads the store again.
    expect((await travel.momentAt(39)).after).toEqual(foldFromZero(all, 39));
    expect(reads).toBeGreaterThan(first);
  });

  it('keeps the newest moment current by folding live events', async () => {
    const all = plans(30);
    const store = new FakeStore({ p: 'plans' });
    store.add(all.slice(0, 20));
    const history = new EventHistory(store);
    await history.refresh();
    const travel = new EndpointTravel('p', history, typing());
    expect((await travel.live()).seq).toBe(20);
    expect(travel.takeLive(all.slice(20))).toBe(true);
    const m = await travel.live();
    expect(m.seq).toBe(30);
    expect(m.after).toEqual(foldFromZero(all, 30));
    expect(m.before).toEqual(foldFromZero(all, 29));
  });

  it('reads the newest moment again when the store had typed the endpoint with another family', async () => {
    const all = plans(30);
    // The store has not settled on the family yet; this page's typing already says plans.
    const families: Record<string, Family> = { p: 'generic' };
    const store = new FakeStore(families);
    store.add(all.slice(0, 20));
    const history = new EventHistory(store);
    await history.refresh();
    const travel = new EndpointTravel('p', history, typing());
    expect((await travel.live()).after.endpoints.p?.family).toBe('generic');
    families.p = 'plans';
    history.addLive(all.slice(20));
    expect(travel.takeLive(all.slice(20))).toBe(true);
    expect((await travel.live()).after).toEqual(foldFromZero(all, 30));
  });
});
