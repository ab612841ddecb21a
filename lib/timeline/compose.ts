/** Why a composed message cannot be sent yet, or undefined when it can. */
export function composeError(text: string, json: boolean): string | undefined {
  if (text.trim() === '') return 'Type a message to send';
  if (!json) return undefined;
  try {
    JSON.parse(text);
    return undefined;
  } catch (e) {
    return `Not valid JSON: ${e instanceof Error ? e.message : String(e)}`;
  }
}

export interface ComposeTarget<T extends { id: string }> {
  target: T;
  /** The timeline is filtered to this one WebSocket: it is the target, no choice to make. */
  fromFilter: boolean;
}

/**
 * Where a composed message goes: the endpoint the timeline is filtered to when that is exactly
 * one of the WebSocket endpoints, else the one picked in the box, else the first.
 */
export function composeTarget<T extends { id: string }>(sockets: readonly T[], filtered: readonly string[], picked: string | undefined): ComposeTarget<T> | undefined {
  const only = filtered.length === 1 ? sockets.find((c) => c.id === filtered[0]) : undefined;
  if (only) return { target: only, fromFilter: true };
  const target = sockets.find((c) => c.id === picked) ?? sockets[0];
  return target && { target, fromFilter: false };
}
