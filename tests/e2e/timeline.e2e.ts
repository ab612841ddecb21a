import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from '@playwright/test';
import { newEndpoint } from '../../lib/config/endpoint';
import { PROFILES, specFor } from '../../lib/protocols';
import type { Family } from '../../lib/model/typed';
import { scenario, tid } from './support/both';
import { setEndpoints } from './support/config';
import { poll } from './support/poll';
import { startDemo } from './support/demo';
import { waitForRows, type RowInfo } from './support/panel';

const FAMILY_OF: Record<string, Family> = {
  'demo-officeplane': 'officeplane',
  'demo-kanban': 'kanban',
  'demo-opencode': 'opencode',
  'demo-plans': 'plans',
  'demo-notifications': 'notifications',
};

const visibleIn = (rs: RowInfo[]) => rs.filter((r) => r.dir === 'in');

/** Clicks the last row that matches, as the newest event of a kind is at the bottom. */
const clickLast = (selector: string) => {
  const rows = document.querySelectorAll<HTMLElement>(selector);
  rows[rows.length - 1]!.click();
};

scenario('typed events from all five families; type, text and field filters; detail pane', async (ext) => {
  const { server, endpoints } = await startDemo({ rate: 6 });
  try {
    // The panel is open before the streams start: a family's rarer types (OpenCode's
    // session_updated) come first, and the live edge would have moved past them otherwise.
    const panel = await ext.open('devtools-panel.html');
    await setEndpoints((await ext.open('options.html')).raw, endpoints);

    // Every family shows up with types its profile knows, each with a summary.
    const seen = new Map<string, Set<string>>();
    await waitForRows(
      panel.raw,
      (rs) => {
        for (const r of visibleIn(rs)) (seen.get(r.endpointId) ?? seen.set(r.endpointId, new Set()).get(r.endpointId)!).add(r.type);
        return Object.keys(FAMILY_OF).every((id) => (seen.get(id)?.size ?? 0) >= 2);
      },
      'events of every family',
      45_000,
    ).catch((e: Error) => {
      throw new Error(`${e.message}\nseen: ${JSON.stringify([...seen].map(([k, v]) => [k, [...v]]))}`);
    });
    for (const [id, family] of Object.entries(FAMILY_OF)) {
      // Known by name or by one of the profile's wildcards (`*_update`).
      for (const type of seen.get(id)!) expect(specFor(PROFILES[family], type), `${id} type ${type}`).toBeDefined();
    }
    const summaries = await panel.texts('[data-testid="event-row"][data-dir="in"] [data-testid="event-summary"]');
    expect(summaries.length).toBeGreaterThan(10);
    for (const s of summaries) expect(s.trim().length).toBeGreaterThan(0);

    // Field query: only running attempts of the board. The query searches the whole history
    // and tests live events as they come, so it finds one whether or not an attempt has run yet
    // (the rows in view follow the live edge of every demo stream and cover about a second).
    await panel.fill(tid('filter-field'), 'status=running');
    const running = await waitForRows(panel.raw, (rs) => rs.length > 0 && rs.every((r) => r.type === 'attempt_status'), 'only running attempts', 45_000);
    expect(running.every((r) => r.endpointId === 'demo-kanban')).toBe(true);
    await panel.click(tid('filter-reset'));

    // Text: a word only the board's attempt events carry.
    await panel.fill(tid('filter-text'), 'attemptId');
    await waitForRows(panel.raw, (rs) => rs.length > 0 && rs.every((r) => r.endpointId === 'demo-kanban' && r.type.length > 0), 'only attempt events');
    await panel.click(tid('filter-reset'));

    // Type multi-select: pick one type, only it remains.
    const pick = 'attempt_status'; // seen above
    await panel.click(`${tid('filter-types')} summary`);
    await panel.check(`${tid('filter-types')} input[data-type="${pick}"]`);
    const onlyType = await waitForRows(panel.raw, (rs) => rs.length > 0 && rs.every((r) => r.type === pick), `only ${pick}`);
    expect(onlyType.length).toBeGreaterThan(0);
    await panel.click(tid('filter-reset'));

    // Detail pane shows the raw data of the selected event (a JSON family's: other protocols'
    // frames are not one JSON document).
    await waitForRows(panel.raw, (rs) => rs.some((r) => r.endpointId === 'demo-plans' && r.dir === 'in'), 'a plans event in view after the reset');
    await panel.evaluate(clickLast, '[data-testid="event-row"][data-dir="in"][data-endpoint-id="demo-plans"]');
    const raw = await poll(() => panel.text(tid('detail-raw')), (t) => (t ?? '').length > 0, 'the detail pane');
    expect(() => JSON.parse(raw ?? '')).not.toThrow();
  } finally {
    await server.close();
  }
});

scenario('markup in event data is shown as text and runs nothing', async (ext) => {
  const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>bold</b>';
  const srv = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'access-control-allow-origin': '*' });
    res.write(`id: 1\nevent: note\ndata: ${JSON.stringify({ type: 'note', html: evil })}\n\n`);
    res.write(`id: 2\ndata: ${evil}\n\n`);
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as AddressInfo).port;
  try {
    const setup = await ext.open('options.html');
    await setEndpoints(setup.raw, [newEndpoint({ id: 'evil', name: 'Markup <b>feed</b>', url: `http://127.0.0.1:${port}/`, profile: 'generic' })]);
    const panel = await ext.open('devtools-panel.html');
    await waitForRows(panel.raw, (rs) => rs.filter((r) => r.endpointId === 'evil' && r.dir === 'in').length === 2, 'both events');
    await panel.evaluate(clickLast, '[data-testid="event-row"][data-endpoint-id="evil"][data-dir="in"]');
    await poll(() => panel.text(tid('detail-raw')), (t) => t?.includes('<script>') ?? false, 'the raw markup as text');
    expect(await panel.evaluate(() => document.body.innerText)).toContain('<img src=x');
    expect(await panel.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null)).toBeNull();
    const rendered = await panel.evaluate(
      () =>
        document.querySelectorAll('img[src="x"]').length +
        [...document.querySelectorAll('b')].filter((b) => b.textContent === 'bold').length +
        [...document.querySelectorAll('script')].filter((sc) => sc.textContent?.includes('__pwned')).length,
    );
    expect(rendered).toBe(0);
  } finally {
    srv.closeAllConnections();
    srv.close();
  }
});
