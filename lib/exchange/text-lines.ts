/** Lines of text arriving in pieces of any size (a File's decoded stream, or one whole string). */
export async function* textLines(pieces: Iterable<string> | AsyncIterable<string>): AsyncGenerator<string> {
  let rest = '';
  for await (const piece of pieces) {
    const lines = (rest + piece).split('\n');
    rest = lines.pop() ?? '';
    yield* lines;
  }
  if (rest !== '') yield rest;
}
