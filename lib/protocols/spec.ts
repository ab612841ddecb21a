import type { z } from 'zod';
import type { StreamEvent } from '../model/event';
import type { Category, EntityRef, Family } from '../model/typed';

/*
 * Summary, entity and error readers take `any`: they also run on payloads that failed their
 * schema (best effort), so they read defensively (`?.`, helpers from ./format and ./values)
 * instead of trusting the inferred type.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
export interface TypeSpec {
  schema: z.ZodType;
  category: Category;
  /** The line's text after the type name, e.g. `card c-12 → running`. Plain text, one line. */
  summary(payload: any, ev: StreamEvent): string;
  entities(payload: any, ev: StreamEvent): EntityRef[];
  /** True when this particular event is an error (a failed status), whatever `category` says. */
  isError?(payload: any, ev: StreamEvent): boolean;
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/** One message of a frame as a profile's framing reads it. */
export interface Decoded {
  type: string;
  /** What the message carries, as the schema and the readers see it; undefined when unreadable. */
  payload: unknown;
  /** Why the message could not be read (shown as an issue, also on an unknown type; the frame is kept). */
  error?: string;
}

export interface Profile {
  family: Family;
  label: string;
  types: Record<string, TypeSpec>;
  /** Open-ended types by pattern with one `*`, e.g. `*_update`; exact `types` win. */
  wildcards?: Record<string, TypeSpec>;
  /**
   * The messages of a received or sent frame, for framings other than one JSON document per
   * frame (`42["chat",…]`, STOMP frames, SignalR records split on 0x1E). May return several: a
   * frame is still one row. An empty list means "not this framing": the frame is read as JSON.
   */
  decode?(ev: StreamEvent): Decoded[];
  /**
   * 0..1 confidence that events like this belong to the family. `type` and `payload` are the
   * first decoded message's (the JSON and its type name without `decode`).
   */
  detect(ev: StreamEvent, typeName: string, payload: unknown): number;
  /** 0..1 confidence from the WebSocket subprotocol the server chose (`graphql-transport-ws`). */
  detectSubprotocol?(protocol: string): number;
  /**
   * 0..1 confidence from where the stream comes from: its URL and, for a streamed HTTP response,
   * the media type it answered with (lower case, without parameters). Paths are conventions
   * anyone can reuse, so this stays moderate (at most ~0.7): alone it decides only when the first
   * frames say nothing, and it never outweighs clear frames of another family.
   */
  detectUrl?(url: URL, contentType?: string): number;
  /** 0..1 confidence from a response header that names the protocol (`x-vercel-ai-ui-message-stream`). */
  detectHeader?(name: string, value: string): number;
  /** Its reducer reads the entities of each event (the custom profile's State), so folding stored events reads them too. */
  foldsEntities?: boolean;
}

/** `*_update` matches `report_update` (the `*` stands for at least one character). */
export function matchesPattern(pattern: string, type: string): boolean {
  const star = pattern.indexOf('*');
  if (star < 0) return pattern === type;
  return (
    type.length > pattern.length - 1 && type.startsWith(pattern.slice(0, star)) && type.endsWith(pattern.slice(star + 1))
  );
}

/** The spec a type resolves to. Own keys only: a type named `constructor` is just unknown. */
export function specFor(profile: Profile, type: string): TypeSpec | undefined {
  if (Object.hasOwn(profile.types, type)) return profile.types[type];
  for (const [pattern, spec] of Object.entries(profile.wildcards ?? {})) if (matchesPattern(pattern, type)) return spec;
  return undefined;
}

type Reader<T> = (payload: any, ev: StreamEvent) => T; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A type whose fields sit under one key of the JSON (`payload`, `data`): readers get that object. */
export function nested(key: string, schema: z.ZodType, spec: Omit<TypeSpec, 'schema'>): TypeSpec {
  const inner =
    <T>(read: Reader<T>): Reader<T> =>
    (p, ev) =>
      read(p?.[key], ev);
  const isError = spec.isError;
  return {
    schema,
    category: spec.category,
    summary: inner(spec.summary),
    entities: inner(spec.entities),
    ...(isError && { isError: inner(isError) }),
  };
}
