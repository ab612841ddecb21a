import type { Rng } from '../random';
import { chunkText } from './chunk-text';
import type { Draft, FamilyContext, FamilyScript } from './context';

/*
 * LLM answers streamed over SSE, one after another on one response (a chat app's proxy stream),
 * rotating through OpenAI Chat Completions, Anthropic Messages, the OpenAI Responses API and the
 * AI SDK UI message stream. Keeping one connection open keeps the demo within the browsers'
 * connections per host; each answer still ends the way its API ends one.
 */

const ANSWERS = [
  'Server-Sent Events keep one HTTP response open and write each event as lines of text. The browser reconnects on its own and sends the last event id it saw, so the server can resume where it stopped.',
  'A WebSocket starts as an HTTP upgrade and then carries frames both ways. Text frames hold UTF-8, binary frames hold bytes, and either side can close with a code and a reason.',
  'Streaming the answer token by token lets the reader start before the model has finished. The time to the first token matters more to how fast it feels than the total time.',
];
const CITIES = ['Oslo', 'Lisbon', 'Nairobi', 'Osaka', 'Quito'];
const MODELS = { openai: 'gpt-4o-mini', anthropic: 'claude-sonnet-4-5', responses: 'gpt-4.1', vercel: 'gpt-4o' };

interface Answer {
  text: string[];
  reasoning: string[];
  /** A tool call's arguments in pieces, cut anywhere (inside strings too). */
  tool?: { name: string; args: string[] };
}

function answer(rng: Rng): Answer {
  const city = rng.pick(CITIES);
  const args = JSON.stringify({ city, unit: 'celsius' });
  const cuts = [0, rng.int(3, 9), rng.int(10, 18), rng.int(19, args.length - 2), args.length];
  return {
    text: chunkText(rng, rng.pick(ANSWERS)),
    reasoning: chunkText(rng, `The user asks about streams; ${city} weather may matter for the example.`),
    tool: rng.chance(0.7) ? { name: 'get_weather', args: cuts.slice(1).map((end, i) => args.slice(cuts[i], end)) } : undefined,
  };
}

/**
 * The time between two chunks, slowed to the demo's pace of about one event a second (`rate=20`
 * gives a real model's speed); now and then the model stalls for a few seconds.
 */
const tick = (ctx: FamilyContext) => ctx.wait(ctx.rng.chance(0.04) ? ctx.rng.int(2500, 4000) : ctx.rng.int(350, 850));
const json = (data: Record<string, unknown>, name?: string): Draft => ({ name, data });

function* openaiChat(ctx: FamilyContext, a: Answer): Generator<Draft, void> {
  const id = `chatcmpl-${ctx.rng.hex(10)}`;
  const chunk = (delta: Record<string, unknown>, finish: string | null = null, extra: Record<string, unknown> = {}) =>
    json({ id, object: 'chat.completion.chunk', created: Math.floor(Date.parse(ctx.iso()) / 1000), model: MODELS.openai, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }], ...extra });
  yield chunk({ role: 'assistant', content: '' });
  for (const t of a.text) {
    tick(ctx);
    yield chunk({ content: t });
  }
  if (a.tool) {
    tick(ctx);
    yield chunk({ tool_calls: [{ index: 0, id: `call_${ctx.rng.hex(8)}`, type: 'function', function: { name: a.tool.name, arguments: '' } }] });
    for (const piece of a.tool.args) {
      tick(ctx);
      yield chunk({ tool_calls: [{ index: 0, function: { arguments: piece } }] });
    }
  }
  tick(ctx);
  yield chunk({}, a.tool ? 'tool_calls' : 'stop');
  yield json({ id, object: 'chat.completion.chunk', model: MODELS.openai, choices: [], usage: { prompt_tokens: 24, completion_tokens: a.text.length + 6, total_tokens: 30 + a.text.length } });
  yield { data: {}, text: '[DONE]' };
}

function* anthropic(ctx: FamilyContext, a: Answer): Generator<Draft, void> {
  const ev = (type: string, rest: Record<string, unknown> = {}) => json({ type, ...rest }, type);
  yield ev('message_start', { message: { id: `msg_${ctx.rng.hex(12)}`, type: 'message', role: 'assistant', model: MODELS.anthropic, content: [], stop_reason: null, usage: { input_tokens: 31, output_tokens: 1 } } });
  yield ev('content_block_start', { index: 0, content_block: { type: 'thinking', thinking: '' } });
  for (const t of a.reasoning) {
    tick(ctx);
    yield ev('content_block_delta', { index: 0, delta: { type: 'thinking_delta', thinking: t } });
  }
  yield ev('content_block_delta', { index: 0, delta: { type: 'signature_delta', signature: ctx.rng.hex(16) } });
  yield ev('content_block_stop', { index: 0 });
  yield ev('content_block_start', { index: 1, content_block: { type: 'text', text: '' } });
  for (const t of a.text) {
    tick(ctx);
    yield ev('content_block_delta', { index: 1, delta: { type: 'text_delta', text: t } });
  }
  yield ev('content_block_stop', { index: 1 });
  yield ev('ping');
  if (a.tool) {
    yield ev('content_block_start', { index: 2, content_block: { type: 'tool_use', id: `toolu_${ctx.rng.hex(10)}`, name: a.tool.name, input: {} } });
    for (const piece of a.tool.args) {
      tick(ctx);
      yield ev('content_block_delta', { index: 2, delta: { type: 'input_json_delta', partial_json: piece } });
    }
    yield ev('content_block_stop', { index: 2 });
  }
  yield ev('message_delta', { delta: { stop_reason: a.tool ? 'tool_use' : 'end_turn', stop_sequence: null }, usage: { output_tokens: a.text.length + a.reasoning.length + 4 } });
  yield ev('message_stop');
}

function* responses(ctx: FamilyContext, a: Answer): Generator<Draft, void> {
  let n = 0;
  const ev = (type: string, rest: Record<string, unknown> = {}) => json({ type, sequence_number: n++, ...rest }, type);
  const id = `resp_${ctx.rng.hex(12)}`;
  const msg = `msg_${ctx.rng.hex(8)}`;
  yield ev('response.created', { response: { id, object: 'response', model: MODELS.responses, status: 'in_progress' } });
  yield ev('response.in_progress', { response: { id, object: 'response', model: MODELS.responses, status: 'in_progress' } });
  yield ev('response.output_item.added', { output_index: 0, item: { type: 'message', id: msg, role: 'assistant', content: [] } });
  for (const t of a.text) {
    tick(ctx);
    yield ev('response.output_text.delta', { item_id: msg, output_index: 0, content_index: 0, delta: t });
  }
  yield ev('response.output_text.done', { item_id: msg, output_index: 0, content_index: 0, text: a.text.join('') });
  yield ev('response.output_item.done', { output_index: 0, item: { type: 'message', id: msg } });
  if (a.tool) {
    const fc = `fc_${ctx.rng.hex(8)}`;
    yield ev('response.output_item.added', { output_index: 1, item: { type: 'function_call', id: fc, call_id: `call_${ctx.rng.hex(8)}`, name: a.tool.name, arguments: '' } });
    for (const piece of a.tool.args) {
      tick(ctx);
      yield ev('response.function_call_arguments.delta', { item_id: fc, output_index: 1, delta: piece });
    }
    yield ev('response.function_call_arguments.done', { item_id: fc, output_index: 1, arguments: a.tool.args.join('') });
  }
  const usage = { input_tokens: 28, output_tokens: a.text.length + 5, total_tokens: 33 + a.text.length };
  yield ev('response.completed', { response: { id, object: 'response', model: MODELS.responses, status: 'completed', usage } });
}

function* vercel(ctx: FamilyContext, a: Answer): Generator<Draft, void> {
  const part = (type: string, rest: Record<string, unknown> = {}) => json({ type, ...rest });
  yield part('start', { messageId: `msg-${ctx.rng.hex(8)}` });
  yield part('start-step');
  yield part('reasoning-start', { id: 'reasoning-0' });
  for (const t of a.reasoning) {
    tick(ctx);
    yield part('reasoning-delta', { id: 'reasoning-0', delta: t });
  }
  yield part('reasoning-end', { id: 'reasoning-0' });
  yield part('text-start', { id: 'text-0' });
  for (const t of a.text) {
    tick(ctx);
    yield part('text-delta', { id: 'text-0', delta: t });
  }
  yield part('text-end', { id: 'text-0' });
  if (a.tool) {
    const toolCallId = `call-${ctx.rng.hex(6)}`;
    yield part('tool-input-start', { toolCallId, toolName: a.tool.name });
    for (const piece of a.tool.args) {
      tick(ctx);
      yield part('tool-input-delta', { toolCallId, inputTextDelta: piece });
    }
    yield part('tool-input-available', { toolCallId, toolName: a.tool.name, input: JSON.parse(a.tool.args.join('')) });
    tick(ctx);
    yield part('tool-output-available', { toolCallId, output: { celsius: ctx.rng.int(-5, 28), sky: 'clear' } });
  }
  yield part('finish-step');
  yield part('finish', { finishReason: a.tool ? 'tool-calls' : 'stop' });
  yield { data: {}, text: '[DONE]' };
}

const APIS = [openaiChat, anthropic, responses, vercel];

/** LLM answers rotating through the four streaming APIs, a few seconds apart. */
export const llmAnswers: FamilyScript = function* (ctx) {
  for (let i = 0; ; i++) {
    if (i > 0) ctx.wait(ctx.rng.int(2000, 4000));
    yield* (APIS[i % APIS.length] ?? openaiChat)(ctx, answer(ctx.rng));
  }
};
