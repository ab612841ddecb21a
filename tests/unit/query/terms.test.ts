import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkTerms, mayContain, termQuery } from '../../../lib/query/terms';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('chunk word filters', () => {
  it('holds every whole word of the text, in any case, split by anything that is not an ASCII letter or digit', () => {
    const filter = chunkTerms(utf8('{"id":"Job-42","msg":"ça\\nva","n":7}'))!;
    for (const q of [' job ', '-42"', '"JOB-42"', ':7}', '"ça\\nva"', 'é\\nva ']) expect([q, mayContain(filter, termQuery(q)!)]).toEqual([q, true]);
    expect(termQuery('job')).toBeUndefined();
    expect(termQuery('"id":"Job')).toBeDefined();
  });

  it('never misses a word that is there (generated texts and words taken from them)', () => {
    const unit = fc.constantFrom('a', 'Z', '0', '9', '"', '\\', ' ', '-', 'é', '😀', '_');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 300 }), fc.nat(), fc.nat(), (text, from, len) => {
        const start = from % (text.length + 1);
        const query = text.slice(start, start + 2 + (len % 12));
        const q = termQuery(query);
        if (q) expect(mayContain(chunkTerms(utf8(text))!, q)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('holds neighbouring words with what separates them, when it is ASCII; asks an older filter for words only', () => {
    const text = '{"a":1,"b":2,"note":"x\u00e9y","c":"x é y"}';
    const filter = chunkTerms(utf8(text))!;
    const may = (q: string, f = filter) => mayContain(f, termQuery(q)!);
    for (const q of ['"a":1,', ',"b":2,', '"b":2,"note"', ':"x é y"']) expect([q, may(q)]).toEqual([q, true]);
    // Every word of these is there, not as neighbours with that between them.
    for (const q of ['"a":2,', ',"b":1,', '"a" 1,', '"b":2,"c"']) expect([q, may(q)]).toEqual([q, false]);
    // A separator beyond ASCII may be written in another case: only its words are asked.
    expect(may(' x É y ')).toBe(true);
    expect(termQuery(' x é y ')!.p1).toEqual([]);
    // Words joined by the caller, not the data: no pairs.
    expect(termQuery(' a 2 ', false)!.p1).toEqual([]);
    const { pairs: _, ...older } = filter;
    expect(may('"a":2,', older)).toBe(true);
  });

  it('says no to absent words nearly always, in about 10 bits per word and per pair of neighbours', () => {
    const words = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}x`);
    const filter = chunkTerms(utf8(words.join(' ')))!;
    expect(filter.bits.length).toBeLessThanOrEqual(((20_000 + 19_999) * 10) / 8 + 8);
    let yes = 0;
    for (let i = 0; i < 10_000; i++) if (mayContain(filter, termQuery(` v${i.toString(36)}y `)!)) yes++;
    expect(yes / 10_000).toBeLessThan(0.02);
    // Words that are there, but not as neighbours.
    let apart = 0;
    for (let i = 0; i < 10_000; i++) if (mayContain(filter, termQuery(` ${words[i]} ${words[i + 2]} `)!)) apart++;
    expect(apart / 10_000).toBeLessThan(0.02);
  });

  it('builds the same bits as the filters already stored: a search asks them with the same hashes', () => {
    const filter = chunkTerms(utf8('{"id":"Job-42","msg":"ça\\nva","n":7,"tags":["alpha","beta"]}'))!;
    expect(Buffer.from(filter.bits).toString('base64')).toBe('w4tV4Pt9RxVf7Ai6C4S1VkwdRYduooibsw==');
  });

  it('keeps no filter for a chunk of too many distinct words', () => {
    expect(chunkTerms(utf8(Array.from({ length: 100_001 }, (_, i) => i.toString(36)).join(' ')))).toBeUndefined();
  });
});
