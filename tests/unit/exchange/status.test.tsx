import { describe, expect, it } from 'vitest';
import { ExchangeStatusLine } from '../../../components/exchange/ExchangeStatusLine';
import { ExportImportBar } from '../../../components/exchange/ExportImportBar';
import { ImportError } from '../../../lib/exchange/import-error';
import { IDLE_STATUS, runExchange, type ExchangeOp, type ExchangeStatus } from '../../../lib/exchange/status';
import { byTestId, elements, text } from './vnode';

/** Runs operations one after another, keeping every status they reported. */
type Op = [op: ExchangeOp, what: string, work: () => Promise<string>];

async function sequence(...ops: Op[]): Promise<ExchangeStatus[]> {
  const seen: ExchangeStatus[] = [];
  for (const [op, what, work] of ops) await runExchange(op, what, work, (s) => seen.push(s));
  return seen;
}

describe('runExchange', () => {
  it('reports busy, then the notice or every problem', async () => {
    const seen = await sequence(
      ['import', 'Importing bad.ndjson…', () => Promise.reject(new ImportError(['line 1: not valid JSON', 'line 2: "data" is missing']))],
      ['export', 'Exporting Alpha…', () => Promise.resolve('Exported Alpha to alpha.ndjson')],
    );
    expect(seen).toEqual([
      { kind: 'busy', op: 'import', what: 'Importing bad.ndjson…' },
      { kind: 'failed', op: 'import', problems: ['line 1: not valid JSON', 'line 2: "data" is missing'] },
      { kind: 'busy', op: 'export', what: 'Exporting Alpha…' },
      { kind: 'done', op: 'export', notice: 'Exported Alpha to alpha.ndjson' },
    ]);
  });

  it('leaves no earlier failure behind a later success, of any kind', async () => {
    for (const later of ['export', 'import', 'replay'] as const) {
      const seen = await sequence(['replay', 'Reading…', () => Promise.reject(new Error('the store is closed'))], [later, '…', () => Promise.resolve('fine')]);
      expect(seen.at(-1)).toEqual({ kind: 'done', op: later, notice: 'fine' });
      expect(text(ExchangeStatusLine({ status: seen.at(-1)! }))).toBe('fine');
    }
  });
});

describe('ExchangeStatusLine', () => {
  it('titles a failure by what failed and shows problems as text', () => {
    const problems = ['line 5: "data" is missing <b>'];
    const box = ExchangeStatusLine({ status: { kind: 'failed', op: 'import', problems } });
    expect(box?.props.role).toBe('alert');
    expect(text(box)).toBe(`Nothing was imported:${problems[0]}`);
    expect(text(ExchangeStatusLine({ status: { kind: 'failed', op: 'export', problems: ['disk full'] } }))).toBe('The export failed:disk full');
    expect(elements(box).some((v) => 'dangerouslySetInnerHTML' in v.props)).toBe(false);
    expect(ExchangeStatusLine({ status: IDLE_STATUS })).toBeNull();
    expect(byTestId(ExchangeStatusLine({ status: { kind: 'busy', op: 'export', what: 'Exporting…' } }), 'exchange-busy')?.props.role).toBe('status');
  });
});

describe('ExportImportBar labels', () => {
  it('has an ellipsis only on the control that asks something (the file chooser)', () => {
    const tree = ExportImportBar({ endpoints: [{ id: 'a', name: 'Alpha' }], viewCount: 1, onExportView() {}, onExportEndpoint() {}, onImport() {} });
    const labels = elements(tree)
      .filter((v) => v.type === 'button' || v.type === 'label')
      .map((v) => text(v).trim());
    expect(labels.filter((l) => l.endsWith('…'))).toEqual(['Import NDJSON or HAR…']);
    expect(labels).toContain('Export endpoint');
  });
});
