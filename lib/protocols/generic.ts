import type { Profile } from './spec';

/** Any other stream: every type is unknown and summarised from what it shows. */
export const generic: Profile = {
  family: 'generic',
  label: 'Generic',
  types: {},
  // Never claims a stream: it is what detection falls back to.
  detect: () => 0,
};
