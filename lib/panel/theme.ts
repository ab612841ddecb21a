import { browser } from 'wxt/browser';

export type Theme = 'dark' | 'light';

/**
 * DevTools reports its theme as `themeName` ('dark'; Chrome says 'default' for light, Firefox
 * 'light' or 'none'). Outside DevTools (the panel opened as a tab) there is none: follow the OS.
 */
export function pickTheme(devtoolsTheme: string | undefined, prefersDark: boolean): Theme {
  if (devtoolsTheme === 'dark') return 'dark';
  if (devtoolsTheme === 'default' || devtoolsTheme === 'light') return 'light';
  return prefersDark ? 'dark' : 'light';
}

export function applyTheme(root: Element, theme: Theme): void {
  root.classList.toggle('theme-dark', theme === 'dark');
  root.classList.toggle('theme-light', theme === 'light');
}

interface DevtoolsPanels {
  themeName?: string;
  /** Chrome. */
  setThemeChangeHandler?: (fn?: (name: string) => void) => void;
  /** Firefox. */
  onThemeChanged?: { addListener(fn: (name: string) => void): void; removeListener(fn: (name: string) => void): void };
}

/**
 * Keeps the `theme-*` class on <html> in step with DevTools (or the OS); returns a stop function.
 * `devtools` is the extension's `browser.devtools`, absent outside a DevTools page.
 */
export function followTheme(doc: Document, devtools: { panels?: DevtoolsPanels } | undefined): () => void {
  const panels = devtools?.panels;
  const media = doc.defaultView?.matchMedia?.('(prefers-color-scheme: dark)');
  const update = (name = panels?.themeName) => applyTheme(doc.documentElement, pickTheme(name, media?.matches ?? false));
  const onMedia = () => update();
  update();
  media?.addEventListener('change', onMedia);
  panels?.onThemeChanged?.addListener(update);
  panels?.setThemeChangeHandler?.(update);
  return () => {
    media?.removeEventListener('change', onMedia);
    panels?.onThemeChanged?.removeListener(update);
    panels?.setThemeChangeHandler?.();
  };
}

/** `browser.devtools` exists only in a DevTools page; the same page opened as a tab has none. */
export const followPageTheme = (): (() => void) =>
  followTheme(document, (browser as unknown as { devtools?: { panels?: DevtoolsPanels } } | undefined)?.devtools);
