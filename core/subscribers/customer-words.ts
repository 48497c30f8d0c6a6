// What a customer means by a whole message written instead of a command, in
// every language whatever their own: "stop", "unsubscribe me", "хочу
// отписаться" mean /stop; "help", "hi", "привет", "что ты умеешь" mean /help.
// The whole message (case, punctuation and emoji aside) is compared with the
// phrases in customer-words.json: "when does the sale stop?" is not a request
// to leave. Deterministic, no model; the phrases are data.
import fs from "node:fs";
import { z } from "zod";

export type CustomerIntent = "stop" | "help";

const Phrases = z.object({ stop: z.record(z.string(), z.array(z.string().min(1))), help: z.record(z.string(), z.array(z.string().min(1))) });
const DATA = Phrases.parse(JSON.parse(fs.readFileSync(new URL("./customer-words.json", import.meta.url), "utf8")));
const INTENTS = new Map<string, CustomerIntent>();
for (const intent of ["help", "stop"] as const) for (const phrase of Object.values(DATA[intent]).flat()) INTENTS.set(normalized(phrase), intent);

function normalized(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The intent of a customer's message taken whole, if it is one of the known phrases. */
export function customerIntent(text: string): CustomerIntent | undefined {
  return INTENTS.get(normalized(text));
}
