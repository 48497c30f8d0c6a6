// What a customer means by a whole message written instead of a command, in
// every language whatever their own: "stop", "unsubscribe me", "хочу
// отписаться" mean /stop; "help", "hi", "привет", "что ты умеешь" mean /help;
// "english please", "по-русски" pick the language as /language's buttons do.
// The whole message (case, punctuation and emoji aside) is compared with the
// phrases in customer-words.json: "when does the sale stop?" is not a request
// to leave. Deterministic, no model; the phrases are data.
import fs from "node:fs";
import { z } from "zod";
import { normalizeForMatching } from "../dialogues/keywords.ts";

const INTENT_NAMES = ["stop", "help", "language:en", "language:ru"] as const;
export type CustomerIntent = (typeof INTENT_NAMES)[number];

const ByLanguage = z.record(z.string(), z.array(z.string().min(1)));
const Phrases = z.object({ stop: ByLanguage, help: ByLanguage, "language:en": ByLanguage, "language:ru": ByLanguage }).strict();
const DATA = Phrases.parse(JSON.parse(fs.readFileSync(new URL("./customer-words.json", import.meta.url), "utf8")));
const INTENTS = new Map<string, CustomerIntent>();
for (const intent of INTENT_NAMES) {
  for (const phrase of Object.values(DATA[intent]).flat()) {
    const key = normalized(phrase);
    const known = INTENTS.get(key);
    if (known && known !== intent) throw new Error(`customer-words.json: "${phrase}" means both ${known} and ${intent}`);
    INTENTS.set(key, intent);
  }
}

/** As keyword triggers compare words (case, ё as е, spaces), with punctuation and emoji taken out. */
function normalized(text: string): string {
  return normalizeForMatching(text.replace(/[^\p{L}\p{N}\s]/gu, " "));
}

/** The intent of a customer's message taken whole, if it is one of the known phrases. */
export function customerIntent(text: string): CustomerIntent | undefined {
  return INTENTS.get(normalized(text));
}
