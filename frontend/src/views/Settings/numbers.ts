/**
 * Go takes whole numbers; text that is not one goes over as 0 so that Go's
 * own message, the single statement of the rule, explains what is allowed.
 */
export function wholeNumber(text: string): number {
  const trimmed = text.trim();
  const n = Number(trimmed);
  return trimmed !== '' && Number.isSafeInteger(n) ? n : 0;
}
