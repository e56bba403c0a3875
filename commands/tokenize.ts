/**
 * Splits command text into words the way a person expects: whitespace separates, quotes keep paths with spaces
 * together, and Slack's `<https://…|label>` link markup is unwrapped to the bare URL.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let quote: '"' | "'" | '“' | undefined;
  let inToken = false;
  for (const ch of text) {
    if (quote) {
      const closes = quote === '“' ? ch === '”' : ch === quote;
      if (closes) quote = undefined;
      else current += ch;
      continue;
    }
    if (ch === '"' || ch === "'" || ch === '“') {
      // A quote opens only at the start of a word, so apostrophes inside words ("don't") stay literal.
      if (!inToken) {
        quote = ch;
        inToken = true;
        continue;
      }
    }
    if (/\s/u.test(ch)) {
      if (inToken) tokens.push(unwrapSlackLink(current));
      current = '';
      inToken = false;
      continue;
    }
    current += ch;
    inToken = true;
  }
  if (inToken) tokens.push(unwrapSlackLink(current));
  return tokens;
}

/** `<https://x|label>` and `<https://x>` are how Slack sends links inside message text. */
function unwrapSlackLink(token: string): string {
  const match = /^<((?:https?|ftp|file|mailto):[^|>]*)(?:\|[^>]*)?>$/i.exec(token);
  return match?.[1] ?? token;
}
