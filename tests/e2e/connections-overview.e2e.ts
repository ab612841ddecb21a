import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { newEndpoint } from '../../lib/config/endpoint';
import { scenario, tid } from './support/both';
import { setEndpoints } from './support/config';
import { poll } from './support/poll';

/** `/ok` streams an event every 200 ms; `/gone` answers 404, so that endpoint gives up. */
async function servers(): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    if (req.url !== '/ok') {
      res.writeHead(404, { 'Access-Control-Allow-Origin': '*' });
      return void res.end('no such stream');
    }
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': '*' });
    let n = Number(req.headers['last-event-id'] ?? 0);
    const timer = setInterval(() => res.write(`id: ${++n}\ndata: {"n":${n}}\n\n`), 200);
    req.on('close', () => clearInterval(timer));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

test.describe.configure({ timeout: 120_000 });

scenario('Connections: an overview row per endpoint, problems first, the card on click', async (ext) => {
  const { server, base } = await servers();
  try {
    const setup = await ext.open('options.html');
    await setEndpoints(setup.raw, [
      newEndpoint({ id: 'fine', name: 'Fine', url: `${base}/ok` }),
      newEndpoint({ id: 'fine2', name: 'Also fine', url: `${base}/ok` }),
      newEndpoint({ id: 'gone', name: 'Gone', url: `${base}/gone` }),
    ]);
    const panel = await ext.open('devtools-panel.html');
    await panel.click(tid('tab-diagnostics'));
    const overview = () =>
      panel.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('[data-testid="diag-overview-row"]')].map((r) => ({
          id: r.dataset.endpointId,
          state: r.dataset.state,
          bars: r.querySelectorAll('[data-testid="diag-spark"] rect').length,
        })),
      );
    const rows = await poll(
      overview,
      (rs) => rs.length === 3 && rs[0]?.state === 'given_up' && rs.filter((r) => r.state === 'open' && r.bars > 0).length === 2,
      'the dead endpoint first and both live ones with a rate',
    );
    expect(rows.map((r) => r.id)).toEqual(['gone', 'fine', 'fine2']);
    expect(await panel.text('[data-testid="diag-overview-row"][data-endpoint-id="gone"] .diag-ov-problem')).toContain('404');
    // No card until one is picked; a click shows that endpoint's card.
    expect(await panel.count(tid('diag-endpoint'))).toBe(0);
    await panel.click('[data-testid="diag-overview-row"][data-endpoint-id="fine2"] button');
    await poll(() => panel.attr(tid('diag-endpoint'), 'data-endpoint-id'), (id) => id === 'fine2', 'the card of the picked endpoint');
    expect(await panel.count(tid('diag-endpoint'))).toBe(1);
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
});
