/**
 * Small line icons drawn as SVG, so they look the same everywhere: emoji glyphs depend on an
 * emoji font and render as boxes on many Linux installs. They take the text colour.
 */
const PATHS = {
  bell: 'M4 11V7a4 4 0 0 1 8 0v4l1.5 1.5h-11z M6.5 14a1.5 1.5 0 0 0 3 0',
  history: 'M2.5 8a5.5 5.5 0 1 0 1.6-3.9 M2 2.5v2.5h2.5 M8 5v3l2 1.5',
  settings: 'M2 4h7 M12 4h2 M2 8h2 M7 8h7 M2 12h5 M10 12h4 M10.5 2.5v3 M5.5 6.5v3 M8.5 10.5v3',
  moon: 'M13 9.5A5.5 5.5 0 1 1 6.5 3a4.5 4.5 0 0 0 6.5 6.5z',
  checks: 'M1.5 8.5l3 3 6.5-7 M8 11.5l.5.5 6-7',
  plus: 'M8 3v10 M3 8h10',
  open: 'M9 2.5h4.5V7 M13.5 2.5L7 9 M11 9.5v3.5H2.5V5H6',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 16 }: { name: IconName; size?: number }) {
  return (
    <svg class="icon" width={size} height={size} viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.4" stroke-linecap="round" stroke-linejoin="round">
      <path d={PATHS[name]} />
    </svg>
  );
}
