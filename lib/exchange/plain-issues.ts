import type { z } from 'zod';

const article = (noun: string): string => (/^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`);

/** Zod's issue messages in plain words, to follow the field name: `"data" is missing`. */
export const plainWords: z.core.$ZodErrorMap = (iss) => {
  if (iss.input === undefined) return 'is missing';
  switch (iss.code) {
    case 'invalid_type':
      return `should be ${iss.expected === 'int' ? 'a whole number' : article(iss.expected)}`;
    case 'invalid_value':
      return `should be ${iss.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    case 'too_small':
      return `should be ${iss.inclusive ? 'at least' : 'more than'} ${String(iss.minimum)}`;
    default:
      return undefined;
  }
};

/** One line of plain words for a failed parse: every issue, each led by its field (or `whole`). */
export const describeIssues = (error: z.ZodError, whole: string): string =>
  error.issues.map((i) => `${i.path.length > 0 ? `"${i.path.join('.')}"` : whole} ${i.message}`).join('; ');
