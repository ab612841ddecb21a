/** The type filter's entries: every counted type plus `extra` ones (selected, or listed by a profile), most frequent first. */
export function typeList(counts: ReadonlyMap<string, number>, extra: Iterable<string>): { type: string; count: number }[] {
  const all = new Map(counts);
  for (const t of extra) if (!all.has(t)) all.set(t, 0);
  return [...all].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
}
