import type { NotifyRule, ProfileChoice } from './endpoint';
import { FAMILIES, type Family } from '../model/typed';

/** Each family's default rules (types its profile declares); a new family adds one entry. */
export const DEFAULT_RULES: Record<Family, NotifyRule[]> = {
  officeplane: [
    { type: 'task_update', match: 'payload.state=failed' },
    { type: 'hook_result', match: 'action=flag' },
  ],
  kanban: [{ type: 'attempt_pr' }],
  opencode: [],
  plans: [{ type: 'plan.state.changed', match: 'state=awaiting_approval' }],
  notifications: [
    { type: 'notification' },
    { type: 'system_announcement' },
    { type: 'task_update', match: 'data.action=failed' },
  ],
  // A failed answer is worth knowing about; a finished one is not.
  llm: [{ type: 'error' }, { type: 'response.failed' }],
  socketio: [{ type: 'connect_error' }],
  jsonrpc: [{ type: 'error' }],
  // An operation that failed, or a connection the server refused.
  graphql: [{ type: 'error' }, { type: 'connection_error' }],
  // The server closing the connection with an error (a clean close has none).
  signalr: [{ type: 'close', match: 'error' }],
  // The broker reports an error and closes the connection.
  stomp: [{ type: 'ERROR' }],
  // A channel process crashed on the server.
  phoenix: [{ type: 'phx_error' }],
  // The server refused a channel, or the connection as unauthorized.
  actioncable: [{ type: 'reject_subscription' }, { type: 'disconnect', match: 'reason=unauthorized' }],
  // A person defines a custom profile and its rules together.
  custom: [],
  generic: [],
};

/** Sensible rules for a profile; `auto` gets every family's, since any of them may turn up. */
export function defaultRules(profile: ProfileChoice): NotifyRule[] {
  const families = profile === 'auto' ? FAMILIES : [profile];
  const seen = new Set<string>();
  const out: NotifyRule[] = [];
  for (const f of families) {
    for (const r of DEFAULT_RULES[f]) {
      const id = `${r.type}\n${r.match ?? ''}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({ ...r });
    }
  }
  return out;
}
