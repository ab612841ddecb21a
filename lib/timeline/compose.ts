/** Why a composed message cannot be sent yet, or undefined when it can. */
export function composeError(text: string, json: boolean): string | undefined {
  if (text.trim() === '') return 'Type a message to send';
  if (!json) return undefined;
  try {
    JSON.parse(text);
    return undefined;
  } catch (e) {
    return `Not valid JSON: ${e instanceof Error ? e.message : String(e)}`;
  }
}
