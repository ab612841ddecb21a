import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { WebSocketServer } from 'ws';
import { newEndpoint } from '../../lib/config/endpoint';
import { scenario, tid } from './support/both';
import { setEndpoints } from './support/config';
import { poll } from './support/poll';
import { waitForRows } from './support/panel';

test.describe.configure({ timeout: 120_000 });

scenario('Compose sends to the one WebSocket the timeline is filtered to, and says which', async (ext) => {
  const http = createServer();
  const wss = new WebSocketServer({ server: http });
  const received: { path: string; data: string }[] = [];
  wss.on('connection', (socket, req) => {
    socket.send(JSON.stringify({ hello: req.url }));
    socket.on('message', (data) => received.push({ path: req.url ?? '', data: String(data) }));
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const base = `ws://127.0.0.1:${(http.address() as AddressInfo).port}`;
  try {
    const setup = await ext.open('options.html');
    await setEndpoints(setup.raw, [newEndpoint({ id: 'chat', name: 'Chat', url: `${base}/chat` }), newEndpoint({ id: 'feed', name: 'Feed', url: `${base}/feed` })]);
    const panel = await ext.open('devtools-panel.html');
    await waitForRows(panel.raw, (rs) => ['chat', 'feed'].every((id) => rs.some((r) => r.endpointId === id && r.dir === 'in')), 'a frame from each socket');

    // Unfiltered, the box offers both sockets and names the chosen one's URL.
    expect(await panel.count(tid('compose-endpoint'))).toBe(1);
    expect(await panel.text(tid('compose-target'))).toBe(`${base}/chat`);

    await panel.click(`${tid('filter-endpoints')} input[data-endpoint-id="feed"]`);
    await poll(() => panel.attr(tid('compose-target'), 'data-endpoint-id'), (id) => id === 'feed', 'the target to follow the filter');
    expect(await panel.text(tid('compose-target-name'))).toBe('Feed');
    expect(await panel.text(tid('compose-target'))).toBe(`${base}/feed`);
    expect(await panel.count(tid('compose-endpoint'))).toBe(0);
    expect(await panel.text(tid('compose-state'))).toBe('connected');

    await panel.fill(tid('compose-text'), 'hello feed');
    await panel.click(tid('compose-send'));
    await poll(async () => received, (r) => r.length > 0, 'the message at the server');
    expect(received).toEqual([{ path: '/feed', data: 'hello feed' }]);
    await waitForRows(panel.raw, (rs) => rs.some((r) => r.endpointId === 'feed' && r.dir === 'out'), 'the sent frame as an outgoing row');
  } finally {
    for (const c of wss.clients) c.terminate();
    wss.close();
    http.closeAllConnections();
    await new Promise((r) => http.close(r));
  }
});
