import type { RecordedEvent } from '../exchange/recording';

/**
 * One recorded SSE event as it goes on the wire: `retry:` if the server sent one before it, its
 * id, its name (none for the default `message`), and one `data:` line per line of data, so the
 * client's parser rebuilds the same text. Line ends inside data are CR, LF or CRLF on the wire;
 * a recorded event holds them as LF.
 */
export function sseBlock(ev: Pick<RecordedEvent, 'name' | 'id' | 'retry' | 'data'>): string {
  let out = '';
  if (ev.retry !== undefined) out += `retry: ${ev.retry}\n`;
  if (ev.id !== undefined) out += `id: ${ev.id}\n`;
  if (ev.name !== undefined && ev.name !== 'message') out += `event: ${ev.name}\n`;
  for (const line of ev.data.split(/\r\n|\r|\n/)) out += `data: ${line}\n`;
  return `${out}\n`;
}

/**
 * Where to resume for a client that sends `Last-Event-ID`: after the event that carried that id.
 * Events that only inherited it (no `id:` of their own) carry it too, so a run of equal ids ends
 * at its last event. An id the recording never had starts from the beginning, as for a new client.
 */
export function resumeIndex(events: readonly Pick<RecordedEvent, 'id'>[], lastEventId: string | undefined): number {
  if (lastEventId === undefined || lastEventId === '') return 0;
  const at = events.findIndex((e) => e.id === lastEventId);
  if (at < 0) return 0;
  let end = at + 1;
  while (end < events.length && events[end]!.id === lastEventId) end++;
  return end;
}
