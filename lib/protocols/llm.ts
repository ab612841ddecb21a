import { ANTHROPIC, LLM_ERROR } from './llm-anthropic';
import { OPENAI_CHAT, OPENAI_RESPONSES, OPENAI_RESPONSES_OTHER } from './llm-openai';
import { VERCEL_DATA, VERCEL_UI } from './llm-vercel';
import { parseJson } from './parse';
import type { Decoded, Profile } from './spec';
import { isRecord } from './values';
import { UI_STREAM_HEADER, endsWithPath } from './where';

/** The message type of an LLM stream event: SSE name, else JSON `type`, else `object` (chat chunks). */
function llmType(name: string | undefined, payload: unknown): string {
  if (name !== undefined && name !== '' && name !== 'message') return name;
  if (isRecord(payload) && typeof payload.type === 'string' && payload.type !== '') return payload.type;
  if (isRecord(payload) && typeof payload.object === 'string' && payload.object !== '') return payload.object;
  return 'message';
}

const SURE: ReadonlySet<string> = new Set(['chat.completion.chunk', 'message_start', 'response.created', 'text-delta', 'start-step']);

/**
 * LLM answers streamed over SSE: OpenAI Chat Completions and Responses, Anthropic Messages, and
 * the Vercel AI SDK UI message stream. One family: the reducer assembles each response whichever
 * API it came from.
 */
export const llm: Profile = {
  family: 'llm',
  label: 'LLM stream',
  types: { ...OPENAI_CHAT, ...OPENAI_RESPONSES, ...ANTHROPIC, ...VERCEL_UI, error: LLM_ERROR },
  wildcards: { 'response.*': OPENAI_RESPONSES_OTHER, 'data-*': VERCEL_DATA },
  decode(ev): Decoded[] {
    if (ev.transport !== 'sse') return [];
    if (ev.data.trim() === '[DONE]') return [{ type: 'done', payload: null }];
    const { payload, error } = parseJson(ev.data);
    return [{ type: llmType(ev.name, payload), payload, ...(error !== undefined && { error }) }];
  },
  detect(ev, type, payload) {
    if (ev.transport !== 'sse') return 0;
    if (SURE.has(type)) return 0.95;
    if (type === 'done') return 0.5;
    if (type.startsWith('response.') || type.startsWith('content_block_')) return 0.9;
    return Object.hasOwn(llm.types, type) && isRecord(payload) && payload.type === type ? 0.4 : 0;
  },
  // The APIs' own paths (also behind proxies and Azure's `/openai/deployments/…`); only over HTTP.
  detectUrl(url) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return 0;
    if (endsWithPath(url, 'chat', 'completions') || endsWithPath(url, 'v1', 'responses')) return 0.7;
    return endsWithPath(url, 'v1', 'messages') ? 0.6 : 0;
  },
  // The AI SDK marks its UI message stream with a header of its own.
  detectHeader: (name, value) => (name === UI_STREAM_HEADER && value === 'v1' ? 0.95 : 0),
};
