import { describe, expect, it } from 'vitest';
import { duplicateDraft, emptyDraft, fromDraft, toDraft, type EndpointDraft } from '../../../lib/options/draft';
import { demoEndpoints } from '../../../lib/config/demo-endpoints';
import { newEndpoint } from '../../../lib/config/endpoint';

const draft = (patch: Partial<EndpointDraft> = {}): EndpointDraft => ({ ...emptyDraft(), name: 'Board', url: 'https://example.com/events', ...patch });
const errorsOf = (d: EndpointDraft) => fromDraft(d).errors ?? {};

describe('endpoint draft', () => {
  it('round-trips every demo endpoint unchanged', () => {
    for (const cfg of demoEndpoints()) expect(fromDraft(toDraft(cfg)).config).toEqual(cfg);
  });

  it('follows the URL scheme unless the transport is chosen', () => {
    expect(fromDraft(draft({ url: 'wss://example.com/ws' })).config?.transport).toBe('ws');
    expect(fromDraft(draft()).config?.transport).toBe('sse');
    expect(toDraft(newEndpoint({ name: 'x', url: 'ws://h/ws' })).transport).toBe('auto');
    expect(errorsOf(draft({ url: 'ws://h/ws', transport: 'sse' }))).toEqual({ transport: 'A ws:// URL cannot be read as SSE' });
  });

  it('converts the text fields', () => {
    const cfg = fromDraft(
      draft({
        url: 'ws://h/ws',
        protocols: ' v1.json ,  , chat ',
        heartbeatOn: true,
        reconnectPreset: 'custom',
        reconnect: { baseMs: '500', factor: '1.5', maxMs: '8000', maxAttempts: '' },
        notify: [{ type: 'task_update', match: ' payload.state=failed ' }, { type: '', match: '' }, { type: '*', match: '' }],
        retention: { maxEvents: '5000', maxAgeDays: '0.5' },
      }),
    ).config!;
    expect(cfg.protocols).toEqual(['v1.json', 'chat']);
    const headers = [{ name: 'Authorization', value: 'Bearer x' }, { name: '', value: '' }];
    expect(fromDraft(draft({ headers })).config?.headers).toEqual({ Authorization: 'Bearer x' });
    expect(cfg.heartbeat).toEqual({ message: '{"type":"ping"}', intervalSec: 20, timeoutSec: 10, replyContains: 'pong' });
    expect(cfg.reconnect).toMatchObject({ preset: 'custom', baseMs: 500, factor: 1.5, maxMs: 8000, maxAttempts: null });
    expect(cfg.notify).toEqual([{ type: 'task_update', match: 'payload.state=failed' }, { type: '*' }]);
    expect(cfg.retention).toEqual({ maxEvents: 5000, maxAgeDays: 0.5 });
  });

  it('says what is wrong, in plain words, next to each field', () => {
    expect(errorsOf(draft({ name: '  ', url: 'not a url' }))).toMatchObject({ name: 'Give the endpoint a name', url: 'Not a valid URL' });
    expect(errorsOf(draft({ url: 'ftp://example.com/x' }))).toEqual({ url: 'URL must start with http://, https://, ws:// or wss://' });
    expect(
      errorsOf(
        draft({
          reconnectPreset: 'custom',
          reconnect: { baseMs: 'soon', factor: '20', maxMs: '50', maxAttempts: '0' },
          retention: { maxEvents: '10', maxAgeDays: '' },
        }),
      ),
    ).toEqual({
      'reconnect.baseMs': 'Base delay must be a number',
      'reconnect.factor': 'Factor must be at most 10',
      'reconnect.maxMs': 'Max delay must be at least 100 ms',
      'reconnect.maxAttempts': 'Max attempts must be at least 1',
      'retention.maxEvents': 'Keep at least 1,000 events',
      'retention.maxAgeDays': 'Days to keep must be a number',
    });
    expect(errorsOf(draft({ reconnectPreset: 'custom', reconnect: { baseMs: '5000', factor: '2', maxMs: '1000', maxAttempts: '' } }))).toEqual({
      'reconnect.maxMs': 'Max delay must be at least the base delay',
    });
  });

  it('leaves out what the form hides for the transport', () => {
    const hidden = { heartbeatOn: true, heartbeat: { message: '', intervalSec: 'x', timeoutSec: '', replyContains: '' }, protocols: 'v1' };
    expect(fromDraft(draft(hidden)).config).toMatchObject({ heartbeat: null, protocols: [] });
    expect(fromDraft(draft({ url: 'ws://h/ws', headers: [{ name: 'Bad Name', value: 'x' }] })).config?.headers).toEqual({});
  });

  it('checks headers', () => {
    expect(errorsOf(draft({ headers: [{ name: '', value: 'x' }] }))).toEqual({ headers: 'Every header needs a name' });
    expect(errorsOf(draft({ headers: [{ name: 'Bad Name', value: 'x' }] }))).toEqual({ headers: '"Bad Name" is not a valid header name' });
    const twice = [
      { name: 'X-Key', value: '1' },
      { name: 'x-key', value: '2' },
    ];
    expect(errorsOf(draft({ headers: twice }))).toEqual({ headers: 'Header "x-key" is listed twice' });
  });

  it('puts rule errors on the form row, even after empty rows', () => {
    const notify = [
      { type: 'a', match: '' },
      { type: '', match: '' },
      { type: '', match: 'x=1' },
      { type: 'b', match: 'x="open' },
    ];
    expect(errorsOf(draft({ notify }))).toEqual({ 'notify.2.type': 'A rule needs an event type (or *)', 'notify.3.match': 'Unclosed quote (at 3)' });
  });

  it('duplicates under a new id and name', () => {
    const cfg = demoEndpoints()[0]!;
    const copy = duplicateDraft(cfg);
    expect(copy.id).not.toBe(cfg.id);
    expect(copy.name).toBe(`${cfg.name} (copy)`);
    expect(fromDraft(copy).config).toEqual({ ...cfg, id: copy.id, name: copy.name });
  });
});
