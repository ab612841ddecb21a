import type { Draft, FamilyContext, FamilyScript } from './context';
import { chunkText } from './chunk-text';

interface Part {
  type: 'text' | 'tool';
  text?: string;
  tool?: string;
}

interface Conversation {
  title: string;
  prompt: string;
  opening: string;
  subtask: string;
  subAnswer: string;
  closing: string;
}

const CONVERSATIONS: Conversation[] = [
  {
    title: 'Fix the flaky upload test',
    prompt: 'The upload test fails about one run in ten. Find out why and fix it.',
    opening: 'The failure is a race on a shared temp directory. I will check which other tests use it.',
    subtask: 'Find tests that share the temp directory',
    subAnswer: 'Two more tests use it: export.test.ts and import.test.ts. Both clean it up in afterAll.',
    closing: 'Each test now gets its own directory. The upload test passed fifty runs in a row.',
  },
  {
    title: 'Add pagination to /orders',
    prompt: 'The orders endpoint returns everything at once. Add cursor pagination.',
    opening: 'The query already sorts by id, so a cursor on id is cheap. Let me look at the callers first.',
    subtask: 'List the callers of GET /orders',
    subAnswer: 'Three callers: the admin table, the CSV export and the mobile app. Only the export needs all rows.',
    closing: 'Added limit and cursor parameters with a default page of 50; the export walks all pages.',
  },
  {
    title: 'Explain the cache layer',
    prompt: 'How does the cache in src/cache work, and when is it invalidated?',
    opening: 'It is a read-through cache keyed by route and user. Invalidation is spread over a few files.',
    subtask: 'Find every place that invalidates the cache',
    subAnswer: 'Invalidation happens on writes in orders.ts and users.ts, and on a 10 minute timer.',
    closing: 'Reads go through get(), writes call invalidate(key), and a timer clears stale keys.',
  },
];
const MODELS = ['demo/large', 'demo/fast'];

function message(sessionId: string, messageId: string, role: 'user' | 'assistant', parts: Part[], status: 'streaming' | 'complete'): Draft {
  return { data: { type: 'message_updated', sessionId, messageId, role, parts: parts.map((p) => ({ ...p })), status } };
}

/** Streams `text` into a new text part of `parts`, one update per chunk, as the model writes. */
function* streamText(ctx: FamilyContext, parts: Part[], text: string, send: () => Draft): Generator<Draft, void> {
  const part: Part = { type: 'text', text: '' };
  parts.push(part);
  for (const chunk of chunkText(ctx.rng, text)) {
    ctx.wait(ctx.rng.int(300, 700));
    part.text += chunk;
    yield send();
  }
}

/** One root session: a prompt, an answer that delegates to a child session, then the final answer. */
function* session(ctx: FamilyContext): Generator<Draft, void> {
  const { rng } = ctx;
  const c = rng.pick(CONVERSATIONS);
  const model = rng.pick(MODELS);
  const rootId = `ses_${rng.hex(12)}`;
  const childId = `ses_${rng.hex(12)}`;
  const answerId = `msg_${rng.hex(12)}`;
  const parts: Part[] = [];
  const answer = (status: 'streaming' | 'complete' = 'streaming') => message(rootId, answerId, 'assistant', parts, status);

  yield { data: { type: 'session_updated', session: { id: rootId, title: c.title, agent: 'build', model } } };
  ctx.pause();
  yield message(rootId, `msg_${rng.hex(12)}`, 'user', [{ type: 'text', text: c.prompt }], 'complete');
  yield* streamText(ctx, parts, c.opening, answer);
  const tool: Part = { type: 'tool', tool: 'task', text: c.subtask };
  parts.push(tool);
  ctx.pause();
  yield answer();

  yield { data: { type: 'session_updated', session: { id: childId, title: c.subtask, parentId: rootId, agent: 'general', model } } };
  ctx.pause();
  yield message(childId, `msg_${rng.hex(12)}`, 'user', [{ type: 'text', text: c.subtask }], 'complete');
  const childParts: Part[] = [];
  const childAnswerId = `msg_${rng.hex(12)}`;
  yield* streamText(ctx, childParts, c.subAnswer, () => message(childId, childAnswerId, 'assistant', childParts, 'streaming'));
  ctx.pause();
  yield message(childId, childAnswerId, 'assistant', childParts, 'complete');

  tool.text = `${c.subtask}: done`;
  ctx.pause();
  yield answer();
  yield* streamText(ctx, parts, c.closing, answer);
  ctx.pause();
  yield answer('complete');
}

/** OpenCode instance stream: unnamed events, the type is in the JSON. */
export const opencode: FamilyScript = function* (ctx) {
  yield { data: { type: 'server.connected' } };
  for (;;) {
    yield* session(ctx);
    ctx.wait(ctx.rng.int(2000, 4000));
  }
};
