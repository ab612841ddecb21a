import type { EndpointConfig } from '../config/endpoint';

/**
 * Which endpoints the DevTools panel lists. Every captured stream is a source of its own, so
 * a tab that navigates, reloads with new stream URLs, or opens a fresh POST stream per request
 * adds sources for as long as it runs, and other tabs add theirs. The store keeps them all (the
 * history page lists everything); the panel lists, by default, the configured endpoints and
 * the inspected tab's sources of its current page load: those opened by the documents now in
 * the tab, or live now.
 */
export interface CaptureScope {
  tabId: number;
  /** Source ids opened by the tab's current documents (the background knows their bridges). */
  current: readonly string[];
  live: readonly string[];
  /** Show every captured source (other tabs, earlier page loads) as well. */
  showAll: boolean;
}

export interface Listed {
  shown: EndpointConfig[];
  /** Captured sources left out: other tabs and earlier page loads. */
  hidden: number;
}

export function listForPanel(all: readonly EndpointConfig[], scope: CaptureScope | undefined): Listed {
  if (!scope || scope.showAll) return { shown: [...all], hidden: 0 };
  const now = new Set([...scope.current, ...scope.live]);
  const shown = all.filter((e) => e.captured === undefined || (e.captured.tabId === scope.tabId && now.has(e.id)));
  return { shown, hidden: all.length - shown.length };
}
