import type { Draft, FamilyScript } from './context';

/*
 * A Rails Action Cable server's side of a WebSocket (`actioncable-v1-json`): welcome, the
 * client's ChatChannel and AppearanceChannel subscriptions confirmed, broadcasts on them, and
 * the server's pings (a Unix time in seconds).
 */

const CHAT = JSON.stringify({ channel: 'ChatChannel', room: 'lobby' });
const APPEARANCE = JSON.stringify({ channel: 'AppearanceChannel' });
const USERS = ['ana', 'bo', 'chen'];
const LINES = ['hello', 'standup in 5', 'PR is up', 'merged'];
const msg = (body: Record<string, unknown>): Draft => ({ data: body });

export const actionCable: FamilyScript = function* (ctx) {
  const { rng } = ctx;
  yield msg({ type: 'welcome' });
  yield msg({ type: 'confirm_subscription', identifier: CHAT });
  yield msg({ type: 'confirm_subscription', identifier: APPEARANCE });
  for (let i = 1; ; i++) {
    ctx.pause();
    const user = rng.pick(USERS);
    if (i % 3 === 0 && ctx.heartbeats) yield msg({ type: 'ping', message: Math.floor(Date.parse(ctx.iso()) / 1000) });
    else if (i % 4 === 0) yield msg({ identifier: APPEARANCE, message: { type: 'appear', user, on: rng.pick(['web', 'mobile']) } });
    else yield msg({ identifier: CHAT, message: { type: 'new_message', user, body: rng.pick(LINES) } });
  }
};
