/** A file that cannot be imported, with every problem found in plain words (`line 3: ...`). */
export class ImportError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.length === 1 ? problems[0] : `${problems.length} problems: ${problems.join('; ')}`);
    this.name = 'ImportError';
  }
}

/** What to show for a failed import: its problems, or the one unexpected error. */
export const importProblems = (err: unknown): string[] =>
  err instanceof ImportError ? err.problems : [err instanceof Error ? err.message : String(err)];
