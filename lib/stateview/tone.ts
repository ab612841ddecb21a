/** The colour family of a status word, so chips of every family read alike. */
export type Tone = 'ok' | 'err' | 'warn' | 'run' | 'idle';

const TONES = new Map<string, Tone>([
  ['succeeded', 'ok'],
  ['completed', 'ok'],
  ['complete', 'ok'],
  ['approved', 'ok'],
  ['opened', 'ok'],
  ['pass', 'ok'],
  ['success', 'ok'],
  ['failed', 'err'],
  ['crashed', 'err'],
  ['error', 'err'],
  ['cancelled', 'warn'],
  ['awaiting_approval', 'warn'],
  ['flag', 'warn'],
  ['warn', 'warn'],
  ['warning', 'warn'],
  ['running', 'run'],
  ['streaming', 'run'],
]);

/** Unknown words (the servers' vocabularies drift) are neutral. */
export const toneOf = (status: string | undefined): Tone => (status === undefined ? 'idle' : (TONES.get(status.toLowerCase()) ?? 'idle'));
