import type { StreamEvent } from '../model/event';
import { eventTypeName, parseData } from './parse';
import { specFor, type Decoded, type Profile } from './spec';

/**
 * The messages of one frame as `profile` reads them: its own framing when it has one and the
 * frame is in it, else the frame's JSON typed by SSE name or `type` field. Never throws and
 * never returns an empty list. A message with an `error` is flagged, whether its type is known
 * or not.
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
  const type = eventTypeName(ev, payload);
  // Text that is not JSON is only a problem for a type the profile declares (its schema expects a
  // payload): a generic stream's plain text frames are just text. A framing's own errors always count.
  return [{ type, payload, ...(error !== undefined && specFor(profile, type) !== undefined && { error }) }];
}

