import type { TypedStreamEvent } from '../model/typed';
import { byType, type TypeHandler } from './by-type';
import { appendCapped, own, put, without, type Dict } from './immutable';
import { field, num, records, str } from './json';
import { record, type Traced } from './trace';

/** Responses kept per endpoint; older ones are dropped whole. */
export const RESPONSE_CAP = 50;
/** Characters kept of a response's text, reasoning or a tool call's arguments; the rest is counted as cut. */
export const TEXT_CAP = 200_000;

export type LlmApi = 'openai-chat' | 'openai-responses' | 'anthropic' | 'vercel-ui';

export interface LlmToolCall {
  /** Where the stream addresses it: `#index` (OpenAI, Anthropic) or the call id (UI stream). */
  key: string;
  id?: string;
  name?: string;
  /** The arguments as streamed, concatenated. */
  args: string;
  /** The arguments parsed once complete (or given whole by the stream). */
  input?: unknown;
  /** Why the complete arguments are not JSON. */
  inputError?: string;
  output?: unknown;
}

export interface LlmUsage {
  input?: number;
  output?: number;
}

/** One assembled answer. Times are receive times (ms since the epoch). */
export interface LlmResponse extends Traced {
  key: string;
  /** The API's own id (`chatcmpl-…`, `msg_…`, `resp_…`), when it sent one. */
  id?: string;
  api: LlmApi;
  model?: string;
  text: string;
  reasoning: string;
  tools: readonly LlmToolCall[];
  usage?: LlmUsage;
  stopReason?: string;
  error?: string;
  status: 'streaming' | 'complete' | 'failed';
  /** The response's first event. */
  startedAt: number;
  /** The first text, reasoning or tool-argument chunk. */
  firstTokenAt?: number;
  lastAt: number;
  endedAt?: number;
  /** Longest gap between two consecutive events of the response. */
  longestStall: number;
  /** Text, reasoning and argument chunks received. */
  deltas: number;
  /** Characters beyond TEXT_CAP that were not kept. */
  cut: number;
}

export interface LlmState {
  family: 'llm';
  responses: Dict<LlmResponse>;
  /** Keys, oldest first. */
  order: readonly string[];
  /** The response events without an id of their own belong to. */
  current?: string;
  /** Responses ever started (keys are `r1`, `r2`, …). */
  started: number;
}

export const emptyLlm = (): LlmState => ({ family: 'llm', responses: {}, order: [], started: 0 });

type Step = (r: LlmResponse, p: unknown, ev: TypedStreamEvent) => LlmResponse;

/** Appends up to TEXT_CAP characters in all; what does not fit is counted in `cut`. */
function appendCut(r: LlmResponse, have: string, add: string): { text: string; cut: number } {
  const room = Math.max(0, TEXT_CAP - have.length);
  return add.length <= room ? { text: have + add, cut: r.cut } : { text: have + add.slice(0, room), cut: r.cut + add.length - room };
}

function streamed(r: LlmResponse, ev: TypedStreamEvent): LlmResponse {
  return { ...r, deltas: r.deltas + 1, firstTokenAt: r.firstTokenAt ?? ev.time };
}

const addText = (r: LlmResponse, t: unknown, ev: TypedStreamEvent): LlmResponse => {
  if (typeof t !== 'string' || t === '') return r;
  const { text, cut } = appendCut(r, r.text, t);
  return streamed({ ...r, text, cut }, ev);
};

const addReasoning = (r: LlmResponse, t: unknown, ev: TypedStreamEvent): LlmResponse => {
  if (typeof t !== 'string' || t === '') return r;
  const { text, cut } = appendCut(r, r.reasoning, t);
  return streamed({ ...r, reasoning: text, cut }, ev);
};

function parsed(t: LlmToolCall): LlmToolCall {
  if (t.input !== undefined || t.args.trim() === '') return t;
  try {
    return { ...t, input: JSON.parse(t.args), inputError: undefined };
  } catch (e) {
    return { ...t, inputError: e instanceof Error ? e.message : String(e) };
  }
}

/** The tool call `key` changed by `change` (created first when new). */
function tool(r: LlmResponse, key: string, change: (t: LlmToolCall) => LlmToolCall): LlmResponse {
  const i = r.tools.findIndex((t) => t.key === key);
  const next = change(r.tools[i] ?? { key, args: '' });
  return { ...r, tools: i < 0 ? [...r.tools, next] : r.tools.map((t, k) => (k === i ? next : t)) };
}

const toolArgs = (r: LlmResponse, key: string, add: unknown, ev: TypedStreamEvent): LlmResponse => {
  if (typeof add !== 'string' || add === '') return r;
  let cut = r.cut;
  const next = tool(r, key, (t) => {
    const a = appendCut(r, t.args, add);
    cut = a.cut;
    return { ...t, args: a.text };
  });
  return streamed({ ...next, cut }, ev);
};

/** Optional fields set only when given, so a later event without them keeps what is known. */
const named = (t: LlmToolCall, id: unknown, name: unknown): LlmToolCall => ({ ...t, id: str(id) ?? t.id, name: str(name) ?? t.name });

function ended(r: LlmResponse, ev: TypedStreamEvent, status: LlmResponse['status'] = 'complete'): LlmResponse {
  if (r.status !== 'streaming' && status === 'complete') return r;
  return { ...r, status, endedAt: ev.time, tools: r.tools.map(parsed) };
}

const usage = (r: LlmResponse, input: unknown, output: unknown): LlmResponse => {
  const u = { input: num(input) ?? r.usage?.input, output: num(output) ?? r.usage?.output };
  return u.input === undefined && u.output === undefined ? r : { ...r, usage: u };
};

const blank = (key: string, api: LlmApi, id: string | undefined, ev: TypedStreamEvent): LlmResponse => ({
  key,
  id,
  api,
  text: '',
  reasoning: '',
  tools: [],
  status: 'streaming',
  startedAt: ev.time,
  lastAt: ev.time,
  longestStall: 0,
  deltas: 0,
  cut: 0,
  trace: { endpointId: ev.endpointId, seqs: [], invalidSeqs: [] },
});

/**
 * A handler that applies `step` to the response the event belongs to. `start` says the event
 * begins a response: with an id, only when it differs from the current response's (chat chunks
 * repeat theirs); `true`, always. An event with no response to go to starts one (a recording
 * that joined mid-answer).
 */
function on(api: LlmApi, step: Step, start?: (p: unknown) => string | true | undefined): TypeHandler<LlmState> {
  return (s, p, ev) => {
    const current = s.current === undefined ? undefined : own(s.responses, s.current);
    const begins = start?.(p);
    const fresh = current === undefined || begins === true || (begins !== undefined && current.id !== begins);
    let st = s;
    let r = current;
    if (fresh) {
      const key = `r${s.started + 1}`;
      r = blank(key, api, typeof begins === 'string' ? begins : undefined, ev);
      const order = appendCapped(s.order, key, RESPONSE_CAP);
      const gone = s.order.length === order.length ? s.order[0] : undefined;
      st = { ...s, order, current: key, started: s.started + 1, responses: gone === undefined ? s.responses : without(s.responses, gone) };
    }
    if (!r) return s;
    const next = step(r, p, ev);
    const timed: LlmResponse = {
      ...next,
      lastAt: ev.time,
      longestStall: Math.max(next.longestStall, fresh ? 0 : ev.time - r.lastAt),
      trace: record(r.trace, ev),
    };
    return { ...st, responses: put(st.responses, r.key, timed) };
  };
}

// --- OpenAI Chat Completions -------------------------------------------------------------
const chatChunk: Step = (r0, p, ev) => {
  let r: LlmResponse = { ...r0, model: str(field(p, 'model')) ?? r0.model };
  const u = field(p, 'usage');
  r = usage(r, field(u, 'prompt_tokens'), field(u, 'completion_tokens'));
  // Only the first choice is assembled (n > 1 is rare in streams that are watched).
  const choice = records(field(p, 'choices'))?.find((c) => field(c, 'index') === 0);
  const delta = field(choice, 'delta');
  r = addText(r, field(delta, 'content'), ev);
  r = addReasoning(r, field(delta, 'reasoning_content') ?? field(delta, 'reasoning'), ev);
  for (const call of records(field(delta, 'tool_calls')) ?? []) {
    const key = `#${num(field(call, 'index')) ?? 0}`;
    const fn = field(call, 'function');
    r = tool(r, key, (t) => named(t, field(call, 'id'), field(fn, 'name')));
    r = toolArgs(r, key, field(fn, 'arguments'), ev);
  }
  const finish = str(field(choice, 'finish_reason'));
  return finish === undefined ? r : ended({ ...r, stopReason: finish }, ev);
};

// --- OpenAI Responses ---------------------------------------------------------------------
const responseOf = (p: unknown): unknown => field(p, 'response');
const outputKey = (p: unknown): string => `#${num(field(p, 'output_index')) ?? 0}`;

const responsesItem: Step = (r, p) => {
  const item = field(p, 'item');
  if (field(item, 'type') !== 'function_call') return r;
  return tool(r, outputKey(p), (t) => named(t, field(item, 'call_id') ?? field(item, 'id'), field(item, 'name')));
};

const responsesDone =
  (status: LlmResponse['status']): Step =>
  (r, p, ev) => {
    const res = responseOf(p);
    const u = field(res, 'usage');
    const stop = str(field(field(res, 'incomplete_details'), 'reason')) ?? str(field(res, 'status'));
    const error = str(field(field(res, 'error'), 'message'));
    return ended({ ...usage(r, field(u, 'input_tokens'), field(u, 'output_tokens')), stopReason: stop ?? r.stopReason, error: error ?? r.error }, ev, status);
  };

// --- Anthropic Messages -------------------------------------------------------------------
const blockKey = (p: unknown): string => `#${num(field(p, 'index')) ?? 0}`;

const anthropicDelta: Step = (r, p, ev) => {
  const d = field(p, 'delta');
  switch (field(d, 'type')) {
    case 'text_delta':
      return addText(r, field(d, 'text'), ev);
    case 'thinking_delta':
      return addReasoning(r, field(d, 'thinking'), ev);
    case 'input_json_delta':
      return toolArgs(r, blockKey(p), field(d, 'partial_json'), ev);
    default:
      return r;
  }
};

const anthropicBlockStart: Step = (r, p, ev) => {
  const block = field(p, 'content_block');
  if (field(block, 'type') === 'tool_use') return tool(r, blockKey(p), (t) => named(t, field(block, 'id'), field(block, 'name')));
  return field(block, 'type') === 'thinking' ? addReasoning(r, field(block, 'thinking'), ev) : addText(r, field(block, 'text'), ev);
};

const anthropicBlockStop: Step = (r, p) => (r.tools.some((t) => t.key === blockKey(p)) ? tool(r, blockKey(p), parsed) : r);

// --- Vercel AI SDK UI message stream ------------------------------------------------------
const callKey = (p: unknown): string => str(field(p, 'toolCallId')) ?? '?';

const failed = (message: unknown): Step => (r, _p, ev) => ended({ ...r, error: str(message) ?? 'error' }, ev, 'failed');

/** The API an event of an ambiguous type came from: the current response's, else the UI stream's. */
const errorStep: TypeHandler<LlmState> = (s, p, ev, type) => {
  const api = (s.current !== undefined && own(s.responses, s.current)?.api) || 'vercel-ui';
  const message = field(field(p, 'error'), 'message') ?? field(p, 'message') ?? field(p, 'errorText');
  return on(api, failed(message))(s, p, ev, type);
};

const id = (path: (p: unknown) => unknown) => (p: unknown) => str(path(p));

export const reduceLlm = byType<LlmState>(
  {
    'chat.completion.chunk': on('openai-chat', chatChunk, id((p) => field(p, 'id'))),
    done: (s, p, ev, type) => (s.current === undefined ? s : on('openai-chat', (r) => ended(r, ev))(s, p, ev, type)),

    'response.created': on('openai-responses', (r, p) => ({ ...r, model: str(field(responseOf(p), 'model')) ?? r.model }), id((p) => field(responseOf(p), 'id'))),
    'response.output_item.added': on('openai-responses', responsesItem),
    'response.output_text.delta': on('openai-responses', (r, p, ev) => addText(r, field(p, 'delta'), ev)),
    'response.function_call_arguments.delta': on('openai-responses', (r, p, ev) => toolArgs(r, outputKey(p), field(p, 'delta'), ev)),
    'response.function_call_arguments.done': on('openai-responses', (r, p) => {
      const args = str(field(p, 'arguments'));
      return args === undefined ? r : tool(r, outputKey(p), (t) => parsed({ ...t, args, input: undefined }));
    }),
    'response.completed': on('openai-responses', responsesDone('complete')),
    'response.incomplete': on('openai-responses', responsesDone('complete')),
    'response.failed': on('openai-responses', responsesDone('failed')),

    message_start: on('anthropic', (r, p) => {
      const m = field(p, 'message');
      return { ...usage(r, field(field(m, 'usage'), 'input_tokens'), undefined), model: str(field(m, 'model')) ?? r.model };
    }, id((p) => field(field(p, 'message'), 'id'))),
    content_block_start: on('anthropic', anthropicBlockStart),
    content_block_delta: on('anthropic', anthropicDelta),
    content_block_stop: on('anthropic', anthropicBlockStop),
    message_delta: on('anthropic', (r, p) => {
      const stop = str(field(field(p, 'delta'), 'stop_reason'));
      return { ...usage(r, undefined, field(field(p, 'usage'), 'output_tokens')), stopReason: stop ?? r.stopReason };
    }),
    message_stop: on('anthropic', (r, _p, ev) => ended(r, ev)),

    start: on('vercel-ui', (r) => r, (p) => str(field(p, 'messageId')) ?? true),
    'text-delta': on('vercel-ui', (r, p, ev) => addText(r, field(p, 'delta'), ev)),
    'reasoning-delta': on('vercel-ui', (r, p, ev) => addReasoning(r, field(p, 'delta'), ev)),
    'tool-input-start': on('vercel-ui', (r, p) => tool(r, callKey(p), (t) => named(t, field(p, 'toolCallId'), field(p, 'toolName')))),
    'tool-input-delta': on('vercel-ui', (r, p, ev) => toolArgs(r, callKey(p), field(p, 'inputTextDelta'), ev)),
    'tool-input-available': on('vercel-ui', (r, p) =>
      tool(r, callKey(p), (t) => ({ ...named(t, field(p, 'toolCallId'), field(p, 'toolName')), input: field(p, 'input'), inputError: undefined })),
    ),
    'tool-output-available': on('vercel-ui', (r, p) => tool(r, callKey(p), (t) => ({ ...t, output: field(p, 'output') }))),
    finish: on('vercel-ui', (r, p, ev) => ended({ ...r, stopReason: str(field(p, 'finishReason')) ?? r.stopReason }, ev)),
    abort: on('vercel-ui', failed('aborted')),
    error: errorStep,
  },
  {
    // Reasoning summaries and reasoning text of the Responses API.
    rest: (s, p, ev, type) =>
      type.startsWith('response.reasoning') && type.endsWith('.delta') ? on('openai-responses', (r) => addReasoning(r, field(p, 'delta'), ev))(s, p, ev, type) : s,
  },
);

/** Responses newest first. */
export const responseList = (s: LlmState): LlmResponse[] => s.order.flatMap((k) => own(s.responses, k) ?? []).reverse();

/** Output tokens per second from the first token to the end (or the latest chunk): usage when sent, else chunks. */
export function tokensPerSecond(r: LlmResponse): { rate: number; estimated: boolean } | undefined {
  if (r.firstTokenAt === undefined) return undefined;
  const seconds = ((r.endedAt ?? r.lastAt) - r.firstTokenAt) / 1000;
  if (seconds <= 0) return undefined;
  const tokens = r.usage?.output;
  return tokens === undefined ? { rate: r.deltas / seconds, estimated: true } : { rate: tokens / seconds, estimated: false };
}

export const timeToFirstToken = (r: LlmResponse): number | undefined => (r.firstTokenAt === undefined ? undefined : r.firstTokenAt - r.startedAt);

