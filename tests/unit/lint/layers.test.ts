import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { LIB_LAYERS } from '../../../scripts/lint/layers.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: ROOT });

/** The messages `npm run lint` gives for `code` as if it were the file at `file`. */
async function lint(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layering lint', () => {
  // Loading the config and the TypeScript parser takes seconds on a busy machine; do it once.
  beforeAll(() => lint('lib/model/warm-up.ts', 'export {};\n'), 60_000);

  it('fails a lower lib/ layer importing a higher one, types included', async () => {
    expect(await lint('lib/model/fixture.ts', "import { openStore } from '../store/schema';\nexport const o = openStore;\n")).toEqual([
      expect.stringMatching(/^layers\/imports: lib\/model \(layer 0\) may not import lib\/store \(layer 4\)/),
    ]);
    expect(await lint('lib/store/fixture.ts', "import type { NotifyRule } from '../notify/rules';\nexport type R = NotifyRule;\n")).toEqual([
      expect.stringMatching(/lib\/store .* may not import lib\/notify/),
    ]);
  });

  it('fails siblings of one layer importing each other', async () => {
    expect(await lint('lib/transport/fixture.ts', "import type { ConnState } from '../messaging/protocol';\nexport type S = ConnState;\n")).toEqual([
      expect.stringMatching(/siblings in one layer do not import each other/),
    ]);
  });

  it('passes imports from lower layers and within a folder', async () => {
    const code = "import type { StreamEvent } from '../model/event';\nimport { formatPath } from '../query/path';\nimport { openStore } from './schema';\nexport const x = [formatPath, openStore] as const;\nexport type E = StreamEvent;\n";
    expect(await lint('lib/store/fixture.ts', code)).toEqual([]);
  });

  it('fails lib/ importing components/ or entrypoints/, and a folder missing from the table', async () => {
    expect(await lint('lib/notify/fixture.ts', "import { PanelApp } from '../../components/panel/PanelApp';\nexport const p = PanelApp;\n")).toEqual([
      expect.stringMatching(/lib\/ never imports components\//),
    ]);
    expect(await lint('lib/newthing/fixture.ts', "import { formatPath } from '../query/path';\nexport const f = formatPath;\n")).toEqual([
      expect.stringMatching(/lib\/newthing is not in the layer table/),
    ]);
  });

  it('fails a component doing I/O: a database, a browser API, or lib/ code that reaches one', async () => {
    const file = 'components/diagnostics/Fixture.tsx';
    expect(await lint(file, "import { openDB } from 'idb';\nexport const o = openDB;\n")).toEqual([expect.stringMatching(/components\/ do no I\/O: idb/)]);
    expect(await lint(file, "import { browser } from 'wxt/browser';\nexport const b = browser;\n")).toEqual([expect.stringMatching(/do no I\/O/)]);
    expect(await lint(file, "import { allEvents } from '../../lib/store/reader';\nexport const r = allEvents;\n")).toEqual([expect.stringMatching(/do no I\/O/)]);
    expect(await lint(file, "export const open = () => indexedDB.open('x');\n")).toEqual([expect.stringMatching(/^no-restricted-globals: .*do no I\/O/)]);
    expect(await lint(file, 'export const read = () => globalThis.localStorage.getItem("x");\n')).toEqual([expect.stringMatching(/^no-restricted-properties: .*do no I\/O/)]);
  });

  it('lets a component import types from I/O modules and plain lib/ code', async () => {
    const code = "import type { AttemptRow } from '../../lib/store/schema';\nimport { ATTEMPTS_SHOWN } from '../../lib/diagnostics/attempts';\nexport const n: number = ATTEMPTS_SHOWN;\nexport type A = AttemptRow;\n";
    expect(await lint('components/diagnostics/Fixture.tsx', code)).toEqual([]);
  });

  it('the table names every lib/ folder, and the README layout table names every layer', () => {
    const folders = readdirSync(path.join(ROOT, 'lib'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(LIB_LAYERS.flat().sort()).toEqual(folders.sort());
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    for (const f of folders) expect(readme, `README layout mentions lib/${f}`).toContain(`\`${f}/\``);
  });
});
