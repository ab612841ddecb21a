import { describe, expect, it, vi } from 'vitest';
import { ExportImportBar, type ExportImportBarProps } from '../../../components/exchange/ExportImportBar';
import { ReplayBar, type ReplayBarProps } from '../../../components/exchange/ReplayBar';
import { localDateTime } from '../../../lib/format/units';
import { byTestId, elements, text } from './vnode';

type Handler = (e: unknown) => void;
const call = (props: Record<string, unknown> | undefined, name: string, e: unknown = {}) => (props?.[name] as Handler)(e);

const exportProps = (over: Partial<ExportImportBarProps> = {}): ExportImportBarProps => ({
  endpoints: [
    { id: 'a', name: 'Alpha' },
    { id: 'b', name: 'Beta' },
  ],
  viewCount: 3,
  onExportView: vi.fn(),
  onExportEndpoint: vi.fn(),
  onImport: vi.fn(),
  ...over,
});

describe('ExportImportBar', () => {
  it('hands each action to its callback', () => {
    const props = exportProps();
    const tree = ExportImportBar(props);
    call(byTestId(tree, 'export-view')?.props, 'onClick');
    expect(props.onExportView).toHaveBeenLastCalledWith('ndjson');
    call(byTestId(tree, 'export-view-har')?.props, 'onClick');
    expect(props.onExportView).toHaveBeenLastCalledWith('har');

    // The form's own FormData reads the chosen endpoint; there is no DOM here.
    vi.stubGlobal(
      'FormData',
      vi.fn(function () {
        return { get: () => 'b' };
      }),
    );
    const preventDefault = vi.fn();
    const form = elements(tree).find((v) => v.type === 'form')?.props;
    // The submit button pressed picks the format.
    call(form, 'onSubmit', { preventDefault, currentTarget: {}, submitter: { value: byTestId(tree, 'export-endpoint')?.props.value } });
    expect(props.onExportEndpoint).toHaveBeenLastCalledWith('b', 'ndjson');
    call(form, 'onSubmit', { preventDefault, currentTarget: {}, submitter: { value: byTestId(tree, 'export-endpoint-har')?.props.value } });
    expect(props.onExportEndpoint).toHaveBeenLastCalledWith('b', 'har');
    vi.unstubAllGlobals();
    expect(preventDefault).toHaveBeenCalled();

    const file = new File(['x'], 'x.ndjson');
    const input = { files: [file], value: 'C:\\fakepath\\x.ndjson' };
    call(byTestId(tree, 'import-file')?.props, 'onChange', { currentTarget: input });
    expect(props.onImport).toHaveBeenCalledWith(file);
    expect(input.value).toBe('');
    expect(byTestId(tree, 'import-file')?.props.type).toBe('file');
  });

  it('turns exports off with nothing to export, and everything off while busy', () => {
    expect(byTestId(ExportImportBar(exportProps({ viewCount: 0, endpoints: [] })), 'export-view')?.props.disabled).toBe(true);
    expect(byTestId(ExportImportBar(exportProps({ viewCount: 0, endpoints: [] })), 'export-endpoint')?.props.disabled).toBe(true);
    const busy = ExportImportBar(exportProps({ busy: true }));
    for (const id of ['export-view', 'export-view-har', 'export-endpoint', 'export-endpoint-har', 'import-file']) expect(byTestId(busy, id)?.props.disabled).toBe(true);
  });
});

const replayProps = (over: Partial<ReplayBarProps> = {}): ReplayBarProps => ({
  endpoints: [{ id: 'a', name: 'Alpha' }],
  endpointId: 'a',
  from: undefined,
  to: undefined,
  state: { position: 3, total: 10, playing: false, speed: 1 },
  onEndpoint: vi.fn(),
  onRange: vi.fn(),
  onPlayPause: vi.fn(),
  onSpeed: vi.fn(),
  onStepBack: vi.fn(),
  onStepForward: vi.fn(),
  onSeek: vi.fn(),
  ...over,
});

describe('ReplayBar', () => {
  it('shows the position and hands each action to its callback', () => {
    const props = replayProps({ from: new Date(2026, 0, 2, 3, 4, 5).getTime() });
    const tree = ReplayBar(props);
    expect(text(byTestId(tree, 'replay-counter'))).toBe('3 / 10');
    expect(text(byTestId(tree, 'replay-play'))).toBe('Play');
    expect(byTestId(tree, 'replay-position')?.props).toMatchObject({ min: 0, max: 10, value: 3 });
    expect(byTestId(tree, 'replay-from')?.props.value).toBe('2026-01-02T03:04:05');
    expect(byTestId(tree, 'replay-to')?.props.value).toBe('');

    call(byTestId(tree, 'replay-play')?.props, 'onClick');
    call(byTestId(tree, 'replay-step-back')?.props, 'onClick');
    call(byTestId(tree, 'replay-step-forward')?.props, 'onClick');
    call(byTestId(tree, 'replay-speed')?.props, 'onChange', { currentTarget: { value: 'max' } });
    call(byTestId(tree, 'replay-speed')?.props, 'onChange', { currentTarget: { value: '10' } });
    call(byTestId(tree, 'replay-position')?.props, 'onInput', { currentTarget: { value: '7' } });
    call(byTestId(tree, 'replay-to')?.props, 'onChange', { currentTarget: { value: localDateTime(86_400_000) } });
    call(byTestId(tree, 'replay-from')?.props, 'onChange', { currentTarget: { value: '' } });
    expect(props.onPlayPause).toHaveBeenCalledTimes(1);
    expect(props.onStepBack).toHaveBeenCalledTimes(1);
    expect(props.onStepForward).toHaveBeenCalledTimes(1);
    expect(vi.mocked(props.onSpeed).mock.calls).toEqual([['max'], [10]]);
    expect(props.onSeek).toHaveBeenCalledWith(7);
    expect(vi.mocked(props.onRange).mock.calls).toEqual([
      [props.from, 86_400_000],
      [undefined, undefined],
    ]);
  });

  it('turns off what cannot be done', () => {
    const start = ReplayBar(replayProps({ state: { position: 0, total: 0, playing: false, speed: 'max' } }));
    for (const id of ['replay-play', 'replay-step-back', 'replay-step-forward', 'replay-position']) expect(byTestId(start, id)?.props.disabled).toBe(true);
    expect(byTestId(start, 'replay-speed')?.props.value).toBe('max');
    const playing = ReplayBar(replayProps({ state: { position: 10, total: 10, playing: true, speed: 10 } }));
    expect(text(byTestId(playing, 'replay-play'))).toBe('Pause');
    expect(byTestId(playing, 'replay-step-forward')?.props.disabled).toBe(true);
  });
});
