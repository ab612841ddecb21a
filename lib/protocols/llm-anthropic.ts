import { z } from 'zod';
import { chunk, clip, id, line } from './format';
import { Count, Id } from './schemas';
import type { TypeSpec } from './spec';
import { noRefs, refs } from './values';

/* Anthropic Messages stream: named SSE events whose JSON repeats the name in `type`. */

const event = (shape: z.ZodRawShape) => z.looseObject({ type: z.string(), ...shape });
const Block = z.looseObject({ type: z.string() });
const Delta = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('text_delta'), text: z.string() }),
  z.looseObject({ type: z.literal('thinking_delta'), thinking: z.string() }),
  z.looseObject({ type: z.literal('signature_delta'), signature: z.string() }),
  z.looseObject({ type: z.literal('input_json_delta'), partial_json: z.string() }),
  z.looseObject({ type: z.literal('citations_delta') }),
]);

const delta: TypeSpec['summary'] = (p) => {
  const d = p?.delta;
  switch (d?.type) {
    case 'text_delta':
      return chunk(d.text);
    case 'thinking_delta':
      return `thinking ${chunk(d.thinking)}`;
    case 'input_json_delta':
      return `#${clip(p?.index, 4)} input ${chunk(d.partial_json)}`;
    default:
      return clip(d?.type, 30);
  }
};

export const ANTHROPIC: Record<string, TypeSpec> = {
  message_start: {
    schema: event({
      message: z.looseObject({ id: Id, model: z.string(), role: z.string(), usage: z.looseObject({ input_tokens: Count }).optional() }),
    }),
    category: 'lifecycle',
    summary: (p) => line(id(p?.message?.id), clip(p?.message?.model, 40), p?.message?.usage?.input_tokens !== undefined && `${clip(p.message.usage.input_tokens, 10)} in`),
    entities: (p) => refs(['response', p?.message?.id]),
  },
  content_block_start: {
    schema: event({ index: Count, content_block: Block }),
    category: 'data',
    summary: (p) => line(`#${clip(p?.index, 4)} ${clip(p?.content_block?.type, 24)}`, p?.content_block?.name !== undefined && id(p.content_block.name)),
    entities: (p) => refs(['tool_call', p?.content_block?.id]),
  },
  content_block_delta: { schema: event({ index: Count, delta: Delta }), category: 'data', summary: delta, entities: noRefs },
  content_block_stop: { schema: event({ index: Count }), category: 'data', summary: (p) => `#${clip(p?.index, 4)}`, entities: noRefs },
  message_delta: {
    schema: event({
      delta: z.looseObject({ stop_reason: z.string().nullable().optional() }),
      usage: z.looseObject({ output_tokens: Count }).optional(),
    }),
    category: 'data',
    summary: (p) => line(p?.delta?.stop_reason != null && `stop ${clip(p.delta.stop_reason, 24)}`, p?.usage?.output_tokens !== undefined && `${clip(p.usage.output_tokens, 10)} out`),
    entities: noRefs,
  },
  message_stop: { schema: event({}), category: 'lifecycle', summary: () => 'end of message', entities: noRefs },
  ping: { schema: event({}), category: 'heartbeat', summary: () => 'keep-alive', entities: noRefs },
};

/** `error` is Anthropic's `{error: {type, message}}`, the Responses API's `{message}` or the UI stream's `{errorText}`. */
export const LLM_ERROR: TypeSpec = {
  schema: z.union([
    event({ error: z.looseObject({ type: z.string(), message: z.string() }) }),
    event({ message: z.string() }),
    event({ errorText: z.string() }),
  ]),
  category: 'error',
  summary: (p) => line(p?.error?.type !== undefined && clip(p.error.type, 30), clip(p?.error?.message ?? p?.message ?? p?.errorText, 100)),
  entities: noRefs,
};
