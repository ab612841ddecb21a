// The project's layering, checked by `npm run lint` (rule `layers/imports`). One table says
// which lib/ folder sits on which; the rule resolves every relative import against it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * lib/ folders, lowest layer first. A folder imports its own files and folders of lower layers
 * only (types too: a type import ties the layers as much as a value import). Folders on one
 * line are siblings and do not import each other. A new folder goes into this table.
 */
export const LIB_LAYERS = [
  ['model'], // shared types: events, typed events, connection states, markers
  ['format', 'query'], // text formatting; paths and field queries over parsed data
  ['config'], // endpoint config, defaults, storage keys
  ['protocols', 'state'], // typed profiles; pure reducers and time travel
  ['transport', 'messaging', 'store'], // connections; the page <-> background protocol; IndexedDB
  ['notify', 'diagnostics', 'stateview', 'exchange', 'capture'], // features built on the layers below
  ['options', 'panel', 'background', 'mock'], // what one page, the background or the mock server puts together
  ['timeline'], // the timeline pane's logic, on top of the panel kernel
];

/**
 * What components/ may not import as values (types are fine): components render and do no
 * I/O, so databases, browser APIs, connections and the code that opens them stay out.
 */
export const COMPONENT_IO = {
  packages: ['idb', 'wxt/browser', 'wxt/storage', 'wxt/utils/storage', '@wxt-dev/storage', 'webextension-polyfill'],
  lib: ['lib/store', 'lib/transport', 'lib/background', 'lib/messaging/client', 'lib/panel/page-boot', 'lib/panel/panel-wiring'],
};

/**
 * Imports known to break the rules, each with why; the list only shrinks. The theme follows
 * DevTools through lib/panel/theme.ts (browser.devtools): it belongs in the panel's boot.
 */
const EXCEPTIONS = [{ from: 'components/timeline/TimelineView.tsx', to: 'lib/panel/theme' }];

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RANK = new Map(LIB_LAYERS.flatMap((names, rank) => names.map((n) => [n, rank])));

/** `lib/store/schema` for an import written in `file`; undefined for packages. */
function resolveInRepo(file, spec) {
  if (!spec.startsWith('.')) return undefined;
  return path.relative(ROOT, path.resolve(path.dirname(file), spec)).split(path.sep).join('/');
}

const within = (rel, prefix) => rel === prefix || rel.startsWith(`${prefix}/`);

/** Value imports of a source file, as written (`import type` and `export type` left out). */
const valueImports = (text) =>
  [...text.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)].filter((m) => !m[1]).map((m) => m[2]);

function sourceFile(rel) {
  for (const f of [`${rel}.ts`, `${rel}.tsx`, `${rel}/index.ts`, rel]) {
    const abs = path.join(ROOT, f);
    if (fs.existsSync(abs) && fs.statSync(abs).isFile()) return abs;
  }
  return undefined;
}

/** The I/O a lib/ module reaches through its value imports, directly or not; cached per lint run. */
const ioOf = new Map();
function reachesIo(rel, seen = new Set()) {
  if (ioOf.has(rel)) return ioOf.get(rel);
  if (seen.has(rel)) return undefined;
  seen.add(rel);
  let found = COMPONENT_IO.lib.find((p) => within(rel, p));
  const file = found ? undefined : sourceFile(rel);
  if (file) {
    for (const spec of valueImports(fs.readFileSync(file, 'utf8'))) {
      const to = resolveInRepo(file, spec);
      found = to === undefined ? COMPONENT_IO.packages.find((p) => spec === p || spec.startsWith(`${p}/`)) : within(to, 'lib') ? reachesIo(to, seen) && `${to} → ${reachesIo(to, seen)}` : undefined;
      if (found) break;
    }
  }
  ioOf.set(rel, found);
  return found;
}

function check(file, spec, typeOnly) {
  const from = path.relative(ROOT, path.resolve(file)).split(path.sep).join('/');
  const to = resolveInRepo(file, spec);
  const [fromTop, fromDir] = from.split('/');
  if (EXCEPTIONS.some((e) => e.from === from && e.to === to)) return undefined;
  if (fromTop === 'lib') {
    if (to === undefined) return undefined;
    const [toTop, toDir] = to.split('/');
    if (toTop === 'components' || toTop === 'entrypoints') return `lib/ never imports ${toTop}/ (${spec}).`;
    if (toTop !== 'lib' || toDir === fromDir || toDir === undefined) return undefined;
    for (const dir of [fromDir, toDir]) if (!RANK.has(dir)) return `lib/${dir} is not in the layer table: add it to LIB_LAYERS in scripts/lint/layers.js.`;
    const a = RANK.get(fromDir);
    const b = RANK.get(toDir);
    if (b < a) return undefined;
    const why = b === a ? 'siblings in one layer do not import each other' : 'a lower layer never imports a higher one';
    return `lib/${fromDir} (layer ${a}) may not import lib/${toDir} (layer ${b}): ${why} (scripts/lint/layers.js).`;
  }
  if (fromTop === 'components') {
    if (to !== undefined && within(to, 'entrypoints')) return `components/ never import entrypoints/ (${spec}).`;
    if (typeOnly) return undefined;
    const io = to === undefined ? COMPONENT_IO.packages.find((p) => spec === p || spec.startsWith(`${p}/`)) : within(to, 'lib') ? reachesIo(to) : undefined;
    if (io) return `components/ do no I/O: ${spec} reaches ${io}. Do the I/O in lib/ or the entrypoint and pass the result in (types are fine).`;
  }
  return undefined;
}

const typeOnlyImport = (node) =>
  node.importKind === 'type' ||
  node.exportKind === 'type' ||
  (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type'));

/** The ESLint plugin: `layers/imports`. */
export const layersPlugin = {
  rules: {
    imports: {
      meta: { type: 'problem', docs: { description: 'Imports follow the layering in scripts/lint/layers.js' }, schema: [] },
      create(context) {
        const visit = (node) => {
          const source = node.source;
          if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
          const message = check(context.filename, source.value, node.type !== 'ImportExpression' && typeOnlyImport(node));
          if (message) context.report({ node: source, message });
        };
        return { ImportDeclaration: visit, ExportNamedDeclaration: visit, ExportAllDeclaration: visit, ImportExpression: visit };
      },
    },
  },
};
