import { describe, expect, it } from 'vitest';
import { applyTheme, pickTheme } from '../../../lib/panel/theme';

describe('theme', () => {
  it('follows DevTools, else the OS', () => {
    expect(pickTheme('dark', false)).toBe('dark');
    expect(pickTheme('default', true)).toBe('light');
    expect(pickTheme('light', true)).toBe('light');
    expect(pickTheme('none', true)).toBe('dark');
    expect(pickTheme(undefined, false)).toBe('light');
  });

  it('sets exactly one theme class', () => {
    const classes = new Set<string>();
    const root = { classList: { toggle: (c: string, on: boolean) => (on ? classes.add(c) : classes.delete(c)) } } as unknown as Element;
    applyTheme(root, 'dark');
    expect([...classes]).toEqual(['theme-dark']);
    applyTheme(root, 'light');
    expect([...classes]).toEqual(['theme-light']);
  });
});
