// Structured logs. Personal data (phones, e-mails, message text) is redacted
// at the default level; handlers log ids, not people.
import { pino, type Logger } from "pino";
import { logContextFields } from "./log-context.ts";
import { maskSecrets, serializeError, serializeErrorsIn } from "./log-errors.ts";

export type { Logger };

export function createLogger(level: string = "info", destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: "chatloop" },
      // updateId / requestId of whatever is being handled (core/log-context.ts).
      mixin: logContextFields,
      // Errors become class, message and stack with secrets masked - never the object graph they carry (core/log-errors.ts).
      serializers: { err: serializeError, error: serializeError },
      formatters: { log: serializeErrorsIn },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((arg) => (typeof arg === "string" ? maskSecrets(arg) : arg)) as Parameters<typeof method>);
        },
      },
      redact: {
        // grammY errors carry the request payload (message text, chat id) and Slack errors the request body.
        paths: [
          "*.phone",
          "*.email",
          "*.text",
          "*.first_name",
          "*.last_name",
          "*.firstName",
          "*.lastName",
          "phone",
          "email",
          "text",
          "err.payload",
          "*.err.payload",
          "err.data",
          "*.err.data",
        ],
        censor: "[redacted]",
      },
    },
    destination,
  );
}

/** A logger that writes nothing, for tests and tools that print their own output. */
export const silentLogger: Logger = pino({ level: "silent" });
