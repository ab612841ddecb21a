import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { stateSession } from '../../../components/state/session';
import type { EndpointConfig } from '../../../lib/config/endpoint';
import type { StreamEvent } from '../../../lib/model/event';
import type { PanelContextValue } from '../../../lib/panel/panel-context';
import { createTyping } from '../../../lib/panel/shared-typing';

const ev = (endpointId: string, seq: number): StreamEvent => ({ endpointId, seq, time: seq, dir: 'in', transport: 'sse', data: '{}', size: 2 });

function panel(selected?: string) {
  const events = [ev('a', 1), ev('b', 1), ev('a', 2)];
  const history = { events, onClear: () => () => undefined };
  const endpoints = signal<EndpointConfig[]>([]);
  const ctx = {
    history,
    typing: createTyping(history, endpoints),
    version: signal(0),
    endpoints,
    selected: signal<string | undefined>(selected),
    problems: signal<string[]>([]),
  } as unknown as PanelContextValue;
  const s = stateSession(ctx);
  s.travel.sync(events);
  return { ctx, s };
}

describe('state session', () => {
  it('follows the newest event until something is selected elsewhere, then shows that event and its endpoint', () => {
    const { ctx, s } = panel();
    expect(s.live.value).toBe(true);
    ctx.selected.value = 'b#1';
    expect(s.live.value).toBe(false);
    expect(s.endpoint.value).toBe('b');
  });

  it('starts at an event selected before the view opened', () => {
    const { s } = panel('a#2');
    expect([s.live.value, s.endpoint.value]).toEqual([false, 'a']);
  });

  it('selects the event the slider moves to, for the timeline too, without switching endpoints', () => {
    const { ctx, s } = panel();
    s.endpoint.value = 'a';
    s.moveTo(1);
    expect(ctx.selected.value).toBe('b#1');
    expect([s.live.value, s.endpoint.value]).toEqual([false, 'a']);
    s.live.value = true;
    // The same event selected from the timeline afterwards is a request to see it.
    ctx.selected.value = undefined;
    ctx.selected.value = 'b#1';
    expect([s.live.value, s.endpoint.value]).toEqual([false, 'b']);
  });

  it('ignores moves outside the events', () => {
    const { ctx, s } = panel();
    s.moveTo(7);
    s.moveTo(-1);
    expect(ctx.selected.value).toBeUndefined();
    expect(s.live.value).toBe(true);
  });

  it('is one per page', () => {
    const { ctx, s } = panel();
    expect(stateSession(ctx)).toBe(s);
  });
});
