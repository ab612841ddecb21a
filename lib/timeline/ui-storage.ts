import { z } from 'zod';
import { EMPTY_FILTER, TimelineFilterSchema, type TimelineFilter } from './filter';
import { DEFAULT_LAYOUT, TimelineLayoutSchema, type TimelineLayout } from './layout';

/** Timeline UI state kept in the page's `localStorage` so it survives reopening the panel. */
export const FILTER_KEY = 'streamscope.timeline.filter';
export const PINS_KEY = 'streamscope.timeline.pins';
export const LAYOUT_KEY = 'streamscope.timeline.layout';

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

/** The page's `localStorage`, or undefined where it is blocked (reaching it can throw). */
export function pageStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

function load<T>(store: KeyValueStore | undefined, key: string, schema: z.ZodType<T>, fallback: T): T {
  try {
    const raw = store?.getItem(key);
    if (raw == null) return fallback;
    const r = schema.safeParse(JSON.parse(raw));
    return r.success ? r.data : fallback;
  } catch {
    // Storage can be disabled or hold junk; the defaults are a fine start either way.
    return fallback;
  }
}

function save(store: KeyValueStore | undefined, key: string, value: unknown): void {
  try {
    store?.setItem(key, JSON.stringify(value));
  } catch {
    // Quota or disabled storage: the setting just does not persist.
  }
}

/** Older saved filters may lack newer fields: fill them from the defaults. */
const StoredFilterSchema = TimelineFilterSchema.partial().transform((f): TimelineFilter => ({ ...EMPTY_FILTER, ...f }));

export const loadFilter = (store: KeyValueStore | undefined): TimelineFilter => load(store, FILTER_KEY, StoredFilterSchema, EMPTY_FILTER);
export const saveFilter = (store: KeyValueStore | undefined, f: TimelineFilter): void => save(store, FILTER_KEY, f);

export const loadPins = (store: KeyValueStore | undefined): string[] => load(store, PINS_KEY, z.array(z.string()), []);
export const savePins = (store: KeyValueStore | undefined, pins: Iterable<string>): void => save(store, PINS_KEY, [...pins]);

/** A layout saved by an older version may lack newer fields: fill them from the defaults. */
const StoredLayoutSchema = TimelineLayoutSchema.partial().transform((l): TimelineLayout => ({ ...DEFAULT_LAYOUT, ...l }));

export const loadLayout = (store: KeyValueStore | undefined): TimelineLayout => load(store, LAYOUT_KEY, StoredLayoutSchema, DEFAULT_LAYOUT);
export const saveLayout = (store: KeyValueStore | undefined, layout: TimelineLayout): void => save(store, LAYOUT_KEY, layout);
