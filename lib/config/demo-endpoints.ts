import type { CustomProfile } from './custom-profile';
import type { EndpointConfig } from './endpoint';
import { newEndpoint } from './endpoint';
import { defaultRules } from './default-rules';
import { RECONNECT_PRESETS } from './reconnect';

/** The demo server's default port (`npm run demo`, `npm start`). */
export const DEMO_PORT = 8787;

/** How the demo server names itself at `GET /`; "Load the demo" looks for it. */
export const DEMO_SERVER_NAME = 'Streamscope demo server';

/** Demo endpoints are recognised by their id, so they can be marked and removed together. */
const DEMO_ID_PREFIX = 'demo-';
export const isDemoEndpoint = (cfg: { id: string }): boolean => cfg.id.startsWith(DEMO_ID_PREFIX);

/** Paths the demo server serves, one per stream the product understands out of the box. */
export const DEMO_PATHS = {
  officeplaneWs: '/ws',
  generate: '/api/generate/job-1/stream',
  team: '/api/teams/team-1/stream',
  hook: '/api/hooks/hook-1/stream',
  kanbanBoard: '/api/events?boardId=board-1',
  kanbanDashboard: '/api/events/dashboard',
  opencode: '/events',
  plans: '/api/plans/events',
  /** A stream of an app's own shape, typed by a custom profile. */
  inventory: '/api/inventory/stream',
  notifications: '/ws/notifications/user-1',
  llm: '/v1/chat/stream',
  socketio: '/socket.io/?EIO=4&transport=websocket',
  mcp: '/mcp',
  graphql: '/graphql',
  /** GraphQL over SSE (graphql-sse, one operation per stream). */
  graphqlSse: '/graphql/stream',
  signalr: '/hubs/chat',
  stomp: '/stomp/000/demo/websocket',
  phoenix: '/socket/websocket?vsn=2.0.0',
  actioncable: '/cable',
} as const;

/** The demo's custom profile: how the inventory stream is typed without code. */
export const INVENTORY_PROFILE: CustomProfile = {
  typePath: 'event',
  entities: [{ path: 'payload.id', kind: 'item' }],
  summary: '{payload.id} → {payload.state} ({payload.qty} left)',
};

export const NOTIFICATIONS_HEARTBEAT = {
  message: '{"type":"ping"}',
  intervalSec: 20,
  timeoutSec: 10,
  replyContains: 'pong',
};

/**
 * The demo's endpoints: configured by `npm start`, or by "Load the demo" when the demo server
 * answers (a fresh install starts empty). Ids start with DEMO_ID_PREFIX.
 * Browsers open at most 6 HTTP/1.1 connections per host (Firefox counts WebSockets too), and
 * each stream holds one for good: a seventh to the same host would wait forever. So the
 * OfficePlane streams (and the custom-profile inventory stream) use `localhost`, the app
 * families `127.0.0.1`, and the protocol streams
 * the server's second port (browsers count per host and port): six on `127.0.0.1`, the other
 * three on `localhost`.
 */
export function demoEndpoints(port = DEMO_PORT, protocolPort = port + 1): EndpointConfig[] {
  const office = `localhost:${port}`;
  const rest = `127.0.0.1:${port}`;
  const http = `http://${rest}`;
  const ws = `ws://${rest}`;
  const protocols = `127.0.0.1:${protocolPort}`;
  // The second port's six connections on 127.0.0.1 are taken: the rest use its other name.
  const moreProtocols = `localhost:${protocolPort}`;
  const p = DEMO_PATHS;
  const list = [
    newEndpoint({ id: 'demo-officeplane', name: 'OfficePlane dashboard', url: `ws://${office}${p.officeplaneWs}`, profile: 'officeplane' }),
    newEndpoint({ id: 'demo-generate', name: 'OfficePlane generation job-1', url: `http://${office}${p.generate}`, profile: 'officeplane' }),
    newEndpoint({ id: 'demo-team', name: 'OfficePlane team-1', url: `http://${office}${p.team}`, profile: 'officeplane' }),
    newEndpoint({ id: 'demo-hook', name: 'OfficePlane hook-1', url: `http://${office}${p.hook}`, profile: 'officeplane' }),
    newEndpoint({ id: 'demo-inventory', name: 'Inventory (custom profile)', url: `http://${office}${p.inventory}`, profile: 'custom', customProfile: INVENTORY_PROFILE }),
    newEndpoint({ id: 'demo-kanban', name: 'Kanban board-1', url: http + p.kanbanBoard, profile: 'kanban', reconnect: RECONNECT_PRESETS.kanban }),
    newEndpoint({ id: 'demo-dashboard', name: 'Kanban dashboard', url: http + p.kanbanDashboard, profile: 'kanban', reconnect: RECONNECT_PRESETS.kanban }),
    newEndpoint({ id: 'demo-opencode', name: 'OpenCode instance', url: http + p.opencode, profile: 'opencode', reconnect: RECONNECT_PRESETS.opencode }),
    newEndpoint({ id: 'demo-plans', name: 'Plans', url: http + p.plans, profile: 'plans' }),
    newEndpoint({
      id: 'demo-notifications',
      name: 'Notifications (user-1)',
      url: ws + p.notifications,
      profile: 'notifications',
      heartbeat: NOTIFICATIONS_HEARTBEAT,
      reconnect: RECONNECT_PRESETS.notifications,
    }),
    newEndpoint({ id: 'demo-llm', name: 'LLM answers', url: `http://${protocols}${p.llm}`, profile: 'auto' }),
    newEndpoint({ id: 'demo-socketio', name: 'Socket.IO chat', url: `ws://${protocols}${p.socketio}`, profile: 'auto' }),
    newEndpoint({ id: 'demo-mcp', name: 'MCP server (JSON-RPC)', url: `http://${protocols}${p.mcp}`, profile: 'auto' }),
    newEndpoint({ id: 'demo-graphql', name: 'GraphQL subscriptions', url: `ws://${protocols}${p.graphql}`, profile: 'auto', protocols: ['graphql-transport-ws'] }),
    newEndpoint({ id: 'demo-signalr', name: 'SignalR chat hub', url: `ws://${protocols}${p.signalr}`, profile: 'auto' }),
    newEndpoint({ id: 'demo-stomp', name: 'STOMP broker (SockJS)', url: `ws://${protocols}${p.stomp}`, profile: 'auto' }),
    newEndpoint({ id: 'demo-graphql-sse', name: 'GraphQL over SSE', url: `http://${moreProtocols}${p.graphqlSse}`, profile: 'auto' }),
    newEndpoint({ id: 'demo-phoenix', name: 'Phoenix Channels', url: `ws://${moreProtocols}${p.phoenix}`, profile: 'auto' }),
    newEndpoint({
      id: 'demo-actioncable',
      name: 'Action Cable',
      url: `ws://${moreProtocols}${p.actioncable}`,
      profile: 'auto',
      protocols: ['actioncable-v1-json', 'actioncable-unsupported'],
    }),
  ];
  return list.map((e) => ({ ...e, notify: defaultRules(e.profile) }));
}
