import { scenario, tid, type ExtPage } from './support/both';
import { setEndpoints } from './support/config';
import { poll } from './support/poll';
import { pick, startDemo } from './support/demo';

/** Card id → column id and attempt status, as the board shows it. */
const board = (page: ExtPage) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="kanban-column"]')].flatMap((col) =>
      [...col.querySelectorAll<HTMLElement>('[data-testid="kanban-card"]')].map((card) => ({
        card: card.dataset.cardId ?? '',
        column: col.dataset.columnId ?? '',
        status: card.querySelector<HTMLElement>('[data-testid="attempt-status"]')?.dataset.status ?? '',
      })),
    ),
  );

/** `[plan id, state]` of every plan row. */
const planStates = (page: ExtPage) =>
  page.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-testid="plan-row"]')].map((r) => [r.dataset.planId ?? '', r.dataset.state ?? ''] as const));

/** Moves the time-travel slider as dragging it does: a new value, then input and change. */
const slideTo = (page: ExtPage, value: number) =>
  page.evaluate((v) => {
    const slider = document.querySelector<HTMLInputElement>('[data-testid="tt-slider"]')!;
    slider.value = String(v);
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    slider.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);

scenario('State tab folds the demo streams: a moving board, a growing plan, a session tree, a generation text; the slider goes back', async (ext) => {
  const { server, endpoints } = await startDemo({ rate: 10 });
  try {
    await setEndpoints((await ext.open('options.html')).raw, pick(endpoints, ['demo-kanban', 'demo-plans', 'demo-opencode', 'demo-generate']));
    const panel = await ext.open('devtools-panel.html', { width: 1400, height: 1600 });
    await panel.click(tid('tab-state'));

    // Kanban: cards sit in columns and change as attempts progress.
    await poll(() => panel.count(`${tid('state-endpoint')} option`), (n) => n >= 4, 'four endpoints in the picker');
    await panel.select(tid('state-endpoint'), 'demo-kanban');
    const first = await poll(() => board(panel), (b) => b.length >= 3, 'cards on the board');
    const key = (b: typeof first) => b.map((c) => `${c.card}@${c.column}:${c.status}`).sort().join(' ');
    await poll(() => board(panel), (b) => key(b) !== key(first) && b.some((c) => c.status !== ''), 'the board to change as attempts progress');

    // Plans: a plan whose log grows and whose state changes.
    await panel.select(tid('state-endpoint'), 'demo-plans');
    await poll(() => panel.count(tid('plan-row')), (n) => n > 0, 'a plan');
    const logs = () => panel.count(tid('plan-log'));
    const firstSeen = new Map<string, number>();
    await poll(
      async () => {
        await panel.click(tid('plan-row'));
        const id = (await panel.attr(tid('plan-row'), 'data-plan-id')) ?? '';
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
        const rows = await planStates(panel);
        for (const [id, state] of rows) if (!firstState.has(id)) firstState.set(id, state);
        return rows.some(([id, state]) => firstState.get(id) !== state);
      },
      (changed) => changed,
      'a plan state change',
      45_000,
    );

    // Time travel: going back shows an earlier, shorter log.
    const live = await logs();
    const max = Number(await panel.attr(tid('tt-slider'), 'max'));
    await slideTo(panel, Math.floor(max / 3));
    await poll(logs, (n) => n < live, 'an earlier state with a shorter log');
    await panel.click(tid('tt-live'));

    // OpenCode: a child session under its parent.
    await panel.select(tid('state-endpoint'), 'demo-opencode');
    await poll(() => panel.count('[data-testid="session"]:not([data-parent-id=""])'), (n) => n >= 1, 'a child session');

    // Generation job: the text assembled from deltas.
    await panel.select(tid('state-endpoint'), 'demo-generate');
    await poll(async () => (await panel.text(tid('job-text')))?.length ?? 0, (n) => n > 20, 'assembled generation text');
  } finally {
    await server.close();
  }
});
