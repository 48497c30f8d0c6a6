// How a text becomes Telegram messages. Telegram takes at most 4 096
// characters of text per message and 1 024 of caption under a picture
// (UTF-16 code units, which is what String.length counts). A longer text goes
// out in several messages, cut at a paragraph, line or word boundary and
// never inside a surrogate pair (an emoji); a picture whose text is too long
// for a caption goes first without one, the text after it. The pre-flight
// tells the team how many messages each recipient will get.
export const TEXT_LIMIT = 4096;
export const CAPTION_LIMIT = 1024;

/** Splits at paragraph, line or word boundaries so no part exceeds `limit`. */
export function splitText(text: string, limit = TEXT_LIMIT): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    const cut = Math.max(window.lastIndexOf("\n\n"), window.lastIndexOf("\n"), window.lastIndexOf(" "));
    let at = cut > limit / 2 ? cut : limit;
    // Never between the two halves of a surrogate pair.
    if (isHighSurrogate(rest.charCodeAt(at - 1))) at -= 1;
    parts.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  parts.push(rest);
  return parts;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Telegram messages one recipient gets for this text (with a picture or without). */
export function messageCount(text: string, withImage = false): number {
  if (withImage) return text.length <= CAPTION_LIMIT ? 1 : 1 + splitText(text).length;
  return splitText(text).length;
}
