import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { layersPlugin } from './scripts/lint/layers.js';

/** I/O a component must not reach for: it gets data and callbacks through props or the panel context. */
const IO_GLOBALS = ['indexedDB', 'localStorage', 'sessionStorage', 'chrome', 'browser', 'fetch', 'WebSocket', 'EventSource', 'XMLHttpRequest'];

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'bench-results/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Event data is untrusted: it is never rendered as HTML.
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Event data is rendered as text only.' },
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Event data is rendered as text only.' },
      ],
    },
  },
  {
    // The layering (README, "Layout"): the table and the rule are in scripts/lint/layers.js.
    files: ['lib/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    plugins: { layers: layersPlugin },
    rules: { 'layers/imports': 'error' },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': ['error', ...IO_GLOBALS.map((name) => ({ name, message: 'components/ do no I/O: do it in lib/ or the entrypoint.' }))],
      'no-restricted-properties': [
        'error',
        ...['globalThis', 'window', 'self'].flatMap((object) =>
          IO_GLOBALS.map((property) => ({ object, property, message: 'components/ do no I/O: do it in lib/ or the entrypoint.' })),
        ),
      ],
    },
  },
  {
    // A known exception, to be moved to the panel's boot: the timeline keeps its filter and
    // pins in the page's localStorage.
    files: ['components/timeline/session.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
