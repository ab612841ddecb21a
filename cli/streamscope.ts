import { parseArgs } from 'node:util';
import { importProblems } from '../lib/exchange/import-error';
import { readRecordingFile, writeRecordingFile } from '../mock/recording-file';
import { startMockServer } from '../mock/server';

const USAGE = `Usage:
  streamscope serve FILE [--port 8788] [--host 127.0.0.1] [--speed 1] [--loop] [--drop-after N]
      Serves every SSE and WebSocket endpoint recorded in FILE (an NDJSON export or a HAR)
      on one port, at its recorded path and query. --speed 1 keeps the recorded pacing,
      10 is ten times faster, 0 sends as fast as possible; --loop starts over at the end;
      --drop-after N drops each SSE connection after N events, so clients must resume.
  streamscope convert FILE --to har|ndjson -o OUT
      Writes the recording in FILE as a HAR file or an NDJSON export.`;

const DEFAULT_PORT = 8788;
const RANGES: Record<string, string> = { port: 'a whole number from 0 to 65535', 'drop-after': 'a whole number of 1 or more' };

/** A refusal the user can act on: printed as is, with an exit code. */
class Refusal extends Error {
  constructor(
    message: string,
    readonly code = 1,
  ) {
    super(message);
  }
}

const usage = (problem: string): Refusal => new Refusal(`${problem}\n\n${USAGE}`, 2);

function numberFlag(name: string, raw: string | undefined, fallback: number, ok: (n: number) => boolean): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || !ok(n)) throw usage(`--${name} must be ${RANGES[name] ?? 'a number of 0 or more'}, got "${raw}".`);
  return n;
}

async function read(file: string) {
  try {
    return await readRecordingFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Refusal(`Cannot read ${file}: there is no such file.`);
    if (code === 'EISDIR') throw new Refusal(`Cannot read ${file}: it is a folder.`);
    throw new Refusal(`${file} is not a recording Streamscope can read:\n${importProblems(err).map((p) => `  ${p}`).join('\n')}`);
  }
}

async function serve(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { port: { type: 'string' }, host: { type: 'string' }, speed: { type: 'string' }, loop: { type: 'boolean' }, 'drop-after': { type: 'string' } },
  });
  if (positionals.length !== 1) throw usage('serve needs one FILE.');
  const file = positionals[0]!;
  const port = numberFlag('port', values.port, DEFAULT_PORT, (n) => Number.isInteger(n) && n >= 0 && n <= 65535);
  const speed = numberFlag('speed', values.speed, 1, (n) => n >= 0);
  const dropAfter = values['drop-after'] === undefined ? undefined : numberFlag('drop-after', values['drop-after'], 0, (n) => Number.isInteger(n) && n >= 1);
  const host = values.host ?? '127.0.0.1';
  const streams = await read(file);
  const server = await startMockServer(streams, { port, host, speed, loop: values.loop ?? false, dropAfter }).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'EADDRINUSE') throw new Refusal(`Port ${port} is in use on ${host}: pick another with --port (0 picks any free port).`);
    if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND') throw new Refusal(`Cannot listen on ${host}: this machine has no such address.`);
    throw err;
  });
  const pace = speed === 0 ? 'as fast as possible' : speed === 1 ? 'recorded pacing' : `${speed}x the recorded pacing`;
  const drops = dropAfter ? `, SSE dropped every ${dropAfter} events` : '';
  console.log(`Serving ${file} on ${server.origin} (${pace}${values.loop ? ', looping' : ''}${drops}, CORS open)\n`);
  const width = Math.max(...server.endpoints.map((e) => e.servedUrl.length));
  for (const e of server.endpoints) {
    const what = e.transport === 'ws' ? `${e.events} frames` : `${e.events} events`;
    console.log(`  ${e.transport.toUpperCase().padEnd(3)} ${e.servedUrl.padEnd(width)}  recorded at ${e.recordedUrl} (${what})`);
  }
  console.log('\nCtrl+C to stop.');
  const shutdown = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

async function convert(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { to: { type: 'string' }, out: { type: 'string', short: 'o' } } });
  if (positionals.length !== 1) throw usage('convert needs one FILE.');
  if (values.to !== 'har' && values.to !== 'ndjson') throw usage('convert needs --to har or --to ndjson.');
  if (!values.out) throw usage('convert needs -o OUT, the file to write.');
  const streams = await read(positionals[0]!);
  await writeRecordingFile(streams, values.to, values.out);
  const events = streams.reduce((n, s) => n + s.events.length, 0);
  console.log(`Wrote ${values.out}: ${streams.length} endpoint${streams.length === 1 ? '' : 's'}, ${events} events.`);
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === 'serve') return serve(rest);
  if (command === 'convert') return convert(rest);
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return console.log(USAGE);
  throw usage(`Unknown command "${command}".`);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof Refusal) {
    console.error(err.message);
    process.exit(err.code);
  }
  // parseArgs says what is wrong with the flags in plain words.
  if ((err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`${(err as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  console.error(err);
  process.exit(1);
});
