import { z } from 'zod';
import { CATEGORIES } from '../model/typed';

/** The timeline's filters. Empty lists mean "all". Persisted, hence the schema. */
export const TimelineFilterSchema = z.object({
  endpoints: z.array(z.string()),
  types: z.array(z.string()),
  categories: z.array(z.enum(CATEGORIES)),
  dirs: z.array(z.enum(['in', 'out', 'sys'])),
  invalidOnly: z.boolean(),
  text: z.string(),
  regex: z.boolean(),
  field: z.string(),
  pinnedOnly: z.boolean(),
});
export type TimelineFilter = z.infer<typeof TimelineFilterSchema>;

export const EMPTY_FILTER: TimelineFilter = {
  endpoints: [],
  types: [],
  categories: [],
  dirs: [],
  invalidOnly: false,
  text: '',
  regex: false,
  field: '',
  pinnedOnly: false,
};

export interface FilterScope {
  pins: ReadonlySet<string>;
  /** "Clear view": hide events received at or before this time. */
  after?: number;
}
