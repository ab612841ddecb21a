import { z } from 'zod';
import { chunk, clip, id, line, preview } from './format';
import type { TypeSpec } from './spec';
import { noRefs, refs } from './values';

/* Vercel AI SDK UI message stream (`x-vercel-ai-ui-message-stream: v1`): unnamed SSE events, JSON typed by `type`. */

const part = (shape: z.ZodRawShape) => z.looseObject({ type: z.string(), ...shape });
const tool: TypeSpec['entities'] = (p) => refs(['tool_call', p?.toolCallId]);
const plain = (summary: TypeSpec['summary'], shape: z.ZodRawShape = {}): TypeSpec => ({ schema: part(shape), category: 'data', summary, entities: noRefs });
const marker = (what: string): TypeSpec => ({ schema: part({}), category: 'lifecycle', summary: () => what, entities: noRefs });

export const VERCEL_UI: Record<string, TypeSpec> = {
  start: {
    schema: part({ messageId: z.string().optional() }),
    category: 'lifecycle',
    summary: (p) => (p?.messageId !== undefined ? `message ${id(p.messageId)}` : 'message'),
    entities: (p) => refs(['response', p?.messageId]),
  },
  'start-step': marker('step'),
  'finish-step': marker('step done'),
  'text-start': plain((p) => `text ${id(p?.id)}`, { id: z.string() }),
  'text-delta': plain((p) => chunk(p?.delta), { id: z.string(), delta: z.string() }),
  'text-end': plain((p) => `text ${id(p?.id)} done`, { id: z.string() }),
  'reasoning-start': plain((p) => `reasoning ${id(p?.id)}`, { id: z.string() }),
  'reasoning-delta': plain((p) => `reasoning ${chunk(p?.delta)}`, { id: z.string(), delta: z.string() }),
  'reasoning-end': plain((p) => `reasoning ${id(p?.id)} done`, { id: z.string() }),
  'tool-input-start': {
    schema: part({ toolCallId: z.string(), toolName: z.string() }),
    category: 'data',
    summary: (p) => `${id(p?.toolName)} ${id(p?.toolCallId)}`,
    entities: tool,
  },
  'tool-input-delta': {
    schema: part({ toolCallId: z.string(), inputTextDelta: z.string() }),
    category: 'data',
    summary: (p) => `${id(p?.toolCallId)} input ${chunk(p?.inputTextDelta)}`,
    entities: tool,
  },
  'tool-input-available': {
    schema: part({ toolCallId: z.string(), toolName: z.string(), input: z.unknown() }),
    category: 'data',
    summary: (p) => `${id(p?.toolName)}(${preview(p?.input, 60)})`,
    entities: tool,
  },
  'tool-output-available': {
    schema: part({ toolCallId: z.string(), output: z.unknown() }),
    category: 'data',
    summary: (p) => `${id(p?.toolCallId)} → ${preview(p?.output, 60)}`,
    entities: tool,
  },
  finish: {
    schema: part({ finishReason: z.string().optional() }),
    category: 'lifecycle',
    summary: (p) => line('finished', p?.finishReason !== undefined && clip(p.finishReason, 24)),
    entities: noRefs,
  },
  abort: marker('aborted'),
};

/** The app's own `data-*` parts. */
export const VERCEL_DATA: TypeSpec = plain((p) => preview(p?.data, 80), { data: z.unknown() });
