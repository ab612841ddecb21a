import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from '@playwright/test';
import { newEndpoint } from '../../lib/config/endpoint';
import { scenario } from './support/both';
import { setEndpoints } from './support/config';
import { poll } from './support/poll';

/** Each marker row shown: its kind, tone, and whether its label has the colour of that tone. */
const markerRows = (panel: { evaluate<R>(fn: () => R): Promise<R> }) =>
  panel.evaluate(() => {
    const root = getComputedStyle(document.documentElement);
    const colour = (v: string) => {
      // Resolve a custom property to the same rgb() form computed styles use.
      const probe = document.createElement('span');
      probe.style.color = root.getPropertyValue(v);
      document.body.append(probe);
      const c = getComputedStyle(probe).color;
      probe.remove();
      return c;
    };
    const want: Record<string, string> = { error: colour('--err'), warn: colour('--warn') };
    return [...document.querySelectorAll<HTMLElement>('[data-testid="event-row"][data-dir="sys"]')].map((r) => ({
      kind: r.dataset.type,
      tone: r.dataset.tone,
      coloured: want[r.dataset.tone ?? ''] === getComputedStyle(r.querySelector('.tl-marker-text strong')!).color,
    }));
  });

scenario('an HTTP error is shown in the error colour', async (ext) => {
  const server = createServer((_req, res) => {
    res.writeHead(503, { 'Access-Control-Allow-Origin': '*' });
    res.end('down for maintenance');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`;
    const setup = await ext.open('options.html');
    await setEndpoints(setup.raw, [newEndpoint({ id: 'down', name: 'Down', url })]);
    const panel = await ext.open('devtools-panel.html');
    const rows = await poll(() => markerRows(panel), (rs) => rs.some((r) => r.kind === 'http_error'), 'an HTTP error marker');
    const httpError = rows.find((r) => r.kind === 'http_error')!;
    expect(httpError).toEqual({ kind: 'http_error', tone: 'error', coloured: true });
    for (const r of rows.filter((x) => x.tone === 'warn' || x.tone === 'error')) expect(r.coloured, r.kind).toBe(true);
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
});
