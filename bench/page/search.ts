import { openStore } from '../../lib/store/schema';
import { readChunk, readChunkIndex } from '../../lib/store/view';
import { FILTER_KEY } from '../../lib/timeline/ui-storage';
import type { Commands, SearchRun } from '../protocol';
import { longTasks, openPanelFrame, rowsIn, until } from './panel-frame';

/** The `id` in the data of the stored event with sequence number `seq` (realistic events have a random one). */
async function idOf(seq: number): Promise<string> {
  const db = await openStore();
  try {
    const chunk = (await readChunkIndex(db)).find((c) => c.firstSeq <= seq && seq <= c.lastSeq);
    const ev = chunk && (await readChunk(db, chunk.cid)).find((e) => e.seq === seq);
    if (!ev) throw new Error(`no stored event with seq ${seq}`);
    return (JSON.parse(ev.data) as { id: string }).id;
  } finally {
    db.close();
  }
}

/**
 * Runs the timeline's filters over the whole store in the real panel (a same-origin frame, driven
 * through its DOM as a user would): time to the first screen of matching rows, time until the
 * search reports it is complete, and the longest task in the panel meanwhile.
 */
export async function search({ n, type, by = 'n' }: Commands['search']['args']): Promise<SearchRun[]> {
  // Synthetic event n carries `"n":n}` (the last field of its payload) and is stored with seq n + 1;
  // a realistic event has a random id of its own.
  const texts = await Promise.all(n.map(async (k) => ({ k, text: by === 'n' ? `"n":${k}}` : await idOf(k + 1) })));
  // The panel restores its last filter, and the clearing of an earlier run's filter may not have
  // reached disk before that browser closed: start from no filter, as the measures assume.
  localStorage.removeItem(FILTER_KEY);
  const { frame, win, doc } = await openPanelFrame();
  const count = () => doc.querySelector('[data-testid="timeline-count"]')?.textContent ?? '';
  const runs: SearchRun[] = [];
  async function measure(what: string, apply: () => void, matches: (row: HTMLElement) => boolean, undo: () => void): Promise<void> {
    const tasks = longTasks(win);
    const t0 = performance.now();
    apply();
    try {
      const first = await until(`a first screen of matching rows`, () => {
        const rows = rowsIn(doc);
        return rows.length > 0 && rows.every(matches);
      }, 120_000);
      const done = await until(`the search to complete`, () => /^\d[\d,]* of /.test(count()), 300_000);
      runs.push({ what, firstScreenMs: first - t0, completeMs: done - t0, longestTaskMs: tasks.stop(), result: count() });
    } catch (err) {
      // One filter that never settles is a finding of its own; the runs after it still count.
      const seqs = rowsIn(doc).slice(0, 5).map((r) => r.dataset.seq);
      const why = `${err instanceof Error ? err.message : String(err)}; count line "${count()}", first rows' seqs ${seqs.join(', ') || 'none'}`;
      runs.push({ what, firstScreenMs: NaN, completeMs: NaN, longestTaskMs: tasks.stop(), result: `FAILED: ${why}` });
    }
    undo();
    await until(`${what}: the filter to clear`, () => !count().includes(' of '), 60_000).catch((err: unknown) => {
      throw new Error(`${err instanceof Error ? err.message : String(err)}; count line "${count()}"`);
    });
  }
  const textBox = doc.querySelector<HTMLInputElement>('[data-testid="filter-text"]')!;
  const setText = (v: string) => {
    textBox.value = v;
    textBox.dispatchEvent(new win.Event('input', { bubbles: true }));
  };
  if (type !== undefined) {
    const typeMenu = doc.querySelector<HTMLDetailsElement>('[data-testid="filter-types"]')!;
    const typeBox = () => typeMenu.querySelector<HTMLInputElement>(`input[data-type="${type}"]`)!;
    typeMenu.open = true;
    await until(`type ${type} in the type menu`, () => typeMenu.querySelector(`input[data-type="${type}"]`) !== null, 30_000);
    await measure(`type = ${type}`, () => typeBox().click(), (r) => r.dataset.type === type, () => typeBox().click());
  }
  // Typed text settles for 150 ms before the search starts, as it does for a user.
  for (const { k, text } of texts) await measure(`text "${text}"`, () => setText(text), (r) => r.dataset.seq === String(k + 1), () => setText(''));
  const last = n[n.length - 1];
  if (by === 'n' && last !== undefined) {
    // The first two regexes ask the filters for the words and pairs of `"n":12345}` (the class
    // spelled out; the lookahead's number after what comes before it), as the text search does.
    // The third matches the same events, but its only plain characters are `"n":` and `5}`, in
    // every chunk: it reads and parses them all (the slowest kind of search). The field queries
    // read the chunks whose range of `n` holds the value.
    const regexBox = doc.querySelector<HTMLInputElement>('[data-testid="filter-regex"]')!;
    const isLast = (r: HTMLElement) => r.dataset.seq === String(last + 1);
    const optional = String(last)
      .split('')
      .map((d, k, all) => (k < all.length - 1 ? `${d}?` : d))
      .join('');
    const everyChunk = `"n":(?=\\d{${String(last).length}}\\})${optional}\\}`;
    for (const pattern of [`"n":${String(last).slice(0, -1)}[${String(last).slice(-1)}]\\}`, `"n":(?=${last}\\})\\d+\\}`, everyChunk]) {
      await measure(
        `regex ${pattern}`,
        () => (regexBox.click(), setText(pattern)),
        isLast,
        () => (setText(''), regexBox.click()),
      );
    }
    const fieldBox = doc.querySelector<HTMLInputElement>('[data-testid="filter-field"]')!;
    const setField = (v: string) => {
      fieldBox.value = v;
      fieldBox.dispatchEvent(new win.Event('input', { bubbles: true }));
    };
    for (const query of [`payload.n = ${last}`, `payload.n >= ${last} and payload.n <= ${last}`]) {
      await measure(`field query ${query}`, () => setField(query), isLast, () => setField(''));
    }
  }
  frame.remove();
  return runs;
}
