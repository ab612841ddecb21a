import { describe, expect, it } from 'vitest';
import { digestEvents, groupByEndpoint } from '../../../lib/diagnostics/digest';
import { frame, marker } from './fixtures';

describe('endpoint digest', () => {
  const events = [
    marker(1, 100, 'worker_started', 'Background started'),
    marker(2, 110, 'connecting'),
    marker(3, 120, 'connected'),
    frame(4, 130),
    marker(5, 140, 'gap', 'Gap: id 3 is missing (2 → 4)'),
    frame(6, 150),
    marker(7, 160, 'duplicate', 'Duplicate: id 4 came twice'),
    marker(8, 170, 'malformed', 'Skipped a 2 MiB event'),
    frame(9, 180, { dir: 'out' }),
    marker(10, 190, 'gap', 'Gap: ids 6–7 are missing (5 → 8)'),
    marker(11, 200, 'overloaded'),
    marker(12, 210, 'worker_stopped'),
  ];
  const d = digestEvents(events);

  it('counts gaps and duplicates and lists them oldest first', () => {
    expect(d.gaps).toBe(2);
    expect(d.duplicates).toBe(1);
    expect(d.idIssues.map((e) => [e.seq, e.kind, e.message])).toEqual([
      [5, 'gap', 'Gap: id 3 is missing (2 → 4)'],
      [7, 'duplicate', 'Duplicate: id 4 came twice'],
      [10, 'gap', 'Gap: ids 6–7 are missing (5 → 8)'],
    ]);
  });

  it('lists malformed and worker markers with their times', () => {
    expect(d.malformed).toEqual([{ seq: 8, time: 170, kind: 'malformed', label: 'malformed frame', message: 'Skipped a 2 MiB event', tone: 'error' }]);
    expect(d.worker.map((e) => [e.time, e.kind])).toEqual([
      [100, 'worker_started'],
      [210, 'worker_stopped'],
    ]);
  });

  it('keeps the markers that change the line, for the chart', () => {
    expect(d.link.map((e) => e.kind)).toEqual(['worker_started', 'connecting', 'connected', 'worker_stopped']);
  });

  it('last traffic is the newest frame either way, markers not counted', () => {
    expect(d.lastTrafficAt).toBe(180);
    expect(digestEvents([marker(1, 5, 'connected')]).lastTrafficAt).toBeUndefined();
  });

  it('marker data that is not JSON is shown as text, clipped', () => {
    const raw = digestEvents([frame(1, 1, { dir: 'sys', name: 'malformed', data: `<b>${'x'.repeat(500)}` })]);
    const message = raw.malformed[0]!.message;
    expect(message.startsWith('<b>x')).toBe(true);
    expect(message.length).toBeLessThanOrEqual(200);
  });

  it('groups a merged history by endpoint, keeping order', () => {
    const merged = [frame(1, 1), frame(1, 2, { endpointId: 'b' }), frame(2, 3), frame(2, 4, { endpointId: 'b' })];
    const groups = groupByEndpoint(merged);
    expect([...groups.keys()]).toEqual(['a', 'b']);
    expect(groups.get('a')!.map((e) => e.time)).toEqual([1, 3]);
    expect(groups.get('b')!.map((e) => e.time)).toEqual([2, 4]);
  });
});
