import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Command, Commands, Op, Report } from './protocol';

/**
 * The runner's end of the page link: a tiny HTTP server on 127.0.0.1. The page POSTs a report
 * (hello, or the result of the last command) and the response body is its next command, so the
 * runner drives the page without any debugger attached to it.
 */
export interface Agent {
  port: number;
  /** Resolves when a page says hello. */
  hello(): Promise<void>;
  run<K extends Op>(cmd: { op: K } & Commands[K]['args']): Promise<Commands[K]['result']>;
  close(): Promise<void>;
}

/** Longest any one command may take, unless it names a longer `timeoutMs` of its own. */
const OP_TIMEOUT_MS = 10 * 60_000;

export async function startAgent(): Promise<Agent> {
  let waitingPage: ServerResponse | undefined;
  let queued: Command | undefined;
  let onHello: (() => void) | undefined;
  let pending: { resolve(r: unknown): void; reject(e: Error): void } | undefined;

  const send = (res: ServerResponse, cmd: Command) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(cmd));
  };

  const server = createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== '/agent') {
      res.writeHead(404).end();
      return;
    }
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      const report = JSON.parse(body) as Report;
      if (report.kind === 'hello') onHello?.();
      else if (report.kind === 'result') pending?.resolve(report.result);
      else pending?.reject(new Error(`bench page: ${report.message}`));
      if (report.kind !== 'hello') pending = undefined;
      if (queued) {
        send(res, queued);
        queued = undefined;
      } else {
        waitingPage = res;
      }
    });
  });
  // Long polls wait as long as a phase runs; Node's default request timeout would cut them.
  server.requestTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return {
    port: (server.address() as AddressInfo).port,
    hello: () => new Promise((resolve) => (onHello = resolve)),
    run: <K extends Op>(cmd: { op: K } & Commands[K]['args']) =>
      new Promise<Commands[K]['result']>((resolve, reject) => {
        // A page that never answers (a hung panel, a crashed tab) fails the run instead of stalling it.
        // An op that runs for `seconds` (the panel under load) gets them on top.
        const runs = 'seconds' in cmd && typeof cmd.seconds === 'number' ? cmd.seconds * 1000 : 0;
        const limit = Math.max(OP_TIMEOUT_MS + runs, 'timeoutMs' in cmd && typeof cmd.timeoutMs === 'number' ? cmd.timeoutMs + 30_000 : 0);
        const timer = setTimeout(() => reject(new Error(`bench page did not answer "${cmd.op}" within ${limit / 1000} s`)), limit);
        const settle = <A extends unknown[]>(f: (...a: A) => void) => (...a: A) => {
          clearTimeout(timer);
          f(...a);
        };
        pending = { resolve: settle((r: unknown) => resolve(r as Commands[K]['result'])), reject: settle(reject) };
        if (waitingPage) {
          send(waitingPage, cmd as Command);
          waitingPage = undefined;
        } else {
          queued = cmd as Command;
        }
      }),
    close: () =>
      new Promise<void>((resolve) => {
        waitingPage?.writeHead(204).end();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
