/** Protocol profiles: how each stream family's events are validated, summarised and detected. */
export type { Profile, TypeSpec } from './spec';
export { specFor } from './spec';
export { PROFILES } from './profiles';
export { profileFor, typeEvent, typeForFold, typeForStore } from './type-event';
export { customProfile, renderTemplate } from './custom';
export { eventTypeName, parseData } from './parse';
export { detectFamily } from './detect';
