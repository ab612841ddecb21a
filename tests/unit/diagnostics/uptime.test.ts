import { describe, expect, it } from 'vitest';
import { changesLink, openShare, uptimeSegments, type LinkMarker } from '../../../lib/diagnostics/uptime';

const m = (time: number, kind: string): LinkMarker => ({ time, kind });

describe('uptime segments', () => {
  it('connected opens the line, a drop or pause closes it; same-state neighbours merge', () => {
    const markers = [m(10, 'connecting'), m(20, 'connected'), m(50, 'dropped'), m(51, 'backoff'), m(60, 'connecting'), m(70, 'connected'), m(90, 'paused')];
    expect(uptimeSegments(markers, 0, 100, false)).toEqual([
      { from: 0, to: 10, state: 'unknown' },
      { from: 10, to: 20, state: 'down', cause: 'connecting' },
      { from: 20, to: 50, state: 'open', cause: 'connected' },
      { from: 50, to: 70, state: 'down', cause: 'dropped' },
      { from: 70, to: 90, state: 'open', cause: 'connected' },
      { from: 90, to: 100, state: 'down', cause: 'paused' },
    ]);
  });

  it('markers before the window set its starting state; later ones are ignored', () => {
    const markers = [m(5, 'connected'), m(150, 'dropped')];
    expect(uptimeSegments(markers, 100, 140, false)).toEqual([{ from: 100, to: 140, state: 'open', cause: 'connected' }]);
  });

  it('a reconnect request replaces an open attempt without a drop: connecting closes the line', () => {
    const segs = uptimeSegments([m(0, 'connected'), m(40, 'connecting'), m(45, 'connected')], 0, 100, true);
    expect(segs.map((s) => s.state)).toEqual(['open', 'down', 'open']);
  });

  it('markers that do not change the line are skipped, as are unknown kinds', () => {
    const segs = uptimeSegments([m(0, 'connected'), m(30, 'gap'), m(40, 'constructor'), m(60, 'overloaded')], 0, 100, false);
    expect(segs).toEqual([{ from: 0, to: 100, state: 'open', cause: 'connected' }]);
    expect(changesLink('gap')).toBe(false);
    expect(changesLink('toString')).toBe(false);
    expect(changesLink(undefined)).toBe(false);
    expect(changesLink('worker_started')).toBe(true);
  });

  it('with no markers loaded, the current state held throughout', () => {
    expect(uptimeSegments([], 0, 100, true)).toEqual([{ from: 0, to: 100, state: 'open' }]);
    expect(uptimeSegments([], 0, 100, false)).toEqual([{ from: 0, to: 100, state: 'down' }]);
    expect(uptimeSegments([], 100, 100, true)).toEqual([]);
  });

  it('open share ignores unknown time', () => {
    const segs = uptimeSegments([m(50, 'connected'), m(75, 'dropped')], 0, 100, false);
    expect(openShare(segs)).toBe(0.5);
    expect(openShare([{ from: 0, to: 10, state: 'unknown' }])).toBeUndefined();
    expect(openShare([])).toBeUndefined();
  });
});
