import { signal } from '@preact/signals';
import { describe, expect, it, vi } from 'vitest';
import { newEndpoint, type ProfileChoice } from '../../../lib/config/endpoint';
import type { Family } from '../../../lib/model/typed';
import { EventHistory } from '../../../lib/panel/history';
import { createTyping } from '../../../lib/panel/shared-typing';
import { FakeStore } from './fake-store';
import { DETECT_SAMPLE, EventTyping, familyLabel, type TypingDeps } from '../../../lib/protocols/typing';
import { ev, fakeTypeEvent } from '../timeline/fixtures';

/** Detects `kanban` once it has seen three events (a stand-in for the real heuristics). */
function deps(): TypingDeps & { typeEvent: ReturnType<typeof vi.fn>; detectFamily: ReturnType<typeof vi.fn> } {
  return {
    typeEvent: vi.fn(fakeTypeEvent),
    detectFamily: vi.fn((events: unknown[]) => (events.length >= 3 ? { family: 'kanban' as Family, confidence: 0.9 } : undefined)),
  };
}

describe('EventTyping', () => {
  it('uses the configured family and caches per event', () => {
    const d = deps();
    const typing = new EventTyping(() => 'plans', d);
    const e = ev({ seq: 1, data: '{"type":"x"}' });
    expect(typing.typed(e)).toMatchObject({ family: 'plans', type: 'x' });
    expect(typing.typed(e)).toBe(typing.typed(e));
    expect(d.typeEvent).toHaveBeenCalledTimes(1);
    expect(typing.family('a')).toEqual({ family: 'plans', source: 'config' });
    expect(d.detectFamily).not.toHaveBeenCalled();
  });

  it('detects `auto` from the first received events and re-types what it typed before', () => {
    const d = deps();
    const typing = new EventTyping(() => 'auto', d);
    const first = ev({ seq: 1 });
    expect(typing.typed(first).family).toBe('generic');
    expect(familyLabel(typing.family('a'))).toBe('generic (not detected)');
    typing.typed(ev({ seq: 2 }));
    expect(typing.revision).toBe(0);
    typing.typed(ev({ seq: 3 }));
    expect(typing.family('a')).toEqual({ family: 'kanban', source: 'detected' });
    expect(familyLabel(typing.family('a'))).toBe('detected: kanban');
    expect(typing.revision).toBe(1);
    expect(typing.typed(first).family).toBe('kanban');
  });

  it('observe() settles the family before a batch is typed', () => {
    const d = deps();
    const typing = new EventTyping(() => undefined, d);
    const batch = [ev({ seq: 1 }), ev({ seq: 2, dir: 'sys', name: 'connected' }), ev({ seq: 3 }), ev({ seq: 4 }), ev({ seq: 5, dir: 'sys', name: 'dropped' })];
    typing.observe(batch);
    expect(typing.family('a').family).toBe('kanban');
    expect(batch.map((e) => typing.typed(e).family)).toEqual(['kanban', 'kanban', 'kanban', 'kanban', 'kanban']);
    expect(typing.revision).toBe(0);
    // Markers are not samples, except `connected`: it names the subprotocol the server chose.
    expect(d.detectFamily.mock.calls.at(-1)?.[0].map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3, 4]);
  });

  it('stops sampling after DETECT_SAMPLE events', () => {
    const d = deps();
    const typing = new EventTyping(() => 'auto', d);
    typing.observe(Array.from({ length: DETECT_SAMPLE + 10 }, (_, i) => ev({ seq: i + 1 })));
    typing.observe([ev({ seq: 100 })]);
    expect(d.detectFamily).toHaveBeenCalledTimes(1);
    expect(d.detectFamily.mock.calls[0]?.[0]).toHaveLength(DETECT_SAMPLE);
  });

  it('follows a changed profile choice and drops entries typed with the old one', () => {
    let choice: ProfileChoice = 'kanban';
    const typing = new EventTyping(() => choice, deps());
    const e = ev({ seq: 1 });
    expect(typing.typed(e).family).toBe('kanban');
    choice = 'opencode';
    typing.refresh();
    expect(typing.revision).toBe(1);
    expect(typing.typed(e).family).toBe('opencode');
  });

  it('clear() forgets typed events of one endpoint or all', () => {
    const d = deps();
    const typing = new EventTyping(() => 'plans', d);
    const a = ev({ seq: 1 });
    const b = ev({ seq: 1, endpointId: 'b' });
    typing.typed(a);
    typing.typed(b);
    typing.clear('a');
    typing.typed(a);
    typing.typed(b);
    expect(d.typeEvent).toHaveBeenCalledTimes(3);
    typing.clear();
    typing.typed(b);
    expect(d.typeEvent).toHaveBeenCalledTimes(4);
  });
});

describe('createTyping (wired to the protocol profiles)', () => {
  it('reads the endpoint config and drops entries when the history is cleared', async () => {
    const history = new EventHistory(new FakeStore());
    const endpoints = signal([newEndpoint({ id: 'k', name: 'Board', url: 'http://x/api/events?boardId=b1', profile: 'kanban' })]);
    const typing = createTyping(history, endpoints);
    const e = ev({ seq: 1, endpointId: 'k', name: 'attempt_status', data: '{"attemptId":"a1","cardId":"c1","status":"running"}' });
    const t = typing.typed(e);
    expect(t).toMatchObject({ family: 'kanban', type: 'attempt_status', known: true, issues: [] });
    history.addLive([e]);
    history.clear('k');
    expect(typing.typed(e)).not.toBe(t);
  });

  it('detects an `auto` endpoint from its events', async () => {
    const history = new EventHistory(new FakeStore());
    const endpoints = signal([newEndpoint({ id: 'x', name: 'Unknown', url: 'http://x/events' })]);
    const typing = createTyping(history, endpoints);
    const events = Array.from({ length: 10 }, (_, i) =>
      ev({ seq: i + 1, endpointId: 'x', name: i % 2 ? 'heartbeat' : 'attempt_log', data: i % 2 ? '{"serverTime":"2024-01-01T00:00:00Z"}' : '{"attemptId":"a","cardId":"c","line":"hi"}' }),
    );
    typing.observe(events);
    expect(familyLabel(typing.family('x'))).toBe('detected: kanban');
    expect(typing.typed(events[0]!).family).toBe('kanban');
  });
});
