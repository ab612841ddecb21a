import { z } from 'zod';
import { clip, id, line, preview, quote } from './format';
import { AnyObject, Id, Time } from './schemas';
import { nested, type Profile, type TypeSpec } from './spec';
import { isRecord, noRefs, refs } from './values';

/** Every server message: `{type, action?, data?, message?, timestamp}`. */
const envelope = (shape: z.ZodRawShape = {}) =>
  z.looseObject({
    type: z.string(),
    action: z.string().optional(),
    message: z.string().optional(),
    timestamp: Time,
    ...shape,
  });

/** A message whose fields sit in `data`; readers get `data`. */
const withData = (data: z.ZodType, spec: Omit<TypeSpec, 'schema'>): TypeSpec => nested('data', envelope({ data }), spec);

const TYPES: Record<string, TypeSpec> = {
  connection_ack: withData(z.looseObject({ user_id: Id }), {
    category: 'lifecycle',
    summary: (d) => `user ${id(d?.user_id)}`,
    entities: (d) => refs(['user', d?.user_id]),
  }),
  notification: withData(
    z.looseObject({ id: Id, title: z.string(), message: z.string(), level: z.string().optional() }),
    {
      category: 'notification',
      summary: (d) => line(d?.level !== undefined && `[${clip(d.level, 12)}]`, quote(d?.title, 40), clip(d?.message, 80)),
      entities: (d) => refs(['notification', d?.id]),
    },
  ),
  task_update: withData(z.looseObject({ task_id: Id, action: z.string() }), {
    category: 'data',
    summary: (d) => `task ${id(d?.task_id)} ${clip(d?.action, 20)}`,
    entities: (d) => refs(['task', d?.task_id]),
    isError: (d) => d?.action === 'failed',
  }),
  chat_message: withData(z.looseObject({ content: z.string(), agent: z.string() }), {
    category: 'data',
    summary: (d) => `${clip(d?.agent, 30)}: ${quote(d?.content, 70)}`,
    entities: (d) => refs(['agent', d?.agent]),
  }),
  system_announcement: {
    schema: envelope({ message: z.string(), data: z.looseObject({ message: z.string().optional() }).optional() }),
    category: 'notification',
    summary: (p) => quote(p?.message ?? p?.data?.message, 100),
    entities: noRefs,
  },
  pong: { schema: envelope(), category: 'heartbeat', summary: (p) => `at ${clip(p?.timestamp, 40)}`, entities: noRefs },
  // Sent by the client (`{"type":"ping"}`), so without the server's timestamp.
  ping: {
    schema: z.looseObject({ type: z.string(), timestamp: Time.optional() }),
    category: 'heartbeat',
    summary: () => 'keep-alive',
    entities: noRefs,
  },
};

export const notifications: Profile = {
  family: 'notifications',
  label: 'Notifications',
  types: TYPES,
  // Plugins add their own `*_update` types; any object in `data` is accepted.
  wildcards: {
    '*_update': {
      schema: envelope({ data: AnyObject }),
      category: 'data',
      summary: (p) => line(p?.action !== undefined && `${clip(p.action, 20)} ·`, preview(p?.data, 80)),
      entities: noRefs,
    },
  },
  detect(ev, type, payload) {
    if (ev.transport !== 'ws' || !isRecord(payload) || typeof payload.timestamp !== 'string') return 0;
    if (type === 'connection_ack') return 0.95;
    if (Object.hasOwn(TYPES, type)) return 0.8;
    return type.endsWith('_update') ? 0.5 : 0;
  },
};
