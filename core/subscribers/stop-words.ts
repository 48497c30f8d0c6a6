// A customer who writes "stop", "unsubscribe me" or "хочу отписаться" instead of
// /stop means it: the whole message (case, punctuation and emoji aside) is
// compared with the phrases in stop-words.json, in every language, whatever
// the customer's own. Only whole messages: "when does the sale stop?" is not a
// request to leave. Deterministic, no model; the list is data.
import fs from "node:fs";
import { z } from "zod";

const StopWords = z.record(z.string(), z.array(z.string().min(1)));
const PHRASES = new Set(
  Object.values(StopWords.parse(JSON.parse(fs.readFileSync(new URL("./stop-words.json", import.meta.url), "utf8")))).flat().map(normalized),
);

function normalized(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Whether a customer's message, whole, asks to unsubscribe. */
export function isStopRequest(text: string): boolean {
  return PHRASES.has(normalized(text));
}
