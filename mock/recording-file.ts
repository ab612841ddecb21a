import { openAsBlob } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { convertStreams, type ConvertFormat } from '../lib/exchange/convert';
import { readRecording } from '../lib/exchange/import-file';
import type { RecordedStream } from '../lib/exchange/recording';

/** The streams of an NDJSON export or a HAR file on disk, read as the extension imports them; throws ImportError. */
export async function readRecordingFile(file: string): Promise<RecordedStream[]> {
  // openAsBlob says only "Unable to open file as blob"; stat says why (ENOENT, EACCES, ...).
  if ((await stat(file)).isDirectory()) throw Object.assign(new Error(`${file} is a folder`), { code: 'EISDIR' });
  const blob = await openAsBlob(file);
  return readRecording(new File([blob], path.basename(file)));
}

/** Writes streams to `out` as a HAR or an NDJSON export. */
export async function writeRecordingFile(streams: readonly RecordedStream[], to: ConvertFormat, out: string): Promise<void> {
  const parts: string[] = [];
  for await (const p of convertStreams(streams, to)) parts.push(p);
  await writeFile(out, parts.join(''));
}
