import { expect, test } from '@playwright/test';
import type { Page } from 'playwright-core';
import { launchChromium } from '../../scripts/launch/chromium';
import { setEndpoints } from './support/config';
import { poll } from './support/poll';
import { pick, startDemo } from './support/demo';

/** Card id → column id and attempt status, as the board shows it. */
const board = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="kanban-column"]')].flatMap((col) =>
      [...col.querySelectorAll<HTMLElement>('[data-testid="kanban-card"]')].map((card) => ({
        card: card.dataset.cardId ?? '',
        column: col.dataset.columnId ?? '',
        status: card.querySelector<HTMLElement>('[data-testid="attempt-status"]')?.dataset.status ?? '',
      })),
    ),
  );

test('[chromium] State tab folds the demo streams: a moving board, a growing plan, a session tree, a generation text; the slider goes back', async () => {
  const { server, endpoints } = await startDemo({ rate: 10 });
  const ext = await launchChromium();
  try {
    await setEndpoints(await ext.open('options.html'), pick(endpoints, ['demo-kanban', 'demo-plans', 'demo-opencode', 'demo-generate']));
    const panel = await ext.open('devtools-panel.html');
    await panel.setViewportSize({ width: 1400, height: 1600 });
    await panel.getByTestId('tab-state').click();
    const endpoint = panel.getByTestId('state-endpoint');

    // Kanban: cards sit in columns and change as attempts progress.
    await poll(async () => (await endpoint.locator('option').allTextContents()).length, (n) => n >= 4, 'four endpoints in the picker');
    await endpoint.selectOption('demo-kanban');
    const first = await poll(() => board(panel), (b) => b.length >= 3, 'cards on the board');
    const key = (b: typeof first) => b.map((c) => `${c.card}@${c.column}:${c.status}`).sort().join(' ');
    await poll(() => board(panel), (b) => key(b) !== key(first) && b.some((c) => c.status !== ''), 'the board to change as attempts progress');

    // Plans: a plan whose log grows and whose state changes.
    await endpoint.selectOption('demo-plans');
    await expect(panel.getByTestId('plan-row').first()).toBeVisible();
    const logs = () => panel.getByTestId('plan-log').count();
    const firstSeen = new Map<string, number>();
    await poll(
      async () => {
        const row = panel.getByTestId('plan-row').first();
        await row.click();
        const id = (await row.getAttribute('data-plan-id')) ?? '';
        const n = await logs();
        if (!firstSeen.has(id)) firstSeen.set(id, n);
        return n > firstSeen.get(id)!;
      },
      (grew) => grew,
      'a plan log to grow',
    );
    const firstState = new Map<string, string>();
    await poll(
      async () => {
        const rows = await panel.getByTestId('plan-row').evaluateAll((rs) => rs.map((r) => [r.getAttribute('data-plan-id') ?? '', r.getAttribute('data-state') ?? '']));
        for (const [id, state] of rows) if (!firstState.has(id!)) firstState.set(id!, state!);
        return rows.some(([id, state]) => firstState.get(id!) !== state);
      },
      (changed) => changed,
      'a plan state change',
      45_000,
    );

    // Time travel: going back shows an earlier, shorter log.
    const live = await logs();
    const slider = panel.getByTestId('tt-slider');
    const max = Number(await slider.getAttribute('max'));
    await slider.fill(String(Math.floor(max / 3)));
    await poll(logs, (n) => n < live, 'an earlier state with a shorter log');
    await panel.getByTestId('tt-live').click();

    // OpenCode: a child session under its parent.
    await endpoint.selectOption('demo-opencode');
    await poll(() => panel.locator('[data-testid="session"]:not([data-parent-id=""])').count(), (n) => n >= 1, 'a child session');

    // Generation job: the text assembled from deltas.
    await endpoint.selectOption('demo-generate');
    await poll(async () => (await panel.getByTestId('job-text').first().textContent())?.length ?? 0, (n) => n > 20, 'assembled generation text');
  } finally {
    await ext.close();
    await server.close();
  }
});
