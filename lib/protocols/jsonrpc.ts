import { z } from 'zod';
import { clip, id, line, preview } from './format';
import { parseJson } from './parse';
import type { Decoded, Profile, TypeSpec } from './spec';
import { isRecord, refs } from './values';
import { endsWithPath, hasPath } from './where';

/*
 * JSON-RPC 2.0, also as MCP speaks it (over SSE as `event: message`, or a WebSocket): requests,
 * notifications, results and errors; a batch (a JSON array) is several messages in one frame.
 */

const RpcId = z.union([z.string(), z.number().int()]);
const base = { jsonrpc: z.literal('2.0') };

/** The kind of one JSON-RPC message. */
function kind(m: unknown): string {
  if (!isRecord(m)) return 'message';
  if (typeof m.method === 'string') return m.id === undefined ? 'notification' : 'request';
  if (m.error !== undefined) return 'error';
  return m.result !== undefined ? 'result' : 'message';
}

/** MCP's `tools/call` names the tool: `tools/call get_weather`. */
const method = (p: any): string => line(clip(p?.method, 50), p?.method === 'tools/call' && id(p?.params?.name)); // eslint-disable-line @typescript-eslint/no-explicit-any
const rpcRef: TypeSpec['entities'] = (p) => refs(['request', p?.id]);

const TYPES: Record<string, TypeSpec> = {
  request: {
    schema: z.looseObject({ ...base, id: RpcId, method: z.string().min(1), params: z.unknown().optional() }),
    category: 'data',
    summary: (p) => line(`#${clip(p?.id, 20)}`, method(p), p?.params !== undefined && preview(p.params, 60)),
    entities: rpcRef,
  },
  notification: {
    schema: z.looseObject({ ...base, method: z.string().min(1), params: z.unknown().optional() }),
    category: 'data',
    summary: (p) => line(method(p), p?.params !== undefined && preview(p.params, 70)),
    entities: (p) => refs(['request', p?.params?.progressToken]),
  },
  result: {
    schema: z.looseObject({ ...base, id: RpcId, result: z.unknown() }),
    category: 'data',
    summary: (p) => `#${clip(p?.id, 20)} → ${preview(p?.result, 70)}`,
    entities: rpcRef,
  },
  error: {
    schema: z.looseObject({ ...base, id: RpcId.nullable(), error: z.looseObject({ code: z.number().int(), message: z.string() }) }),
    category: 'error',
    summary: (p) => line(`#${clip(p?.id, 20)}`, clip(p?.error?.code, 10), clip(p?.error?.message, 80)),
    entities: rpcRef,
  },
};

export const jsonrpc: Profile = {
  family: 'jsonrpc',
  label: 'JSON-RPC / MCP',
  types: TYPES,
  decode(ev): Decoded[] {
    if (ev.transport === 'ws' && ev.opcode === 2) return [];
    const { payload, error } = parseJson(ev.data);
    if (error !== undefined) return [];
    return Array.isArray(payload) && payload.length > 0 ? payload.map((m) => ({ type: kind(m), payload: m })) : [{ type: kind(payload), payload }];
  },
  detect: (_ev, type, payload) => (isRecord(payload) && payload.jsonrpc === '2.0' ? (type === 'message' ? 0.5 : 0.95) : 0),
  // MCP's endpoint (`/mcp`, and `/sse` of its older HTTP+SSE transport: a common word, so weak).
  detectUrl(url, contentType) {
    if (contentType === 'application/json-rpc') return 0.7;
    return hasPath(url, 'mcp') ? 0.6 : endsWithPath(url, 'sse') ? 0.3 : 0;
  },
};
