import type { DB } from '../../../lib/store/schema';

/**
 * Makes the writer's flushes fail as a disk can: its `k`th flush's transaction, from 0, is aborted
 * before its requests are done when `fails(k)`.
 */
export function abortWrites(db: DB, fails: (k: number) => boolean): void {
  const realTx = db.transaction.bind(db);
  let k = 0;
  (db as { transaction: unknown }).transaction = ((...args: Parameters<typeof realTx>) => {
    const tx = realTx(...args);
    // A flush's transaction is the one that asks for relaxed durability and writes counters.
    if (args[2] && Array.isArray(args[0]) && args[0].includes('meta') && fails(k++)) {
      queueMicrotask(() => tx.abort());
      // idb wraps what this returns once more, with a `done` of its own: this one is the writer's.
      tx.done.catch(() => undefined);
    }
    return tx;
  }) as typeof db.transaction;
}
