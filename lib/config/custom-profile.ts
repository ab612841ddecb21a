import { z } from 'zod';
import { parseFieldPath, parseTemplate } from '../query/template';

/**
 * A custom profile: how to type a stream no built-in profile knows, as data. It is stored on
 * its endpoint (`customProfile`), travels with it in the endpoint list's export, and is
 * validated here wherever it comes in (storage, import, the options form).
 */

/** An entity kind a person names: `item`, `order-line`. */
export const ENTITY_KIND = /^[A-Za-z][\w-]{0,31}$/;
export const MAX_CUSTOM_ENTITIES = 8;
const MAX_PATH = 200;

const pathProblem = (text: string, ctx: z.RefinementCtx): void => {
  if (text === '') return; // empty is `min`'s to say, or allowed
  const p = parseFieldPath(text);
  if (!p.ok) ctx.addIssue({ code: 'custom', message: p.error });
};

const FieldPathSchema = z.string().trim().min(1, 'Give the path of the id, e.g. payload.id').max(MAX_PATH, `A path has at most ${MAX_PATH} characters`).superRefine(pathProblem);

export const CustomEntitySchema = z.object({
  /** Where the entity's id is, e.g. `payload.id`. */
  path: FieldPathSchema,
  /** What the id names, e.g. `item`. */
  kind: z.string().trim().regex(ENTITY_KIND, 'A kind is a word: letters, digits, "_" or "-", starting with a letter (at most 32)'),
});
export type CustomEntity = z.infer<typeof CustomEntitySchema>;

export const CustomProfileSchema = z.object({
  /**
   * The path of the field that holds the event's type, e.g. `event` or `payload.kind`. Empty,
   * or absent in an event: the SSE event name, else the JSON `type`, else `message`.
   */
  typePath: z
    .string()
    .trim()
    .max(MAX_PATH, `A path has at most ${MAX_PATH} characters`)
    .superRefine(pathProblem)
    .default(''),
  /** Paths whose values are entity ids, each with the kind of entity it names. */
  entities: z.array(CustomEntitySchema).max(MAX_CUSTOM_ENTITIES, `At most ${MAX_CUSTOM_ENTITIES} entity paths`).default([]),
  /** The summary line: text with `{path}` placeholders, e.g. `{payload.id} → {payload.state}`; empty shows the data. */
  summary: z
    .string()
    .superRefine((text, ctx) => {
      const t = parseTemplate(text);
      if (!t.ok) ctx.addIssue({ code: 'custom', message: t.error });
    })
    .default(''),
});
export type CustomProfile = z.infer<typeof CustomProfileSchema>;

export const EMPTY_CUSTOM_PROFILE: CustomProfile = { typePath: '', entities: [], summary: '' };

/** Whether two definitions type a stream alike (stored events typed with one need no retyping for the other). */
export const sameCustomProfile = (a: CustomProfile | undefined, b: CustomProfile | undefined): boolean =>
  customKey(a) === customKey(b);

/** A definition as one string, with its fields in a fixed order. */
export function customKey(def: CustomProfile | undefined): string {
  const d = def ?? EMPTY_CUSTOM_PROFILE;
  return JSON.stringify([d.typePath, d.entities.map((e) => [e.path, e.kind]), d.summary]);
}
