import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../../lib/model/event';
import { detectFamily } from '../../../lib/protocols';
import { frame, sse, unnamed, ws } from '../../fixtures/protocols/build';
import { FIXTURES } from '../../fixtures/protocols';

const TIME = '2024-05-01T10:00:00Z';

describe('detectFamily', () => {
  it('recognises a Kanban board from hello + state', () => {
    const events = [sse('hello', { serverTime: TIME }), FIXTURES.kanban.state!.valid[0]!];
    expect(detectFamily(events.slice(0, 1))).toBeUndefined();
    expect(detectFamily(events)?.family).toBe('kanban');
  });

  it('recognises the Kanban dashboard', () => {
    expect(detectFamily([sse('hello', { serverTime: TIME }), FIXTURES.kanban.dashboard_overview!.valid[0]!])?.family).toBe('kanban');
  });

  it('recognises plans from plan.* names', () => {
    expect(detectFamily([FIXTURES.plans['plan.created']!.valid[0]!])).toMatchObject({ family: 'plans' });
  });

  it('recognises OpenCode from its unnamed typed events', () => {
    const r = detectFamily([unnamed({ type: 'server.connected' })]);
    expect(r?.family).toBe('opencode');
    expect(r?.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('recognises OfficePlane dashboard frames and job, team and hook streams', () => {
    expect(detectFamily([ws({ type: 'instance_update', payload: { id: 'i', state: 'opened' } })])?.family).toBe('officeplane');
    expect(detectFamily([sse('start', { job_id: 'j' })])).toBeUndefined();
    expect(detectFamily([sse('start', { job_id: 'j' }), sse('delta', { text: 'a' })])?.family).toBe('officeplane');
    expect(detectFamily([sse('team_started', { num_teammates: 2 })])?.family).toBe('officeplane');
    expect(detectFamily([sse('hook_triggered', { hook_id: 'h', document_id: 'd' })])?.family).toBe('officeplane');
  });

  it('recognises notifications from connection_ack, and tells their task_update from OfficePlane’s', () => {
    expect(detectFamily([FIXTURES.notifications.connection_ack!.valid[0]!])?.family).toBe('notifications');
    const note = ws({ type: 'task_update', action: 'created', data: { task_id: 't', action: 'created' }, timestamp: TIME });
    const op = ws({ type: 'task_update', payload: { id: 't', state: 'queued' } });
    expect(detectFamily([note, note])?.family).toBe('notifications');
    expect(detectFamily([op])?.family).toBe('officeplane');
  });

  it('ignores markers and sent frames', () => {
    const sys = frame({ transport: 'sse', dir: 'sys', name: 'connected', data: '{"message":"Connected"}' });
    const out = ws({ type: 'instance_update', payload: {} }, 'out');
    expect(detectFamily([sys, out])).toBeUndefined();
  });

  it('waits, then settles on generic for anything else', () => {
    const other: StreamEvent[] = Array.from({ length: 10 }, (_, i) => sse('tick', { n: i }));
    expect(detectFamily(other.slice(0, 3))).toBeUndefined();
    expect(detectFamily(other)).toEqual({ family: 'generic', confidence: 1 });
    expect(detectFamily(Array.from({ length: 10 }, () => frame({ transport: 'ws', data: 'plain text' })))?.family).toBe('generic');
  });
});

/** The `connected` marker as the transports and page capture write it. */
const connected = (detail: Record<string, unknown>, transport: StreamEvent['transport'] = 'ws'): StreamEvent =>
  frame({ transport, dir: 'sys', name: 'connected', data: JSON.stringify({ message: 'Connected', ...detail }) });
/** Frames no profile recognises. */
const vague = (n: number, transport: StreamEvent['transport'] = 'ws'): StreamEvent[] =>
  Array.from({ length: n }, (_, i) => (transport === 'ws' ? frame({ transport, data: `tick ${i}` }) : sse('tick', { n: i })));

describe('detectFamily: where the stream comes from', () => {
  it('a URL alone decides only once enough vague frames came', () => {
    const at = connected({ url: 'wss://chat.example/socket.io/?EIO=4&transport=websocket' });
    expect(detectFamily([at])).toBeUndefined();
    expect(detectFamily([at, ...vague(7)])).toBeUndefined();
    expect(detectFamily([at, ...vague(8)])?.family).toBe('socketio');
    expect(detectFamily(vague(8))?.family).toBe('generic');
  });

  it.each([
    ['wss://chat.example/socket.io/?EIO=4&transport=websocket', 'socketio'],
    ['wss://app.example/hubs/chat?id=abc', 'signalr'],
    ['wss://app.example/signalr/connect?transport=webSockets', 'signalr'],
    ['wss://app.example/cable', 'actioncable'],
    ['wss://app.example/live/websocket?vsn=2.0.0', 'phoenix'],
    ['wss://app.example/stomp', 'stomp'],
    ['wss://app.example/ws/123/k2j3h4/websocket', 'stomp'],
    ['wss://app.example/api/graphql', 'graphql'],
    ['https://api.openai.com/v1/chat/completions', 'llm'],
    ['https://api.openai.com/v1/responses', 'llm'],
    ['https://api.anthropic.com/v1/messages', 'llm'],
    ['https://tools.example/mcp', 'jsonrpc'],
  ])('%s is %s when the frames say nothing', (url, family) => {
    const transport = url.startsWith('http') ? 'sse' : 'ws';
    expect(detectFamily([connected({ url }, transport), ...vague(8, transport)])?.family).toBe(family);
  });

  it.each([
    'wss://app.example/graphqlish',
    'wss://app.example/v1/messages',
    'wss://app.example/websocket',
    'https://app.example/sse',
    'https://app.example/cable/extra',
    'not a url',
  ])('%s is not enough to leave generic', (url) => {
    const transport = url.startsWith('wss') ? 'ws' : 'sse';
    expect(detectFamily([connected({ url }, transport), ...vague(8, transport)])?.family).toBe('generic');
  });

  it('clear frames of one family win over the URL of another', () => {
    const rpc = ws({ jsonrpc: '2.0', method: 'notifications/progress', params: { progress: 1 } });
    expect(detectFamily([connected({ url: 'wss://x.example/graphql' }), rpc])?.family).toBe('jsonrpc');
    const stomp = frame({ transport: 'ws', data: 'MESSAGE\ndestination:/topic/a\nmessage-id:1\nsubscription:s\n\n{}\u0000' });
    expect(detectFamily([connected({ url: 'wss://x.example/socket.io/?EIO=4' }), stomp, stomp])?.family).toBe('stomp');
    const delta = unnamed({ choices: [{ index: 0, delta: { content: 'hi' } }], object: 'chat.completion.chunk' });
    expect(detectFamily([connected({ url: 'https://x.example/mcp' }, 'sse'), delta, delta])?.family).toBe('llm');
  });

  it('counts a URL once however often the stream reconnects', () => {
    const at = connected({ url: 'wss://app.example/cable' });
    expect(detectFamily([at, at, at, at])).toBeUndefined();
    expect(detectFamily([at, at, at, ...vague(8)])).toEqual({ family: 'actioncable', confidence: expect.closeTo(0.6) });
  });

  it('reads the content type of a streamed response, without its parameters', () => {
    const at = connected({ url: 'https://x.example/rpc', contentType: 'application/json-rpc; charset=utf-8' }, 'sse');
    expect(detectFamily([at, ...vague(8, 'sse')])?.family).toBe('jsonrpc');
  });

  it('the AI SDK header names its UI message stream at once; other headers say nothing', () => {
    expect(detectFamily([connected({ url: 'https://x.example/api/chat', headers: { 'x-vercel-ai-ui-message-stream': 'v1' } }, 'sse')])?.family).toBe('llm');
    expect(detectFamily([connected({ url: 'https://x.example/api/chat', headers: { 'x-vercel-ai-ui-message-stream': 'v2' } }, 'sse')])).toBeUndefined();
  });

  it('the subprotocol and the URL add up', () => {
    const at = connected({ protocol: 'graphql-ws', url: 'wss://x.example/graphql' });
    expect(detectFamily([at])?.family).toBe('graphql');
  });
});
