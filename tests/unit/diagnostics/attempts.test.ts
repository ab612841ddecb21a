import { describe, expect, it } from 'vitest';
import { readAttempts } from '../../../lib/diagnostics/attempts';
import { openStore, type AttemptRow } from '../../../lib/store/schema';

let n = 0;
const freshDb = () => openStore(`diag-${Date.now()}-${n++}`);
const attempt = (endpointId: string, i: number): AttemptRow => ({ endpointId, n: i, startedAt: 1_000 + i * 10, outcome: `o${i}` });

describe('stored attempts', () => {
  it('reads one endpoint newest first, up to the limit', async () => {
    const db = await freshDb();
    for (let i = 1; i <= 8; i++) {
      await db.put('attempts', attempt('a', i));
      await db.put('attempts', attempt('b', i));
    }
    const rows = await readAttempts(db, 'a', 5);
    expect(rows.map((r) => [r.endpointId, r.n])).toEqual([8, 7, 6, 5, 4].map((i) => ['a', i]));
    expect(await readAttempts(db, 'none')).toEqual([]);
    db.close();
  });

});
