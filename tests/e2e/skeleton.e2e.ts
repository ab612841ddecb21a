import { expect } from '@playwright/test';
import { scenario } from './support/both';
import { setEndpoints } from './support/config';
import { startDemo, pick } from './support/demo';
import { hasIn, onlyDirection, waitForRows, type RowInfo } from './support/panel';

const SSE = 'demo-kanban';
const WS = 'demo-notifications';

const keys = (rs: RowInfo[]) => new Set(rs.filter((r) => r.dir === 'in').map((r) => `${r.endpointId}#${r.seq}`));

scenario('live SSE and WS events reach the panel and survive closing it', async (ext) => {
  const { server, endpoints } = await startDemo();
  try {
    const setup = await ext.open('options.html');
    await setEndpoints(setup.raw, pick(endpoints, [SSE, WS]));
    await setup.close();
    const panel = await ext.open('devtools-panel.html');
    const seen = await waitForRows(panel.raw, (r) => hasIn(SSE)(r) && hasIn(WS)(r), 'SSE and WS events');
    await panel.close();
    await server.close(); // nothing new can arrive: what the panel shows next comes from disk
    const again = await ext.open('devtools-panel.html');
    await onlyDirection(again.raw, 'in'); // connection markers keep coming while the server is down
    const reopened = await waitForRows(again.raw, (r) => [...keys(seen)].every((k) => keys(r).has(k)), 'the same events after reopening');
    expect(keys(reopened).size).toBeGreaterThanOrEqual(keys(seen).size);
  } finally {
    await server.close();
  }
});
