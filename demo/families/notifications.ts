import type { Draft, FamilyScript } from './context';

const NOTIFICATIONS = [
  { title: 'Build finished', message: 'main passed in 4m 12s', level: 'success' },
  { title: 'Review requested', message: 'Sam asked you to review "Cache the pricing table"', level: 'info' },
  { title: 'Quota at 80%', message: 'Your workspace used 80% of this month\'s storage', level: 'warning' },
  { title: 'Deploy failed', message: 'staging: health check timed out', level: 'error' },
];
const CHAT = [
  { agent: 'support-bot', content: 'Your export is ready to download.' },
  { agent: 'planner', content: 'I moved the release to Thursday; nothing else changed.' },
  { agent: 'support-bot', content: 'Anything else I can help with?' },
];
const ANNOUNCEMENTS = ['Scheduled maintenance on Sunday 02:00-03:00 UTC', 'New: dark mode is available in settings'];
const TASK_FLOW = ['created', 'started', 'completed'] as const;
/**
 * Notifications, announcements and failed tasks are what the default rules alert on; a real
 * user gets one every minute or so, not every few seconds. In between: chat and task progress.
 */
const NOTABLE_GAP_MS = 60_000;

/** User notification socket: ack first, then a mix of notifications, task updates, chat and announcements. */
export const notifications: FamilyScript = function* (ctx) {
  const { rng } = ctx;
  const msg = (type: string, rest: Record<string, unknown>): Draft => ({ data: { type, ...rest, timestamp: ctx.iso() } });
  const tasks = new Map<string, number>();
  let lastNotable = -Infinity;
  const notable = (): boolean => {
    if (ctx.elapsed - lastNotable < NOTABLE_GAP_MS) return false;
    lastNotable = ctx.elapsed;
    return true;
  };

  yield msg('connection_ack', { data: { user_id: ctx.params.user_id ?? 'user-1' } });
  for (;;) {
    ctx.pause();
    const r = rng.next();
    if (r < 0.35) {
      // Each task goes created -> started -> completed (or failed), interleaved with others.
      const open = [...tasks.keys()];
      const taskId = open.length > 0 && rng.chance(0.7) ? rng.pick(open) : `task-${rng.hex(6)}`;
      const step = (tasks.get(taskId) ?? -1) + 1;
      const action = step === 2 && rng.chance(0.2) && notable() ? 'failed' : (TASK_FLOW[step] ?? 'completed');
      if (step >= 2) tasks.delete(taskId);
      else tasks.set(taskId, step);
      yield msg('task_update', { action, data: { task_id: taskId, action } });
    } else if (r < 0.6 && notable()) {
      yield msg('notification', { data: { id: `ntf-${rng.hex(8)}`, ...rng.pick(NOTIFICATIONS) } });
    } else if (r >= 0.85 && r < 0.93 && notable()) {
      const message = rng.pick(ANNOUNCEMENTS);
      yield msg('system_announcement', { message, data: { message } });
    } else if (r < 0.93) {
      // Also what a notable draw becomes when it comes too soon after the last one.
      yield msg('chat_message', { data: { ...rng.pick(CHAT) } });
    } else {
      yield msg('report_update', { action: 'generated', data: { report_id: `rpt-${rng.hex(6)}`, name: 'Weekly usage', status: 'ready' } });
    }
  }
};
