import { expect, test } from '@playwright/test';
import { launchChromium } from '../../scripts/launch/chromium';
import { startDemo, pick } from './support/demo';
import { launchFirefox } from '../../scripts/launch/firefox';
import { setEndpoints } from './support/config';
import { hasIn, onlyDirection, waitForRows } from './support/panel';

const SSE = 'demo-kanban';
const WS = 'demo-notifications';

test('chromium: live SSE and WS events reach the panel and survive closing it', async () => {
  const { server, endpoints } = await startDemo();
  const ext = await launchChromium();
  try {
    const setup = await ext.open('options.html');
    await setEndpoints(setup, pick(endpoints, [SSE, WS]));
    await setup.close();
    const panel = await ext.open('devtools-panel.html');
    const seen = await waitForRows(panel, (r) => hasIn(SSE)(r) && hasIn(WS)(r), 'SSE and WS events');
    await panel.close();
    await server.close(); // nothing new can arrive: what the panel shows next comes from disk
    const again = await ext.open('devtools-panel.html');
    await again.setViewportSize({ width: 1280, height: 2400 });
    await onlyDirection(again, 'in'); // connection markers keep coming while the server is down
    const keys = (rs: typeof seen) => new Set(rs.filter((r) => r.dir === 'in').map((r) => `${r.endpointId}#${r.seq}`));
    const reopened = await waitForRows(again, (r) => [...keys(seen)].every((k) => keys(r).has(k)), 'the same events after reopening');
    expect(reopened.filter((r) => r.dir === 'in').length).toBeGreaterThanOrEqual(seen.filter((r) => r.dir === 'in').length);
  } finally {
    await ext.close();
    await server.close().catch(() => undefined);
  }
});

test('firefox: live SSE and WS events reach the panel and survive closing it', async () => {
  const { server, endpoints } = await startDemo();
  const ext = await launchFirefox();
  try {
    const setup = await ext.open('options.html');
    await setEndpoints(setup, pick(endpoints, [SSE, WS]));
    await setup.close();
    const panel = await ext.open('devtools-panel.html');
    const seen = await waitForRows(panel, (r) => hasIn(SSE)(r) && hasIn(WS)(r), 'SSE and WS events');
    await panel.close();
    await server.close();
    const again = await ext.open('devtools-panel.html');
    await again.setViewport({ width: 1280, height: 2400 });
    await onlyDirection(again, 'in');
    const want = seen.filter((r) => r.dir === 'in').map((r) => `${r.endpointId}#${r.seq}`);
    await waitForRows(again, (r) => want.every((k) => r.some((x) => `${x.endpointId}#${x.seq}` === k)), 'the same events after reopening');
  } finally {
    await ext.close();
    await server.close().catch(() => undefined);
  }
});
