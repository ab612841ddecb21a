import { describe, expect, it } from 'vitest';
import { VIEWS } from '../../../components/state/FamilyView';
import { FAMILIES, type TypedStreamEvent } from '../../../lib/model/typed';
import { DEFAULT_RULES } from '../../../lib/config/default-rules';
import { matchError } from '../../../lib/notify/rules';
import { PROFILES, specFor, typeEvent } from '../../../lib/protocols';
import { REDUCERS, type SliceReducer } from '../../../lib/state/families';
import { emptyState, foldEvents } from '../../../lib/state/index';
import { FIXTURES } from '../../fixtures/protocols';

/** Every fixture of a family as its profile types it, valid and broken, in declaration order. */
function typedFixtures(family: (typeof FAMILIES)[number]): TypedStreamEvent[] {
  const fixtures = Object.values(FIXTURES[family]).flatMap((f) => [...f.valid, ...f.invalid.map((b) => b.event)]);
  return fixtures.map((ev, i) => ({ ...ev, endpointId: 'e', seq: i + 1, typed: typeEvent(ev, family) }));
}

/** Adding a family is one entry per layer: this checks that no layer was forgotten. */
describe.each(FAMILIES.map((f) => [f] as const))('family %s is registered in every layer', (family) => {
  it('has a profile', () => {
    expect(PROFILES[family].family).toBe(family);
  });

  it('has a reducer whose state is tagged with the family and folds its fixtures purely', () => {
    const reducer = REDUCERS[family] as SliceReducer<{ family: string }>;
    expect(reducer.empty().family).toBe(family);
    const events = typedFixtures(family);
    const before = JSON.stringify(emptyState());
    const start = emptyState();
    const folded = foldEvents(start, events);
    expect(JSON.stringify(start)).toBe(before);
    if (events.length > 0) expect(folded.endpoints.e?.family).toBe(family);
    // Folding is deterministic: the same events give the same state.
    expect(JSON.stringify(foldEvents(emptyState(), events))).toBe(JSON.stringify(folded));
  });

  it('has a State view', () => {
    expect(typeof VIEWS[family]).toBe('function');
  });

  it('has default rules only for types its profile declares, with valid matches', () => {
    for (const rule of DEFAULT_RULES[family]) {
      expect(specFor(PROFILES[family], rule.type), `rule type ${rule.type}`).toBeDefined();
      expect(matchError(rule.match)).toBeUndefined();
    }
  });
});
