import type { Draft, FamilyScript } from './context';

/*
 * An MCP server's SSE stream (JSON-RPC 2.0, `event: message`): progress and log notifications,
 * list-changed notifications, and requests the server makes of the client.
 */

const STEPS = ['Reading the repository', 'Indexing 240 files', 'Building the symbol table', 'Ready'];
const message = (body: Record<string, unknown>): Draft => ({ name: 'message', data: { jsonrpc: '2.0', ...body } });

export const mcpServer: FamilyScript = function* (ctx) {
  const { rng } = ctx;
  for (let round = 1; ; round++) {
    const token = `index-${round}`;
    for (let p = 0; p <= 100; p += 25) {
      if (round > 1 || p > 0) ctx.pause();
      yield message({ method: 'notifications/progress', params: { progressToken: token, progress: p, total: 100 } });
      if (p % 50 === 0) yield message({ method: 'notifications/message', params: { level: 'info', logger: 'indexer', data: rng.pick(STEPS) } });
    }
    ctx.pause();
    yield message({ method: 'notifications/tools/list_changed' });
    ctx.pause();
    yield message({ id: round, method: round % 2 ? 'roots/list' : 'sampling/createMessage', params: round % 2 ? {} : { messages: [{ role: 'user', content: { type: 'text', text: 'Summarise the index' } }], maxTokens: 200 } });
  }
};
