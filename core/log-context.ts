// What a log line is about, carried along the async calls of one Telegram
// update or one HTTP request: the core logs through the one shared logger,
// and every line written while handling an update carries its updateId (a
// request's, its requestId) without the core knowing where it was called from.
import { AsyncLocalStorage } from "node:async_hooks";

const context = new AsyncLocalStorage<Record<string, string | number>>();

export function withLogContext<T>(fields: Record<string, string | number>, run: () => T): T {
  return context.run({ ...context.getStore(), ...fields }, run);
}

/** The fields of the update or request being handled (pino's mixin). */
export function logContextFields(): Record<string, string | number> {
  return context.getStore() ?? {};
}
