// Typed button data (Telegram's callback_data): a short prefix and fields
// joined by ":", validated on the way back in. The core defines the data of
// the buttons it sends (surveys, offers); the bots decode the same codecs.
// Telegram allows at most 64 bytes, so packing checks it.
import type { z } from "zod";

const MAX_BYTES = 64;

export interface CallbackCodec<T extends Record<string, string>> {
  readonly prefix: string;
  /** Matches this codec's callback data (for bot.callbackQuery). */
  readonly pattern: RegExp;
  pack(value: T): string;
  /** The validated value, or undefined for data that is not ours or is malformed. */
  unpack(data: string | undefined): T | undefined;
}

export function defineCallback<S extends z.ZodObject<Record<string, z.ZodType<string>>>>(
  prefix: string,
  schema: S,
): CallbackCodec<z.infer<S> & Record<string, string>> {
  const keys = Object.keys(schema.shape);
  const pattern = new RegExp(`^${escape(prefix)}(:|$)`);
  return {
    prefix,
    pattern,
    pack(value) {
      const fields = keys.map((k) => {
        const v = String(value[k] ?? "");
        if (v.includes(":")) throw new Error(`callback field ${k} must not contain ":"`);
        return v;
      });
      const data = [prefix, ...fields].join(":");
      if (Buffer.byteLength(data) > MAX_BYTES) throw new Error(`callback_data over ${MAX_BYTES} bytes: ${data}`);
      return data;
    },
    unpack(data) {
      if (!data || !pattern.test(data)) return undefined;
      const parts = data.split(":").slice(1);
      const raw = Object.fromEntries(keys.map((k, i) => [k, parts[i] ?? ""]));
      const parsed = schema.safeParse(raw);
      return parsed.success ? (parsed.data as z.infer<S> & Record<string, string>) : undefined;
    },
  };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
