import type { StreamEvent } from '../model/event';
import { eventTypeName, parseData } from './parse';
import type { Decoded, Profile } from './spec';

/**
 * The messages of one frame as `profile` reads them: its own framing when it has one and the
 * frame is in it, else the frame's JSON typed by SSE name or `type` field. Never throws and
 * never returns an empty list.
 */
export function decodeFrame(ev: StreamEvent, profile: Profile): Decoded[] {
  if (profile.decode && ev.dir !== 'sys') {
    try {
      const own = profile.decode(ev);
      if (own.length > 0) return own;
    } catch {
      // A framing bug costs the frame its typing, not the frame: read it as JSON below.
    }
  }
  const { payload, error } = parseData(ev);
  return [{ type: eventTypeName(ev, payload), payload, ...(error !== undefined && { error }) }];
}

