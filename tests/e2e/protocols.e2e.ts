import { expect } from '@playwright/test';
import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import { scenario, type Ext } from './support/both';
import { setEndpoints } from './support/config';
import { pick, startDemo } from './support/demo';
import { waitForRows } from './support/panel';
import { poll } from './support/poll';

type Page = PwPage | PpPage;

/** Streams of the protocol profiles and a type each must show once typed (not `message`). */
const TYPED: Record<string, RegExp> = {
  'demo-llm': /^(chat\.completion\.chunk|message_start|content_block_delta|response\.|text-delta|start)/,
  'demo-socketio': /^(open|connect|event)$/,
  'demo-mcp': /^(notification|request)$/,
  'demo-graphql': /^(connection_ack|next|complete|error|ping)$/,
  'demo-graphql-sse': /^next$/,
  'demo-signalr': /^(handshake_response|invocation|ping)$/,
  'demo-stomp': /^(sockjs_open|CONNECTED|MESSAGE)$/,
  'demo-phoenix': /^(phx_reply|new_msg|presence_diff)$/,
  'demo-actioncable': /^(welcome|confirm_subscription|message|ping)$/,
};

/** Shows an endpoint's state in the State tab (DOM only, so either driver runs it). */
const showState = (page: Page, endpointId: string) =>
  (page as PwPage).evaluate(async (id) => {
    document.querySelector<HTMLElement>('[data-testid="tab-state"]')?.click();
    const deadline = Date.now() + 15_000;
    let select: HTMLSelectElement | null = null;
    while (Date.now() < deadline) {
      select = document.querySelector<HTMLSelectElement>('[data-testid="state-endpoint"]');
      if (select && [...select.options].some((o) => o.value === id)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    if (!select) throw new Error('no endpoint picker');
    select.value = id;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }, endpointId);

/** What a messaging protocol's State view must come to show: a call or topic row naming `name`. */
const EXCHANGES: Record<string, string> = {
  'demo-graphql': 'onOrderUpdated',
  'demo-graphql-sse': 'onStockChanged',
  'demo-signalr': 'ReceiveMessage',
  'demo-stomp': '/topic/orders',
  'demo-phoenix': 'new_msg',
  'demo-actioncable': 'new_message',
};

/** The text of the State tab's call and topic rows. */
const exchangeRows = (page: Page) =>
  (page as PwPage).evaluate(() =>
    [...document.querySelectorAll('[data-testid="exchange-call"], [data-testid="exchange-topic"]')].map((e) => e.textContent ?? ''),
  );

const llmText = (page: Page) =>
  (page as PwPage).evaluate(() => [...document.querySelectorAll('[data-testid="llm-text"]')].map((e) => e.textContent ?? ''));

async function typedAndAssembled(ext: Ext): Promise<void> {
  const { server, endpoints } = await startDemo({ rate: 20 });
  try {
    const setup = await ext.open('options.html', TALL);
    await setEndpoints(setup.raw, pick(endpoints, Object.keys(TYPED)));
    await setup.close();
    const panel = (await ext.open('devtools-panel.html', TALL)).raw;
    // The list shows the last hundred rows or so: a quiet stream's typed row may scroll away
    // before a busy machine has drawn the others', so each stream counts once it has shown one.
    const typed = new Set<string>();
    await waitForRows(
      panel,
      (rs) => {
        for (const r of rs) if (r.dir === 'in' && TYPED[r.endpointId]?.test(r.type)) typed.add(r.endpointId);
        return typed.size === Object.keys(TYPED).length;
      },
      () => `typed rows from every protocol stream; none yet from ${Object.keys(TYPED).filter((id) => !typed.has(id)).join(', ')}`,
      40_000,
    );
    await showState(panel, 'demo-llm');
    // A whole sentence assembled from the chunks of at least one answer.
    const texts = await poll(() => llmText(panel), (t) => t.some((s) => /\.\s*$/.test(s) && s.split(' ').length > 8), 'an assembled LLM answer', 40_000);
    expect(texts.join(' ')).not.toContain('undefined');
    for (const [endpointId, name] of Object.entries(EXCHANGES)) {
      await showState(panel, endpointId);
      await poll(() => exchangeRows(panel), (rows) => rows.some((r) => r.includes(name)), `${endpointId}: ${name} in the State tab`, 30_000);
    }
  } finally {
    await server.close();
  }
}

const TALL = { width: 1280, height: 2400 };

scenario('protocol streams are typed and an LLM answer is assembled in the State tab', typedAndAssembled);
