import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CATEGORIES, FAMILIES } from '../../../lib/model/typed';
import { PROFILES, specFor, typeEvent, type Profile, type TypeSpec } from '../../../lib/protocols';
import { parseData } from '../../../lib/protocols/parse';
import { FIXTURES } from '../../fixtures/protocols';

/** Every type a profile declares, exact and wildcard, keyed as the fixtures key them. */
const declared = (p: Profile): Array<[string, TypeSpec]> => [...Object.entries(p.types), ...Object.entries(p.wildcards ?? {})];

const oneLine = (s: string) => s.length > 0 && !/[\r\n\u2028\u2029]/.test(s);

describe.each(FAMILIES.map((f) => [f] as const))('profile %s', (family) => {
  const profile = PROFILES[family];
  const fixtures = FIXTURES[family];

  it('is registered under its own family', () => {
    expect(profile.family).toBe(family);
    expect(profile.label).not.toBe('');
  });

  for (const [key, spec] of declared(profile)) {
    describe(key, () => {
      it('declares a schema, a category, a summary and entities', () => {
        expect(spec.schema).toBeInstanceOf(z.ZodType);
        expect(CATEGORIES).toContain(spec.category);
        expect(typeof spec.summary).toBe('function');
        expect(typeof spec.entities).toBe('function');
      });

      it('has valid and invalid fixtures', () => {
        expect(fixtures[key]?.valid.length ?? 0).toBeGreaterThan(0);
        if (fixtures[key]?.noInvalid === undefined) expect(fixtures[key]?.invalid.length ?? 0).toBeGreaterThan(0);
        else expect(fixtures[key]?.invalid).toEqual([]);
      });

      it('accepts its valid fixtures with a one-line summary', () => {
        for (const ev of fixtures[key]?.valid ?? []) {
          const typed = typeEvent(ev, family);
          expect(specFor(profile, typed.type)).toBe(spec);
          expect(typed.issues).toEqual([]);
          expect(typed.known).toBe(true);
          expect(oneLine(spec.summary(parseData(ev).payload, ev))).toBe(true);
          expect(oneLine(typed.summary)).toBe(true);
          expect(typed.summary.startsWith(`${typed.type}  `)).toBe(true);
        }
      });

      it('flags its invalid fixtures at the expected path', () => {
        for (const { event, path } of fixtures[key]?.invalid ?? []) {
          const typed = typeEvent(event, family);
          expect(specFor(profile, typed.type)).toBe(spec);
          expect(typed.known).toBe(true);
          expect(typed.issues.map((i) => i.path)).toContain(path);
          expect(oneLine(typed.summary)).toBe(true);
        }
      });
    });
  }

  it('has no fixtures for types it does not declare', () => {
    const keys = new Set(declared(profile).map(([key]) => key));
    for (const key of Object.keys(fixtures)) expect(keys, `fixture type ${key}`).toContain(key);
  });
});
