const pad = (n: number): string => String(n).padStart(2, '0');

/** A duration in the largest useful units: `850 ms`, `4.2 s`, `12 s`, `3 min 05 s`, `2 h 03 min`, `3 d 4 h`. */
export function formatSpan(ms: number): string {
  const a = Math.max(0, Math.round(ms));
  if (a < 1000) return `${a} ms`;
  if (a < 9_950) return `${(a / 1000).toFixed(1)} s`;
  const s = Math.round(a / 1000);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${pad(s % 60)} s`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ${pad(Math.floor(s / 60) % 60)} min`;
  return `${Math.floor(s / 86_400)} d ${Math.floor(s / 3600) % 24} h`;
}

/** Whole seconds, so a label that ticks once a second does not flicker through tenths. */
const wholeSeconds = (s: number): string => (s < 60 ? `${s} s` : formatSpan(s * 1000));

/** How long ago something happened, for a label that ticks every second. */
export function formatAgo(ms: number): string {
  const s = Math.floor(ms / 1000);
  return s < 1 ? 'just now' : `${wholeSeconds(s)} ago`;
}

/** Time left until a moment, rounded up so it never reads "in 0 s" before it is due. */
export function formatCountdown(ms: number): string {
  return ms <= 0 ? 'any moment now' : `in ${wholeSeconds(Math.ceil(ms / 1000))}`;
}
