export type IdFinding =
  | { kind: 'gap'; from: number; to: number; missing: number; message: string }
  | { kind: 'duplicate'; id: string; message: string };

const NUMERIC = /^\d{1,15}$/;

/**
 * Compares an SSE event's own `id:` with the previous one. Numeric ids should count up by one:
 * a jump is a gap, the same or a smaller id is a replay. Other ids only reveal an immediate
 * repeat. An empty id (the server's reset) and a missing previous id find nothing.
 */
export function findIdAnomaly(prev: string | undefined, id: string): IdFinding | undefined {
  if (prev === undefined || prev === '' || id === '') return undefined;
  if (NUMERIC.test(prev) && NUMERIC.test(id)) {
    const from = Number(prev);
    const to = Number(id);
    if (to === from + 1) return undefined;
    if (to > from) {
      const missing = to - from - 1;
      const what = missing === 1 ? `id ${from + 1} is` : `ids ${from + 1}–${to - 1} are`;
      return { kind: 'gap', from, to, missing, message: `Gap: ${what} missing (${from} → ${to})` };
    }
    const message = to === from ? `Duplicate: id ${id} came twice` : `Duplicate: id ${id} came again after ${prev}`;
    return { kind: 'duplicate', id, message };
  }
  return id === prev ? { kind: 'duplicate', id, message: `Duplicate: id ${id} came twice` } : undefined;
}
