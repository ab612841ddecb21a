// The pure generators: content is coherent (as a real app would send it) and deterministic.
import { describe, expect, it } from 'vitest';
import { DEMO_PATHS } from '../../../lib/config/demo-endpoints';
import type { DemoEvent } from '../../../demo/streams';
import { generateEvent, streamEvents, takeEvents } from '../../../demo/streams';

type Data = Record<string, unknown>;
const str = (v: unknown): string => String(v);

describe('kanban board', () => {
  it('sends hello and a board snapshot first, then events about that board\'s cards', () => {
    for (const seed of [1, 2, 3, 4]) {
      const events = takeEvents(DEMO_PATHS.kanbanBoard, 500, { seed });
      expect(events.slice(0, 2).map((e) => e.name)).toEqual(['hello', 'state']);
      let cards: Record<string, { columnId: string }> = {};
      const started = new Set<string>();
      let succeeded: { cardId: string; from: string } | undefined;
      for (const e of events) {
        const d = e.data as Data & { cards?: typeof cards };
        if (e.name === 'state') {
          expect((d.board as Data).id).toBe('board-1');
          if (succeeded) {
            const order = ['todo', 'in_progress', 'review', 'done'];
            expect(order.indexOf(d.cards?.[succeeded.cardId]?.columnId ?? '')).toBe(order.indexOf(succeeded.from) + 1);
            succeeded = undefined;
          }
          cards = d.cards ?? {};
          continue;
        }
        expect(succeeded, 'a success is announced by a state snapshot right away').toBeUndefined();
        if (typeof d.cardId === 'string') expect(cards[d.cardId], `${e.name} about an unknown card`).toBeDefined();
        if (e.name === 'attempt_started') started.add(str(d.attemptId));
        // Before the first attempt starts come the statuses of earlier attempts.
        else if (typeof d.attemptId === 'string' && started.size > 0) {
          expect(started.has(d.attemptId), `${e.name} for an attempt never started`).toBe(true);
        }
        if (e.name === 'attempt_status' && d.status === 'succeeded' && started.has(str(d.attemptId))) {
          succeeded = { cardId: str(d.cardId), from: cards[str(d.cardId)]?.columnId ?? '' };
        }
      }
    }
  });

  it('sends a heartbeat every 15 s of stream time, and none when asked not to', () => {
    const events = takeEvents(DEMO_PATHS.kanbanBoard, 300);
    const beats = events.filter((e) => e.name === 'heartbeat').map((e) => e.at);
    expect(beats.length).toBeGreaterThan(3);
    beats.forEach((at, i) => expect(at).toBe((i + 1) * 15_000));
    const quiet = takeEvents(DEMO_PATHS.kanbanBoard, 300, { heartbeats: false });
    expect(quiet.some((e) => e.name === 'heartbeat')).toBe(false);
    expect(quiet.map((e) => e.seq)).toEqual(quiet.map((_, i) => i + 1));
  });
});

describe('plans', () => {
  it('creates a plan, then logs and state changes for it, in lifecycle order', () => {
    const order = ['draft', 'awaiting_approval', 'approved', 'running'];
    let updates = 0;
    for (const seed of [1, 2, 3]) {
      const plans = new Map<string, string>();
      const logs = new Map<string, { entry: string; created_at: string }>();
      const events = takeEvents(DEMO_PATHS.plans, 300, { seed, origin: Date.now() });
      expect(events[0]?.name).toBe('plan.created');
      for (const e of events) {
        const d = e.data;
        if (e.name === 'plan.created') {
          expect(d.state).toBe('draft');
          plans.set(str(d.id), 'draft');
          continue;
        }
        const state = plans.get(str(d.plan_id));
        expect(state, `${e.name} for an unknown plan`).toBeDefined();
        if (e.name === 'plan.state.changed') {
          const next = str(d.state);
          if (next === 'completed' || next === 'failed') expect(state).toBe('running');
          else expect(order.indexOf(next)).toBe(order.indexOf(state ?? '') + 1);
          plans.set(str(d.plan_id), next);
        } else {
          const earlier = logs.get(str(d.id));
          if (earlier) {
            updates++;
            expect(d.entry).not.toBe(earlier.entry);
            expect(d.created_at).toBe(earlier.created_at);
          }
          logs.set(str(d.id), { entry: str(d.entry), created_at: str(d.created_at) });
        }
      }
      expect(plans.size).toBeGreaterThan(3);
    }
    expect(updates).toBeGreaterThan(10);
  });
});

describe('opencode', () => {
  it('streams messages into known sessions and nests a child session under its root', () => {
    const events = takeEvents(DEMO_PATHS.opencode, 300).map((e) => e.data);
    expect(events[0]).toEqual({ type: 'server.connected' });
    const sessions = new Map<string, string | undefined>();
    const messages = new Map<string, { status: string; text: string }>();
    for (const d of events) {
      if (d.type === 'session_updated') {
        const s = d.session as { id: string; parentId?: string };
        if (s.parentId) expect(sessions.has(s.parentId), 'child of an unknown session').toBe(true);
        sessions.set(s.id, s.parentId);
      } else if (d.type === 'message_updated') {
        expect(sessions.has(str(d.sessionId)), 'message in an unknown session').toBe(true);
        const text = (d.parts as { text?: string }[]).map((p) => p.text ?? '').join('|');
        const before = messages.get(str(d.messageId));
        if (before) {
          expect(before.status).toBe('streaming');
          expect(text.length).toBeGreaterThanOrEqual(before.text.length);
        }
        messages.set(str(d.messageId), { status: str(d.status), text });
      }
    }
    expect([...sessions.values()].filter(Boolean).length).toBeGreaterThan(1);
    expect([...messages.values()].filter((m) => m.status === 'complete').length).toBeGreaterThan(5);
  });
});

describe('officeplane', () => {
  it('generation deltas between start and stop join into readable text', () => {
    const events = takeEvents(DEMO_PATHS.generate, 60);
    const first = events.findIndex((e) => e.name === 'stop');
    const run = events.slice(0, first + 1);
    expect(run[0]?.data).toEqual({ job_id: 'job-1' });
    const text = run.filter((e) => e.name === 'delta').map((e) => e.data.text).join('');
    expect(text).toMatch(/^[A-Z][\w ,.%-]+\.$/);
    expect(run.findIndex((e) => e.name === 'tool_result')).toBe(run.findIndex((e) => e.name === 'tool_call') + 1);
    expect(events[first + 1]?.name).toBe('start');
    expect((events[first + 1]?.at ?? 0) - (events[first]?.at ?? 0)).toBeGreaterThanOrEqual(3000);
  });

  it('teammates only finish what they claimed, and the team completes after all of it', () => {
    const busy = new Map<string, string>();
    for (const e of takeEvents(DEMO_PATHS.team, 200, { seed: 7 })) {
      const d = e.data;
      if (e.name === 'task_claimed') {
        expect(busy.has(str(d.teammate))).toBe(false);
        busy.set(str(d.teammate), str(d.task));
      } else if (e.name === 'task_completed') {
        expect(busy.get(str(d.teammate))).toBe(d.task);
        busy.delete(str(d.teammate));
      } else if (e.name === 'team_completed') {
        expect(busy.size).toBe(0);
      }
    }
  });

  it('a hook run is triggered, streams, then flags or passes', () => {
    const names = takeEvents(DEMO_PATHS.hook, 200).map((e) => e.name);
    const runs = names.join(' ').split('hook_triggered ').slice(1);
    for (const run of runs.slice(0, -1)) expect(run.trim()).toMatch(/^(hook_delta )+hook_result$/);
  });

  it('socket tasks go queued -> running -> completed or failed', () => {
    const state = new Map<string, string>();
    const next: Record<string, string[]> = { queued: ['running'], running: ['completed', 'failed'] };
    for (const e of takeEvents(DEMO_PATHS.officeplaneWs, 400)) {
      if (e.data.type !== 'task_update') continue;
      const p = e.data.payload as Data;
      const before = state.get(str(p.id));
      if (before) expect(next[before]).toContain(p.state);
      else expect(p.state).toBe('queued');
      state.set(str(p.id), str(p.state));
    }
  });
});

describe('notifications', () => {
  it('acknowledges the user from the path first', () => {
    const [ack] = takeEvents('/ws/notifications/ada', 1);
    expect(ack?.data).toMatchObject({ type: 'connection_ack', data: { user_id: 'ada' } });
  });
});

describe('determinism', () => {
  const all = Object.values(DEMO_PATHS);

  it('the same seed gives the same stream; another seed or another id a different one', () => {
    for (const path of all) {
      const a = takeEvents(path, 80, { seed: 5 });
      expect(takeEvents(path, 80, { seed: 5 })).toEqual(a);
      expect(takeEvents(path, 80, { seed: 6 })).not.toEqual(a);
    }
    const data = (p: string) => takeEvents(p, 30).map((e) => e.data);
    expect(data('/api/events?boardId=board-2')).not.toEqual(data(DEMO_PATHS.kanbanBoard));
  });

  it('event i can be had on its own, or after skipping', () => {
    const first: DemoEvent[] = takeEvents(DEMO_PATHS.plans, 50, { seed: 9 });
    expect(takeEvents(DEMO_PATHS.plans, 20, { seed: 9, after: 30 })).toEqual(first.slice(30));
    expect(generateEvent(DEMO_PATHS.plans, 9, 42)).toEqual(first[41]);
  });

  it('time fields are origin + stream time / rate', () => {
    const it1 = streamEvents(DEMO_PATHS.kanbanDashboard, { origin: 1_000_000, rate: 2 });
    for (let r = it1.next(); !r.done; r = it1.next()) {
      if (r.value.name !== 'heartbeat') continue;
      expect(r.value.data.serverTime).toBe(new Date(1_000_000 + 15_000 / 2).toISOString());
      break;
    }
  });

  it('paces about one event a second at rate 1, first events at once', () => {
    for (const path of all) {
      const events = takeEvents(path, 300);
      expect(events[0]?.at).toBe(0);
      const perSecond = events.length / ((events[events.length - 1]?.at ?? 1) / 1000);
      expect(perSecond, path).toBeGreaterThan(0.5);
      expect(perSecond, path).toBeLessThan(2.5);
    }
  });
});
