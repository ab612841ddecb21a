import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { ROOT } from '../../scripts/launch/paths';
import { scenario, tid, type Ext, type ExtPage } from './support/both';
import { poll } from './support/poll';

const HAR = 'chrome-websocket.har';
const BAD = 'not-a-stream.ndjson';

const outcome = async (page: ExtPage) => ({ error: await page.text(tid('exchange-error')), notice: await page.text(tid('exchange-notice')) });

/** A failed import shows its problems; the next success (an import, then an export) takes them away. */
async function laterSuccessClearsError(ext: Ext): Promise<void> {
  const panel = await ext.open('devtools-panel.html');
  await panel.click(tid('tab-exchange'));
  const fail = async () => {
    await panel.upload(tid('import-file'), BAD, 'this is not JSON\n{"also": "not a stream event"}\n');
    const seen = await poll(() => outcome(panel), (o) => o.error !== null, 'the import error');
    expect(seen.error).toContain('Nothing was imported');
    expect(seen.notice).toBeNull();
  };

  await fail();
  await panel.upload(tid('import-file'), HAR, readFileSync(path.join(ROOT, 'tests/fixtures/exchange', HAR), 'utf8'));
  const imported = await poll(() => outcome(panel), (o) => (o.notice ?? '').startsWith('Imported'), 'the import notice');
  expect(imported.error).toBeNull();

  await fail();
  const file = await panel.download(tid('export-view'));
  expect(file.name).toMatch(/\.ndjson$/);
  const exported = await poll(() => outcome(panel), (o) => (o.notice ?? '').startsWith('Exported'), 'the export notice');
  expect(exported.error).toBeNull();
  // Exporting asks nothing, so its label has no ellipsis.
  expect(await panel.text(tid('export-endpoint'))).toBe('Export endpoint');
}

scenario('Replay & files: a later success clears an earlier error', laterSuccessClearsError);
