import { z } from 'zod';
import { clip, count, id, line, quote } from './format';
import { Id } from './schemas';
import type { Profile, TypeSpec } from './spec';
import { isRecord, list, noRefs, refs } from './values';

/** The text the message's newest text part shows: what is being streamed right now. */
function latestText(parts: unknown[]): unknown {
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i];
    if (isRecord(part) && part.type === 'text') return part.text;
  }
  return undefined;
}

const TYPES: Record<string, TypeSpec> = {
  // Real servers send `properties: {}` with it; the docs assume nothing else.
  'server.connected': {
    schema: z.looseObject({ type: z.string(), properties: z.looseObject({}).optional() }),
    category: 'lifecycle',
    summary: () => 'server ready',
    entities: noRefs,
  },
  session_updated: {
    schema: z.looseObject({
      type: z.string(),
      session: z.looseObject({
        id: Id,
        title: z.string(),
        parentId: Id.optional(),
        agent: z.string().optional(),
        model: z.string().optional(),
      }),
    }),
    category: 'data',
    summary: (p) => {
      const s = p?.session;
      return line(
        `session ${id(s?.id)}`,
        quote(s?.title),
        s?.parentId !== undefined && `· child of ${id(s.parentId)}`,
        s?.agent !== undefined && `· ${clip(s.agent, 20)}`,
        s?.model !== undefined && `· ${clip(s.model, 30)}`,
      );
    },
    entities: (p) => refs(['session', p?.session?.id]),
  },
  message_updated: {
    schema: z.looseObject({
      type: z.string(),
      sessionId: Id,
      messageId: Id,
      role: z.enum(['user', 'assistant']).optional(),
      parts: z.array(z.looseObject({ type: z.enum(['text', 'tool']), text: z.string().optional(), tool: z.string().optional() })),
      status: z.enum(['streaming', 'complete']),
    }),
    category: 'data',
    summary: (p) => {
      const parts = list(p?.parts);
      const text = latestText(parts);
      return line(
        `message ${id(p?.messageId)} in ${id(p?.sessionId)}`,
        p?.role !== undefined && `· ${clip(p.role, 12)}`,
        `· ${clip(p?.status, 12)} · ${count(parts.length, 'part')}`,
        text !== undefined && quote(text, 40),
      );
    },
    entities: (p) => refs(['session', p?.sessionId], ['message', p?.messageId]),
  },
};

export const opencode: Profile = {
  family: 'opencode',
  label: 'OpenCode',
  types: TYPES,
  detect(ev, type) {
    // Unnamed SSE events whose JSON `type` is one of OpenCode's.
    const unnamed = ev.name === undefined || ev.name === 'message';
    return ev.transport === 'sse' && unnamed && Object.hasOwn(TYPES, type) ? 0.95 : 0;
  },
};
