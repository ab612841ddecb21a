import { z } from 'zod';
import { chunk, clip, count, id, line } from './format';
import { Count, Id } from './schemas';
import type { TypeSpec } from './spec';
import { isRecord, list, noRefs, refs } from './values';

/*
 * OpenAI streams. Chat Completions: unnamed SSE events, each a `chat.completion.chunk`, ended by
 * `data: [DONE]`. Responses API: named events whose JSON repeats the name in `type`.
 */

const ToolCallDelta = z.looseObject({
  index: Count,
  id: z.string().optional(),
  function: z.looseObject({ name: z.string().optional(), arguments: z.string().optional() }).optional(),
});

const Choice = z.looseObject({
  index: Count,
  delta: z.looseObject({
    role: z.string().optional(),
    content: z.string().nullable().optional(),
    reasoning_content: z.string().nullable().optional(),
    tool_calls: z.array(ToolCallDelta).optional(),
  }),
  finish_reason: z.string().nullable().optional(),
});

/** What one chunk's first choice adds: text, a tool call's arguments, a finish reason, usage. */
const chatChunk: TypeSpec['summary'] = (p) => {
  const c: any = list(p?.choices)[0]; // eslint-disable-line @typescript-eslint/no-explicit-any
  const d = c?.delta;
  const tool: any = list(d?.tool_calls)[0]; // eslint-disable-line @typescript-eslint/no-explicit-any
  return line(
    typeof d?.role === 'string' && `${clip(p?.model, 40)} ${clip(d.role, 12)}`,
    typeof d?.content === 'string' && d.content !== '' && chunk(d.content),
    typeof d?.reasoning_content === 'string' && `reasoning ${chunk(d.reasoning_content)}`,
    tool !== undefined && line(`tool #${clip(tool?.index, 4)}`, tool?.function?.name !== undefined && id(tool.function.name), typeof tool?.function?.arguments === 'string' && `args ${chunk(tool.function.arguments)}`),
    typeof c?.finish_reason === 'string' && `finish ${clip(c.finish_reason, 20)}`,
    isRecord(p?.usage) && `usage ${clip(p.usage.prompt_tokens, 10)} in / ${clip(p.usage.completion_tokens, 10)} out`,
  );
};

export const OPENAI_CHAT: Record<string, TypeSpec> = {
  'chat.completion.chunk': {
    schema: z.looseObject({
      id: Id,
      object: z.literal('chat.completion.chunk'),
      model: z.string(),
      choices: z.array(Choice),
      usage: z.looseObject({ prompt_tokens: Count, completion_tokens: Count }).nullable().optional(),
    }),
    category: 'data',
    summary: (p, ev) => chatChunk(p, ev) || count(list(p?.choices).length, 'choice'),
    entities: (p) => refs(['response', p?.id]),
  },
  // `data: [DONE]` after the last chunk (Chat Completions and the Vercel UI message stream).
  done: { schema: z.null(), category: 'lifecycle', summary: () => 'end of stream', entities: noRefs },
};

const Usage = z.looseObject({ input_tokens: Count, output_tokens: Count });
const ResponseObject = (extra: z.ZodRawShape = {}) => z.looseObject({ id: Id, model: z.string().optional(), status: z.string().optional(), ...extra });
const event = (shape: z.ZodRawShape) => z.looseObject({ type: z.string(), sequence_number: Count.optional(), ...shape });
const Item = z.looseObject({ type: z.string(), id: z.string().optional() });

const responseRef: TypeSpec['entities'] = (p) => refs(['response', p?.response?.id]);
const itemRef: TypeSpec['entities'] = (p) => refs(['response', p?.item_id]);

export const OPENAI_RESPONSES: Record<string, TypeSpec> = {
  'response.created': {
    schema: event({ response: ResponseObject() }),
    category: 'lifecycle',
    summary: (p) => line(id(p?.response?.id), p?.response?.model !== undefined && clip(p.response.model, 40)),
    entities: responseRef,
  },
  'response.output_item.added': {
    schema: event({ output_index: Count, item: Item }),
    category: 'data',
    summary: (p) => line(`#${clip(p?.output_index, 4)} ${clip(p?.item?.type, 24)}`, p?.item?.name !== undefined && id(p.item.name)),
    entities: noRefs,
  },
  'response.output_item.done': {
    schema: event({ output_index: Count, item: Item }),
    category: 'data',
    summary: (p) => line(`#${clip(p?.output_index, 4)} ${clip(p?.item?.type, 24)} done`, p?.item?.name !== undefined && id(p.item.name)),
    entities: noRefs,
  },
  'response.output_text.delta': {
    schema: event({ item_id: z.string(), output_index: Count, delta: z.string() }),
    category: 'data',
    summary: (p) => chunk(p?.delta),
    entities: itemRef,
  },
  'response.output_text.done': {
    schema: event({ item_id: z.string(), output_index: Count, text: z.string() }),
    category: 'data',
    summary: (p) => `${count(typeof p?.text === 'string' ? p.text.length : undefined, 'char')} total`,
    entities: itemRef,
  },
  'response.function_call_arguments.delta': {
    schema: event({ item_id: z.string(), output_index: Count, delta: z.string() }),
    category: 'data',
    summary: (p) => `#${clip(p?.output_index, 4)} args ${chunk(p?.delta)}`,
    entities: itemRef,
  },
  'response.function_call_arguments.done': {
    schema: event({ item_id: z.string(), output_index: Count, arguments: z.string() }),
    category: 'data',
    summary: (p) => `#${clip(p?.output_index, 4)} args ${clip(p?.arguments, 60)}`,
    entities: itemRef,
  },
  'response.completed': {
    schema: event({ response: ResponseObject({ usage: Usage }) }),
    category: 'lifecycle',
    summary: (p) => line(id(p?.response?.id), `usage ${clip(p?.response?.usage?.input_tokens, 10)} in / ${clip(p?.response?.usage?.output_tokens, 10)} out`),
    entities: responseRef,
  },
  'response.failed': {
    schema: event({ response: ResponseObject({ error: z.looseObject({ message: z.string() }).nullable() }) }),
    category: 'error',
    summary: (p) => line(id(p?.response?.id), clip(p?.response?.error?.message, 80)),
    entities: responseRef,
  },
  'response.incomplete': {
    schema: event({ response: ResponseObject() }),
    category: 'error',
    summary: (p) => line(id(p?.response?.id), clip(p?.response?.incomplete_details?.reason, 40)),
    entities: responseRef,
  },
};

/** Every other Responses event (`response.in_progress`, `response.content_part.added`, reasoning summaries …). */
export const OPENAI_RESPONSES_OTHER: TypeSpec = {
  schema: event({}),
  category: 'data',
  summary: (p) =>
    typeof p?.delta === 'string'
      ? chunk(p.delta)
      : line(p?.item_id !== undefined && id(p.item_id), p?.output_index !== undefined && `#${clip(p.output_index, 4)}`, p?.response?.status !== undefined && clip(p.response.status, 24)) ||
        clip(p?.type, 48),
  entities: itemRef,
};
