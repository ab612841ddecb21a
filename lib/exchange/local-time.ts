const pad = (n: number): string => String(n).padStart(2, '0');

/** `YYYY-MM-DDTHH:MM:SS` in local time: the value format of a `datetime-local` input. */
export function localDateTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** A `datetime-local` value back to ms since the epoch; undefined when empty or invalid. */
export function parseLocalDateTime(value: string): number | undefined {
  if (value.trim() === '') return undefined;
  // Date-time forms without an offset parse as local time.
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}
