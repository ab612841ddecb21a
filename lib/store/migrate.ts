import type { EndpointMeta } from './schema';
import { emptyCounters } from './derive';
import { detected, firstReceived, rebuildEndpoint, type WriteTx } from './rebuild';

/**
 * v1 -> v2, inside the upgrade transaction: every endpoint's chunks are typed (family detected
 * the way `auto` does; the background retypes an endpoint whose configured profile says
 * otherwise), indexed, counted and folded into snapshots. Events are left as they are. Any
 * failure aborts the upgrade, which leaves the v1 database untouched.
 */
export function migrateToV2(tx: WriteTx): void {
  void (async () => {
    for (const old of await tx.objectStore('meta').getAll()) {
      const samples = await firstReceived(tx.objectStore('chunks').index('byEndpoint'), old.endpointId);
      const family = detected(samples);
      const meta: EndpointMeta = { ...emptyCounters(), ...old, family, profile: 'auto', detected: samples.length };
      await rebuildEndpoint(tx, meta, family);
    }
  })().catch(() => tx.abort());
}
