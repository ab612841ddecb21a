/*
 * Names read from GraphQL documents and results, for the GraphQL profile's summaries and its
 * state alike (both sit above this layer). Inputs are untrusted JSON: every reader checks shapes.
 */

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The operation name of a document, if it has one: `subscription OnOrderUpdated(…) {`. */
const OPERATION = /^\s*(?:#[^\n]*\n\s*)*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/;
/** The first root field of the first selection set, past an alias: `{ order: orderById(…)`. */
const ROOT_FIELD = /\{\s*(?:[_A-Za-z][_0-9A-Za-z]*\s*:\s*)?([_A-Za-z][_0-9A-Za-z]*)/;

/** What names a subscribe/start payload: its operation name, else the document's first root field. */
export function operationName(payload: unknown): string | undefined {
  if (!isObject(payload)) return undefined;
  if (typeof payload.operationName === 'string' && payload.operationName !== '') return payload.operationName;
  if (typeof payload.query !== 'string') return undefined;
  // Documents can be long; the name is at the start.
  const head = payload.query.slice(0, 2000);
  return OPERATION.exec(head)?.[1] ?? ROOT_FIELD.exec(head)?.[1];
}

/** The root fields of an execution result's `data`: `onOrderUpdated`. */
export const rootFields = (result: unknown): string[] => (isObject(result) && isObject(result.data) ? Object.keys(result.data) : []);

/** The messages of GraphQL errors: an array of them, `{errors: […]}`, one error object or a string. */
export function errorMessages(errors: unknown): string[] {
  const items = Array.isArray(errors) ? errors : isObject(errors) && Array.isArray(errors.errors) ? errors.errors : [errors];
  return items.flatMap((e) => (isObject(e) && typeof e.message === 'string' ? [e.message] : typeof e === 'string' ? [e] : []));
}
