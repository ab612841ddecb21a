import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../../lib/model/event';
import type { TypedStreamEvent } from '../../../lib/model/typed';
import { typeEvent } from '../../../lib/protocols';
import { emptyLlm, reduceLlm, responseList, RESPONSE_CAP, timeToFirstToken, tokensPerSecond, type LlmState } from '../../../lib/state/llm';

/** SSE frames as a server writes them, received 100 ms apart unless a time is given. */
function stream(blocks: Array<{ name?: string; data: string; at?: number }>): TypedStreamEvent[] {
  let time = 1_000_000;
  return blocks.map((b, i) => {
    time = b.at ?? time + 100;
    const ev: StreamEvent = { endpointId: 'llm', seq: i + 1, time, dir: 'in', transport: 'sse', name: b.name, data: b.data, size: b.data.length };
    return { ...ev, typed: typeEvent(ev, 'llm') };
  });
}

const fold = (events: TypedStreamEvent[], s: LlmState = emptyLlm()): LlmState => events.reduce(reduceLlm, s);
const json = (v: unknown) => JSON.stringify(v);
const chat = (delta: unknown, finish: string | null = null) =>
  ({ data: json({ id: 'chatcmpl-1', object: 'chat.completion.chunk', model: 'gpt-4o-mini', choices: [{ index: 0, delta, finish_reason: finish }] }) });
const anthropic = (type: string, rest: object) => ({ name: type, data: json({ type, ...rest }) });
const part = (type: string, rest: object = {}) => ({ data: json({ type, ...rest }) });

describe('LLM streams assembled', () => {
  it('OpenAI Chat Completions: text, a tool call split across chunks, usage, [DONE]', () => {
    const events = stream([
      chat({ role: 'assistant', content: '' }),
      chat({ content: 'Let me ' }),
      chat({ content: 'check.' }),
      chat({ tool_calls: [{ index: 0, id: 'call_9', type: 'function', function: { name: 'get_weather', arguments: '' } }] }),
      chat({ tool_calls: [{ index: 0, function: { arguments: '{"ci' } }] }),
      { ...chat({ tool_calls: [{ index: 0, function: { arguments: 'ty":"Os' } }] }), at: 1_002_000 },
      chat({ tool_calls: [{ index: 0, function: { arguments: 'lo"}' } }] }),
      chat({}, 'tool_calls'),
      { data: json({ id: 'chatcmpl-1', object: 'chat.completion.chunk', model: 'gpt-4o-mini', choices: [], usage: { prompt_tokens: 30, completion_tokens: 18, total_tokens: 48 } }) },
      { data: '[DONE]' },
    ]);
    expect(events.map((e) => e.typed.issues)).toEqual(events.map(() => []));
    const [r] = responseList(fold(events));
    expect(r).toMatchObject({
      id: 'chatcmpl-1',
      api: 'openai-chat',
      model: 'gpt-4o-mini',
      text: 'Let me check.',
      stopReason: 'tool_calls',
      status: 'complete',
      usage: { input: 30, output: 18 },
    });
    expect(r?.tools).toEqual([{ key: '#0', id: 'call_9', name: 'get_weather', args: '{"city":"Oslo"}', input: { city: 'Oslo' } }]);
    // First token at the second chunk; the stall is the 2 s pause before the third argument piece.
    expect(timeToFirstToken(r!)).toBe(100);
    expect(r?.longestStall).toBe(2_000 - 500);
    expect(tokensPerSecond(r!)?.estimated).toBe(false);
    expect(events.at(-1)?.typed).toMatchObject({ type: 'done', known: true, category: 'lifecycle' });
  });

  it('Anthropic Messages: thinking, text, tool input JSON deltas, stop reason and usage', () => {
    const events = stream([
      anthropic('message_start', { message: { id: 'msg_1', type: 'message', role: 'assistant', model: 'claude-sonnet-4-5', content: [], usage: { input_tokens: 42, output_tokens: 1 } } }),
      anthropic('content_block_start', { index: 0, content_block: { type: 'thinking', thinking: '' } }),
      anthropic('content_block_delta', { index: 0, delta: { type: 'thinking_delta', thinking: 'The user wants ' } }),
      anthropic('content_block_delta', { index: 0, delta: { type: 'thinking_delta', thinking: 'the weather.' } }),
      anthropic('content_block_delta', { index: 0, delta: { type: 'signature_delta', signature: 'EqQB' } }),
      anthropic('content_block_stop', { index: 0 }),
      anthropic('content_block_start', { index: 1, content_block: { type: 'text', text: '' } }),
      anthropic('content_block_delta', { index: 1, delta: { type: 'text_delta', text: 'Checking Oslo.' } }),
      anthropic('content_block_stop', { index: 1 }),
      anthropic('ping', {}),
      anthropic('content_block_start', { index: 2, content_block: { type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: {} } }),
      anthropic('content_block_delta', { index: 2, delta: { type: 'input_json_delta', partial_json: '' } }),
      anthropic('content_block_delta', { index: 2, delta: { type: 'input_json_delta', partial_json: '{"city": "Os' } }),
      anthropic('content_block_delta', { index: 2, delta: { type: 'input_json_delta', partial_json: 'lo", "unit": "c"}' } }),
      anthropic('content_block_stop', { index: 2 }),
      anthropic('message_delta', { delta: { stop_reason: 'tool_use', stop_sequence: null }, usage: { output_tokens: 57 } }),
      anthropic('message_stop', {}),
    ]);
    expect(events.every((e) => e.typed.known && e.typed.issues.length === 0)).toBe(true);
    const [r] = responseList(fold(events));
    expect(r).toMatchObject({
      id: 'msg_1',
      api: 'anthropic',
      model: 'claude-sonnet-4-5',
      reasoning: 'The user wants the weather.',
      text: 'Checking Oslo.',
      stopReason: 'tool_use',
      status: 'complete',
      usage: { input: 42, output: 57 },
    });
    expect(r?.tools).toEqual([{ key: '#2', id: 'toolu_1', name: 'get_weather', args: '{"city": "Oslo", "unit": "c"}', input: { city: 'Oslo', unit: 'c' } }]);
    expect(events[2]?.typed.summary).toBe('content_block_delta  thinking +15 chars "The user wants"');
  });

  it('OpenAI Responses: text deltas, function call arguments, completion with usage', () => {
    const ev = (type: string, rest: object) => ({ name: type, data: json({ type, ...rest }) });
    const events = stream([
      ev('response.created', { sequence_number: 0, response: { id: 'resp_1', model: 'gpt-4.1', status: 'in_progress' } }),
      ev('response.output_item.added', { output_index: 0, item: { type: 'message', id: 'msg_1' } }),
      ev('response.output_text.delta', { item_id: 'msg_1', output_index: 0, delta: 'Sure' }),
      ev('response.reasoning_summary_text.delta', { item_id: 'rs_1', output_index: 0, delta: 'Plan' }),
      ev('response.output_item.added', { output_index: 1, item: { type: 'function_call', id: 'fc_1', call_id: 'call_1', name: 'lookup', arguments: '' } }),
      ev('response.function_call_arguments.delta', { item_id: 'fc_1', output_index: 1, delta: '{"q":' }),
      ev('response.function_call_arguments.delta', { item_id: 'fc_1', output_index: 1, delta: '"x"}' }),
      ev('response.function_call_arguments.done', { item_id: 'fc_1', output_index: 1, arguments: '{"q":"x"}' }),
      ev('response.completed', { response: { id: 'resp_1', model: 'gpt-4.1', status: 'completed', usage: { input_tokens: 9, output_tokens: 4 } } }),
    ]);
    const [r] = responseList(fold(events));
    expect(r).toMatchObject({ id: 'resp_1', api: 'openai-responses', text: 'Sure', reasoning: 'Plan', status: 'complete', stopReason: 'completed', usage: { input: 9, output: 4 } });
    expect(r?.tools).toEqual([{ key: '#1', id: 'call_1', name: 'lookup', args: '{"q":"x"}', input: { q: 'x' } }]);
  });

  it('AI SDK UI message stream: parts, tool input and output, finish, [DONE]; an error fails the response', () => {
    const events = stream([
      part('start', { messageId: 'm-1' }),
      part('start-step'),
      part('reasoning-start', { id: 'r' }),
      part('reasoning-delta', { id: 'r', delta: 'Hmm' }),
      part('text-start', { id: 't' }),
      part('text-delta', { id: 't', delta: 'Hello ' }),
      part('text-delta', { id: 't', delta: 'world' }),
      part('tool-input-start', { toolCallId: 'c1', toolName: 'getWeather' }),
      part('tool-input-delta', { toolCallId: 'c1', inputTextDelta: '{"city":"Oslo"}' }),
      part('tool-input-available', { toolCallId: 'c1', toolName: 'getWeather', input: { city: 'Oslo' } }),
      part('tool-output-available', { toolCallId: 'c1', output: { celsius: 4 } }),
      part('finish', { finishReason: 'stop' }),
      { data: '[DONE]' },
      part('start', { messageId: 'm-2' }),
      part('error', { errorText: 'Rate limit reached' }),
    ]);
    const [second, first] = responseList(fold(events));
    expect(first).toMatchObject({ id: 'm-1', api: 'vercel-ui', text: 'Hello world', reasoning: 'Hmm', status: 'complete', stopReason: 'stop' });
    expect(first?.tools).toEqual([{ key: 'c1', id: 'c1', name: 'getWeather', args: '{"city":"Oslo"}', input: { city: 'Oslo' }, output: { celsius: 4 } }]);
    expect(second).toMatchObject({ id: 'm-2', status: 'failed', error: 'Rate limit reached' });
    expect(events.at(-1)?.typed.category).toBe('error');
  });

  it('keeps broken tool arguments with the reason, and joins a stream mid-answer', () => {
    const events = stream([
      chat({ content: 'late join' }),
      chat({ tool_calls: [{ index: 0, id: 'c', function: { name: 'f', arguments: '{"a":' } }] }),
      chat({}, 'tool_calls'),
    ]);
    const [r] = responseList(fold(events));
    expect(r?.text).toBe('late join');
    expect(r?.tools[0]?.input).toBeUndefined();
    expect(r?.tools[0]?.inputError).toMatch(/JSON/);
  });

  it('keeps at most RESPONSE_CAP responses, dropping the oldest, and is pure', () => {
    const blocks = Array.from({ length: RESPONSE_CAP + 5 }, (_, i) => anthropic('message_start', { message: { id: `msg_${i}`, role: 'assistant', model: 'm' } }));
    const events = stream(blocks);
    const s = fold(events);
    expect(s.order).toHaveLength(RESPONSE_CAP);
    expect(Object.keys(s.responses)).toHaveLength(RESPONSE_CAP);
    expect(responseList(s)[0]?.id).toBe(`msg_${RESPONSE_CAP + 4}`);
    const before = JSON.stringify(s);
    reduceLlm(s, events[0]!);
    expect(JSON.stringify(s)).toBe(before);
  });
});
