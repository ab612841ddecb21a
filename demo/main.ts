import { parseArgs } from 'node:util';
import { DEMO_PORT, demoEndpoints } from '../lib/config/demo-endpoints';
import { KNOB_HELP } from './knobs';
import { startDemoServer } from './server';

const USAGE = 'Usage: npm run demo -- [--port 8787] [--seed 1] [--rate 1]';

function numberFlag(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n)) {
    console.error(`--${name} must be a number, got "${raw}".\n${USAGE}`);
    process.exit(2);
  }
  return n;
}

const { values } = parseArgs({
  options: { port: { type: 'string' }, seed: { type: 'string' }, rate: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const port = numberFlag('port', values.port, DEMO_PORT);
const server = await startDemoServer({ port, seed: numberFlag('seed', values.seed, 1), rate: numberFlag('rate', values.rate, 1) }).catch(
  (err: NodeJS.ErrnoException) => {
    console.error(err.code === 'EADDRINUSE' ? `Port ${port} is in use; pick another with --port (0 = any free port).` : err);
    process.exit(1);
  },
);

const width = Math.max(...Object.keys(KNOB_HELP).map((k) => k.length));
console.log(`Streamscope demo server on ${server.httpUrl}\n\nEndpoints:`);
for (const e of demoEndpoints(server.port, server.protocolPort)) console.log(`  ${e.name.padEnd(30)} ${e.url}`);
console.log('\nPer-connection query knobs (e.g. ?rate=5&dropAfter=20):');
for (const [name, help] of Object.entries(KNOB_HELP)) console.log(`  ${name.padEnd(width)}  ${help}`);
console.log(`\nSSE resume: Last-Event-ID header or ?lastEventId=N. Stats: GET ${server.httpUrl}/__stats, reset: POST /__reset.`);
console.log('Ctrl+C to stop.');

const shutdown = (signal: string) => {
  console.log(`\n${signal}: closing connections...`);
  server.close().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
};
process.once('SIGINT', () => shutdown('SIGINT'));
process.once('SIGTERM', () => shutdown('SIGTERM'));
