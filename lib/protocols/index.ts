/** Protocol profiles: how each stream family's events are validated, summarised and detected. */
export type { Profile, TypeSpec } from './spec';
export { specFor } from './spec';
export { PROFILES } from './profiles';
export { typeEvent, typeForFold } from './type-event';
export { eventTypeName, parseData } from './parse';
export { detectFamily } from './detect';
