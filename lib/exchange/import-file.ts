import { isRecord } from '../protocols/values';
import type { DB } from '../store/schema';
import { readHar } from './har-import';
import { readNdjson } from './ndjson-import';
import { recordingPlans, writeRecordings, type ImportResult, type RecordedStream } from './recording';

/** Enough of a file to see its first line. */
const SNIFF_BYTES = 64 * 1024;

/**
 * HAR or NDJSON? The extension says; otherwise the first line of `head` (the file's first
 * SNIFF_BYTES) does: an NDJSON line is a whole object, while a HAR is one (usually
 * pretty-printed) object with a `log`.
 */
function looksLikeHar(name: string, head: string): boolean {
  if (/\.har$/i.test(name)) return true;
  if (/\.(ndjson|jsonl)$/i.test(name)) return false;
  const firstLine = head.trimStart().split('\n', 1)[0] ?? '';
  try {
    const first: unknown = JSON.parse(firstLine);
    return isRecord(first) && 'log' in first;
  } catch {
    return firstLine.trimEnd() === '{';
  }
}

const isHar = async (file: Blob & { name: string }): Promise<boolean> => looksLikeHar(file.name, await file.slice(0, SNIFF_BYTES).text());

/** The file as text pieces, so a large NDJSON export is never one giant string. */
async function* decoded(file: Blob): AsyncGenerator<string> {
  const reader = file.stream().pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

/** The streams of a recording file, HAR or NDJSON (see readHar, readNdjson); throws ImportError. */
export async function readRecording(file: Blob & { name: string }): Promise<RecordedStream[]> {
  return (await isHar(file)) ? readHar(await file.text()) : readNdjson(decoded(file));
}

/** Imports a file the user picked as read-only recordings: all of it, or (on any problem) nothing. */
export async function importFile(db: DB, file: Blob & { name: string }, importedAt = Date.now()): Promise<ImportResult> {
  return writeRecordings(db, recordingPlans(await readRecording(file), importedAt));
}
