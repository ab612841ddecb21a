import { describe, expect, it } from 'vitest';
import { takeEvents } from '../../../demo/streams';
import { DEMO_PATHS, INVENTORY_PROFILE } from '../../../lib/config/demo-endpoints';
import type { StreamEvent } from '../../../lib/model/event';
import type { Family } from '../../../lib/model/typed';
import { detectFamily, PROFILES, typeEvent, typeForFold, typeForStore } from '../../../lib/protocols';
import { foldInto } from '../../../lib/store/derive';
import { emptySlice } from '../../../lib/state';

/** Every demo stream, what it speaks, and how it is carried. */
const STREAMS: [keyof typeof DEMO_PATHS, Family, 'sse' | 'ws'][] = [
  ['officeplaneWs', 'officeplane', 'ws'],
  ['generate', 'officeplane', 'sse'],
  ['team', 'officeplane', 'sse'],
  ['hook', 'officeplane', 'sse'],
  ['kanbanBoard', 'kanban', 'sse'],
  ['kanbanDashboard', 'kanban', 'sse'],
  ['opencode', 'opencode', 'sse'],
  ['plans', 'plans', 'sse'],
  ['notifications', 'notifications', 'ws'],
  ['llm', 'llm', 'sse'],
  ['socketio', 'socketio', 'ws'],
  ['mcp', 'jsonrpc', 'sse'],
  ['graphql', 'graphql', 'ws'],
  ['graphqlSse', 'graphql', 'sse'],
  ['signalr', 'signalr', 'ws'],
  ['stomp', 'stomp', 'ws'],
  ['phoenix', 'phoenix', 'ws'],
  ['actioncable', 'actioncable', 'ws'],
];

/** The demo server's events as the background would store them. */
function asStored(path: string, transport: 'sse' | 'ws', n: number): StreamEvent[] {
  return takeEvents(path, n, { seed: 3 }).map((d, i) => {
    const data = d.text ?? JSON.stringify(d.data);
    return {
      endpointId: path,
      seq: i + 1,
      time: d.at,
      dir: 'in',
      transport,
      ...(transport === 'sse' ? { name: d.name, id: String(d.seq) } : { opcode: 1 as const }),
      data,
      size: data.length,
    };
  });
}

describe('the demo server speaks what the profiles expect', () => {
  for (const [key, family, transport] of STREAMS) {
    it(`${key}: 300 events, all known types, all valid, detected as ${family}`, () => {
      const events = asStored(DEMO_PATHS[key], transport, 300);
      for (const ev of events) {
        const typed = typeEvent(ev, family);
        expect(typed.known, `${typed.type} is a ${family} type`).toBe(true);
        expect(typed.issues, `${typed.type}: ${JSON.stringify(typed.issues)}`).toEqual([]);
        expect(typed.summary.length).toBeGreaterThan(0);
      }
      expect(detectFamily(events)?.family).toBe(family);
    });
  }

  it('covers every type the five profiles declare (except the heartbeat exchange)', () => {
    const seen = new Map<Family, Set<string>>();
    for (const [key, family, transport] of STREAMS) {
      for (const ev of asStored(DEMO_PATHS[key], transport, 2000)) {
        (seen.get(family) ?? seen.set(family, new Set()).get(family)!).add(typeEvent(ev, family).type);
      }
    }
    // ping is sent by the client and pong answers it: neither is part of the server's own stream.
    const clientSent = new Set(['ping', 'pong']);
    for (const family of ['officeplane', 'kanban', 'opencode', 'plans', 'notifications'] as const) {
      const missing = Object.keys(PROFILES[family].types).filter((t) => !clientSent.has(t) && !seen.get(family)?.has(t));
      expect(missing, family).toEqual([]);
    }
  });

  for (const [key, family, transport] of STREAMS) {
    it(`${key}: folds to the same state replayed with the stored verdict (typeForFold) as typed in full`, () => {
      const events = asStored(DEMO_PATHS[key], transport, 600);
      // Every third event is taken as stored invalid: the verdict must reach the reducers too.
      const invalid = (i: number) => i % 3 === 0;
      const full = events.map((ev, i) => {
        const typed = typeEvent(ev, family);
        return { ...ev, typed: invalid(i) ? { ...typed, issues: [{ path: '', message: 'x' }] } : typed };
      });
      const replayed = events.map((ev, i) => ({ ...ev, typed: typeForFold(ev, family, !invalid(i)) }));
      expect(JSON.stringify(foldInto(emptySlice(family), replayed))).toBe(JSON.stringify(foldInto(emptySlice(family), full)));
    });

    it(`${key}: folds to the same state typed for the store (typeForStore) as typed in full`, () => {
      const events = asStored(DEMO_PATHS[key], transport, 600);
      const full = events.map((ev) => ({ ...ev, typed: typeEvent(ev, family) }));
      const stored = events.map((ev) => ({ ...ev, typed: typeForStore(ev, family) }));
      expect(stored.map((e) => [e.typed.type, e.typed.issues])).toEqual(full.map((e) => [e.typed.type, e.typed.issues]));
      expect(JSON.stringify(foldInto(emptySlice(family), stored))).toBe(JSON.stringify(foldInto(emptySlice(family), full)));
    });
  }
});

describe('the demo stream of an app of its own (custom profile)', () => {
  it('is typed by the demo endpoint definition: types, summaries, items; never detected', () => {
    const events = asStored(DEMO_PATHS.inventory, 'sse', 300);
    const typed = events.map((ev) => typeEvent(ev, 'custom', INVENTORY_PROFILE));
    expect(new Set(typed.map((t) => t.type))).toEqual(new Set(['item.created', 'item.updated', 'item.sold_out']));
    for (const t of typed) {
      expect(t.issues).toEqual([]);
      expect(t.summary).toMatch(/^item\.\w+ {2}sku-\d → (in_stock|low|sold_out) \(\d+ left\)$/);
      expect(t.entities).toEqual([{ kind: 'item', id: expect.stringMatching(/^sku-\d$/) }]);
    }
    expect(detectFamily(events)?.family).toBe('generic');
  });
});
