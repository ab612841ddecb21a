import type { Rng } from '../random';

/** Splits text into small chunks on word boundaries, as a streaming model would send it. */
export function chunkText(rng: Rng, text: string): string[] {
  const words = text.split(/(?<= )/);
  const chunks: string[] = [];
  for (let i = 0; i < words.length; ) {
    const n = rng.int(1, 3);
    chunks.push(words.slice(i, i + n).join(''));
    i += n;
  }
  return chunks;
}
