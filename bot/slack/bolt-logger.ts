// Bolt logs through our pino logger, so one log stream carries both bots.
import { LogLevel, type Logger as BoltLogger } from "@slack/bolt";
import type { Logger } from "../../core/logger.ts";
import { maskSecrets, serializeError } from "../../core/log-errors.ts";

export function boltLogger(logger: Logger): BoltLogger {
  const log = logger.child({ component: "slack" });
  let level = LogLevel.INFO;
  // Bolt and the Web API pass errors (with the request's headers and body) as arguments: the same serializer as every other line.
  const join = (msg: unknown[]) => maskSecrets(msg.map((m) => (typeof m === "string" ? m : JSON.stringify(m instanceof Error ? serializeError(m) : m))).join(" "));
  // The Web API's debug lines print whole request bodies and results: a card's text is a customer's name and words.
  const debug = (msg: unknown[]) => {
    const line = join(msg);
    const payload = /^(http request body|http request result): /.exec(line);
    log.debug(payload ? `${payload[1]}: [not logged]` : line);
  };
  return {
    debug: (...msg) => debug(msg),
    info: (...msg) => log.info(join(msg)),
    warn: (...msg) => log.warn(join(msg)),
    error: (...msg) => log.error(join(msg)),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
