// Structured logs. Personal data (phones, e-mails, message text) is redacted
// at the default level; handlers log ids, not people.
import { pino, type Logger } from "pino";

export type { Logger };

export function createLogger(level: string = "info", destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: "chatloop" },
      redact: {
        paths: ["*.phone", "*.email", "*.text", "*.first_name", "*.last_name", "*.firstName", "*.lastName", "phone", "email", "text"],
        censor: "[redacted]",
      },
    },
    destination,
  );
}

/** A logger that writes nothing, for tests and tools that print their own output. */
export const silentLogger: Logger = pino({ level: "silent" });
