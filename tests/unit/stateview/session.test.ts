import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { stateSession } from '../../../components/state/session';
import type { EndpointConfig } from '../../../lib/config/endpoint';
import { EventHistory } from '../../../lib/panel/history';
import type { PanelContextValue } from '../../../lib/panel/panel-context';
import { createTyping } from '../../../lib/panel/shared-typing';
import { events, FakeStore } from '../panel/fake-store';

async function panel(selected?: string) {
  const store = new FakeStore();
  store.add(events('a', 1, 3));
  store.add(events('b', 1, 2));
  const history = new EventHistory(store);
  await history.refresh();
  const endpoints = signal<EndpointConfig[]>([]);
  const ctx = {
    history,
    typing: createTyping(history, endpoints),
    version: signal(0),
    endpoints,
    selected: signal<string | undefined>(selected),
    problems: signal<string[]>([]),
  } as unknown as PanelContextValue;
  return { ctx, s: stateSession(ctx) };
}

describe('state session', () => {
  it('follows the newest event until something is selected elsewhere, then shows that event and its endpoint', async () => {
    const { ctx, s } = await panel();
    expect(s.live.value).toBe(true);
    ctx.selected.value = 'b#1';
    expect([s.live.value, s.endpoint.value, s.seq.value, s.fromSelection.value]).toEqual([false, 'b', 1, true]);
  });

  it('starts at an event selected before the view opened', async () => {
    const { s } = await panel('a#2');
    expect([s.live.value, s.endpoint.value, s.seq.value]).toEqual([false, 'a', 2]);
  });

  it('moves through one endpoint, selecting the event for the timeline too', async () => {
    const { ctx, s } = await panel();
    s.moveTo('a', 2);
    expect(ctx.selected.value).toBe('a#2');
    expect([s.live.value, s.endpoint.value, s.seq.value, s.fromSelection.value]).toEqual([false, 'a', 2, false]);
    s.live.value = true;
    // The same event selected from the timeline afterwards is a request to see it.
    ctx.selected.value = undefined;
    ctx.selected.value = 'a#2';
    expect([s.live.value, s.fromSelection.value]).toEqual([false, true]);
  });

  it('folds live events into the newest state of an endpoint already read', async () => {
    const { ctx, s } = await panel();
    const before = await s.travel('a').live();
    expect(before.seq).toBe(3);
    const tick = s.liveTick.value;
    ctx.history.addLive(events('a', 4, 2));
    expect(s.liveTick.value).toBe(tick + 1);
    const after = await s.travel('a').live();
    expect([after.seq, after.ev?.seq]).toEqual([5, 5]);
    expect(after.before).not.toBe(after.after);
  });

  it('is one per page', async () => {
    const { ctx, s } = await panel();
    expect(stateSession(ctx)).toBe(s);
  });
});
