interface BadgeApi {
  setBadgeText(details: { text: string }): unknown;
  setBadgeBackgroundColor(details: { color: string }): unknown;
}

/** Chrome MV3 has `action`; Firefox MV2 has only `browserAction`. */
export interface BadgeHost {
  action?: BadgeApi;
  browserAction?: BadgeApi;
}

const BADGE_COLOR = '#c5221f';

export const badgeText = (unread: number): string => (unread <= 0 ? '' : unread > 999 ? '999+' : String(unread));

/** Mirrors the unread count on the toolbar button. */
export async function showUnread(host: BadgeHost, unread: number): Promise<void> {
  const api = host.action ?? host.browserAction;
  if (!api) return;
  await api.setBadgeBackgroundColor({ color: BADGE_COLOR });
  await api.setBadgeText({ text: badgeText(unread) });
}
