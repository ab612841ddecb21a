import { isRecord } from '../protocols/values';
import type { DB } from '../store/schema';
import { importHar } from './har-import';
import { importNdjson } from './ndjson-import';
import type { ImportResult } from './recording';

/** Enough of a file to see its first line. */
const SNIFF_BYTES = 64 * 1024;

/**
 * HAR or NDJSON? The extension says; otherwise the first line does: an NDJSON line is a whole
 * object, while a HAR is one (usually pretty-printed) object with a `log`.
 */
async function isHar(file: Blob & { name: string }): Promise<boolean> {
  if (/\.har$/i.test(file.name)) return true;
  if (/\.(ndjson|jsonl)$/i.test(file.name)) return false;
  const firstLine = (await file.slice(0, SNIFF_BYTES).text()).trimStart().split('\n', 1)[0] ?? '';
  try {
    const first: unknown = JSON.parse(firstLine);
    return isRecord(first) && 'log' in first;
  } catch {
    return firstLine.trimEnd() === '{';
  }
}

/** The file as text pieces, so a large NDJSON export is never one giant string. */
async function* decoded(file: Blob): AsyncGenerator<string> {
  const reader = file.stream().pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

/** Imports a file the user picked as read-only recordings (see importHar, importNdjson). */
export async function importFile(db: DB, file: Blob & { name: string }, importedAt = Date.now()): Promise<ImportResult> {
  return (await isHar(file)) ? importHar(db, await file.text(), importedAt) : importNdjson(db, decoded(file), importedAt);
}
