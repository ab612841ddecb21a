import { describe, expect, it } from 'vitest';
import { markerText } from '../../../lib/format/event-text';
import { MARKERS, markerSpec, markerTone, type MarkerKind } from '../../../lib/model/markers';
import { typeEvent } from '../../../lib/protocols';
import type { StreamEvent } from '../../../lib/model/event';

const marker = (name: string): StreamEvent => ({ endpointId: 'e', seq: 1, time: 0, dir: 'sys', transport: 'sse', name, data: '{"message":"m"}', size: 15 });

describe('the marker table', () => {
  it('gives every marker words and a tone', () => {
    for (const [kind, spec] of Object.entries(MARKERS)) {
      expect(spec.label, kind).not.toBe('');
      expect(['ok', 'info', 'warn', 'error']).toContain(spec.tone);
    }
  });

  it('shows setbacks as warnings and failures as errors', () => {
    const tones: Partial<Record<MarkerKind, string>> = { dropped: 'warn', backoff: 'warn', http_error: 'error', stale: 'error', given_up: 'error', connected: 'ok', paused: 'info' };
    for (const [kind, tone] of Object.entries(tones)) expect(markerTone(kind), kind).toBe(tone);
    expect(markerText(marker('dropped'))).toMatchObject({ label: 'connection dropped', message: 'm', tone: 'warn' });
    expect(markerText(marker('connected'), true)).toMatchObject({ label: 'reconnected', tone: 'ok' });
  });

  it('types exactly the error-toned markers in the error category', () => {
    for (const kind of Object.keys(MARKERS)) {
      expect(typeEvent(marker(kind), 'generic').category, kind).toBe(markerTone(kind) === 'error' ? 'error' : 'lifecycle');
    }
  });

  it('reads a name it does not know (an imported recording) as a plain marker', () => {
    expect(markerSpec('teleported')).toBeUndefined();
    expect(markerSpec('constructor')).toBeUndefined();
    expect(markerText(marker('teleported'))).toMatchObject({ label: 'teleported', tone: 'info' });
  });
});
