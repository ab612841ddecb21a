import { describe, expect, it } from 'vitest';
import { newEndpoint } from '../../../lib/config/endpoint';
import { fromCustomDraft, previewCustom, sampleEvent, toCustomDraft } from '../../../lib/options/custom-draft';
import { fromDraft, toDraft } from '../../../lib/options/draft';
import { editHash, editedId } from '../../../lib/options/options-model';
import { adoptedEndpoint } from '../../../lib/capture/site';

const draft = { typePath: 'event', entities: [{ path: 'payload.id', kind: 'item' }], summary: '{payload.id} → {payload.state}' };

describe('the custom profile form', () => {
  it('gives the definition, dropping empty entity rows', () => {
    expect(fromCustomDraft({ ...draft, entities: [{ path: '', kind: '' }, ...draft.entities] })).toEqual({ def: draft });
    expect(toCustomDraft(undefined)).toEqual({ typePath: '', entities: [], summary: '' });
  });

  it('files errors under the form row and field', () => {
    const r = fromCustomDraft({ typePath: 'a.', entities: [{ path: '', kind: '' }, { path: 'x[', kind: 'item' }, { path: 'id', kind: '' }], summary: '} {' });
    expect(r.errors).toEqual({
      'customProfile.typePath': expect.stringMatching(/ends with "\."/),
      'customProfile.entities.1.path': expect.stringMatching(/Missing "]"/),
      'customProfile.entities.2.kind': expect.stringMatching(/A kind is a word/),
      'customProfile.summary': expect.stringMatching(/"}" without "\{"/),
    });
  });

  it('saves the definition with the custom profile only', () => {
    const cfg = newEndpoint({ id: 'e', name: 'E', url: 'https://h/e', profile: 'custom', customProfile: draft });
    expect(fromDraft(toDraft(cfg)).config?.customProfile).toEqual(draft);
    expect(fromDraft({ ...toDraft(cfg), profile: 'auto' }).config?.customProfile).toBeUndefined();
    expect(fromDraft({ ...toDraft(cfg), profile: 'auto', custom: { ...draft, summary: '{' } }).errors).toBeUndefined();
    expect(fromDraft({ ...toDraft(cfg), custom: { ...draft, summary: '{' } }).errors).toEqual({ 'customProfile.summary': expect.any(String) });
  });

  it('previews what the timeline would show for a pasted frame', () => {
    const frame = sampleEvent('{"event":"item.updated","payload":{"id":"i-1","state":"open"}}', 'sse');
    const def = fromCustomDraft(draft).def!;
    expect(previewCustom(def, [frame, sampleEvent('nope', 'ws'), sampleEvent('{"x":1}', 'sse', 'ping')])).toEqual([
      { type: 'item.updated', summary: 'i-1 → open', entities: ['item i-1'], issues: [] },
      { type: 'message', summary: 'nope', entities: [], issues: [expect.stringMatching(/not valid JSON/)] },
      { type: 'ping', summary: '? → ?', entities: [], issues: [] },
    ]);
  });
});

describe('a captured stream in the form', () => {
  const captured = newEndpoint({
    id: 'cap-1',
    name: 'ws://h/socket (tab 3)',
    url: 'ws://h/socket',
    enabled: false,
    recording: true,
    captured: { tabId: 3, frameUrl: 'http://h/', kind: 'ws' },
  });

  it('keeps where it came from while its profile is overridden, custom included', () => {
    const d = { ...toDraft(captured), profile: 'custom' as const, custom: draft };
    expect(fromDraft(d).config).toEqual({ ...captured, profile: 'custom', customProfile: draft });
    expect(fromDraft({ ...toDraft(captured), profile: 'stomp' }).config).toEqual({ ...captured, profile: 'stomp' });
  });

  it('is opened by the panel with #edit=<id>', () => {
    expect(editedId(editHash('cap 1/ü'))).toBe('cap 1/ü');
    expect(editedId('#new')).toBeUndefined();
  });

  it('keeps its custom profile when adopted as an endpoint', () => {
    const adopted = adoptedEndpoint({ ...captured, profile: 'custom', customProfile: draft });
    expect(adopted).toMatchObject({ profile: 'custom', customProfile: draft, url: 'ws://h/socket' });
    expect(adopted.captured).toBeUndefined();
  });
});
