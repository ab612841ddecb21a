import { describe, expect, it } from 'vitest';
import { CustomProfileSchema, type CustomProfile } from '../../../lib/config/custom-profile';
import type { ProfileChoice } from '../../../lib/config/endpoint';
import { utf8Size, type StreamEvent } from '../../../lib/model/event';
import type { CustomState } from '../../../lib/state/custom';
import { openStore } from '../../../lib/store/schema';
import { readChunk, readChunkIndex, readCounters, stateAt } from '../../../lib/store/view';
import { EventWriter } from '../../../lib/store/writer';

let n = 0;
const dbName = () => `custom-${Date.now()}-${n++}`;

const frame = (payload: unknown, i: number): Omit<StreamEvent, 'seq'> => {
  const data = JSON.stringify(payload);
  return { endpointId: 'c', time: 10_000 + i, dir: 'in', transport: 'sse', name: 'update', data, size: utf8Size(data) };
};
const BY_KIND = CustomProfileSchema.parse({ typePath: 'kind', entities: [{ path: 'id', kind: 'item' }], summary: '{id} → {state}' });
const BY_OWNER = CustomProfileSchema.parse({ entities: [{ path: 'owner', kind: 'user' }] });

async function setUp(profile: ProfileChoice) {
  const db = await openStore(dbName());
  const now = { profile, custom: BY_KIND as CustomProfile | undefined };
  const w = new EventWriter(db, {}, { snapshotMin: 5, maxBatch: 7, profileOf: () => now.profile, customOf: () => now.custom });
  await w.init();
  for (let i = 0; i < 30; i++) {
    w.append(frame({ kind: i % 2 ? 'moved' : 'created', id: `i-${i % 4}`, state: `s${i}`, owner: i % 3 ? 'ana' : 'bo' }, i));
    if (i % 6 === 5) await w.flush();
  }
  await w.flush();
  return { db, w, now };
}

const entities = (s: unknown) => Object.keys((s as CustomState).entities).sort();

describe('a custom endpoint in the store', () => {
  it('is typed, counted and folded with its definition, also below a snapshot', async () => {
    const { db } = await setUp('custom');
    expect((await db.get('meta', 'c'))).toMatchObject({ family: 'custom', profile: 'custom', custom: BY_KIND });
    expect((await readCounters(db)).get('c')?.types).toEqual({ created: 15, moved: 15 });
    const latest = (await stateAt(db, 'c')).state as CustomState;
    expect(entities(latest)).toEqual(['item\u0000i-0', 'item\u0000i-1', 'item\u0000i-2', 'item\u0000i-3']);
    expect(latest.entities['item\u0000i-1']).toMatchObject({ count: 8, type: 'moved', latest: { state: 's29' } });
    // Seq 3 lies before the first snapshot: the stored events are folded again, entities and all.
    const early = (await stateAt(db, 'c', 3)).state as CustomState;
    expect(early.entities['item\u0000i-1']).toMatchObject({ count: 1, latest: { state: 's1' } });
  });

  it('is retyped when its definition changes, and when the profile becomes custom', async () => {
    const { db, w, now } = await setUp('custom');
    now.custom = BY_OWNER;
    await w.refreshProfiles();
    expect(await db.get('meta', 'c')).toMatchObject({ family: 'custom', custom: BY_OWNER });
    expect((await readCounters(db)).get('c')?.types).toEqual({ update: 30 });
    expect(entities((await stateAt(db, 'c')).state)).toEqual(['user\u0000ana', 'user\u0000bo']);
    const [first] = await readChunkIndex(db, 'c');
    expect((await readChunk(db, first!.cid))[0]?.type).toBe('update');

    // The same definition again changes nothing; new events are typed with it.
    await w.refreshProfiles();
    w.append(frame({ owner: 'cy' }, 31));
    await w.flush();
    expect(entities((await stateAt(db, 'c')).state)).toEqual(['user\u0000ana', 'user\u0000bo', 'user\u0000cy']);

    const other = await setUp('generic');
    expect((await other.db.get('meta', 'c'))?.family).toBe('generic');
    other.now.profile = 'custom';
    await other.w.refreshProfiles();
    expect((await readCounters(other.db)).get('c')?.types).toEqual({ created: 15, moved: 15 });
    expect(entities((await stateAt(other.db, 'c')).state)).toHaveLength(4);
  });

  it('a definition changed while nothing was refreshed is caught at the next write', async () => {
    const { db, w, now } = await setUp('custom');
    now.custom = BY_OWNER;
    w.append(frame({ owner: 'dee' }, 40));
    await w.flush();
    expect((await readCounters(db)).get('c')?.types).toEqual({ update: 31 });
    expect(entities((await stateAt(db, 'c')).state)).toEqual(['user\u0000ana', 'user\u0000bo', 'user\u0000dee']);
  });
});
