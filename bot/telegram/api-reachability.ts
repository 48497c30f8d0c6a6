// Is the Bot API reachable? Every call the bot makes (long polling's
// getUpdates most of all) tells: an answer - even an error answer below 500 -
// means Telegram is there; a network error or a 5xx means it is not. grammY's
// polling retries quietly, so without this an outage would not show: /readyz
// stayed ready through 40 s of outage and nothing was logged. Readiness turns
// to "not ready" once the API has been unreachable for longer than the
// threshold, and the outage is logged when it crosses it and when it ends.
import type { Transformer } from "grammy";
import type { Clock } from "../../core/clock.ts";
import type { Logger } from "../../core/logger.ts";
import { maskSecrets } from "../../core/log-errors.ts";
import type { Check } from "../http/readiness.ts";

/** How long the Bot API may be unreachable before the process reports not ready. */
export const TELEGRAM_OUTAGE_THRESHOLD_MS = 30_000;

export class ApiReachability {
  private failingSince: number | undefined;
  private lastError = "";
  private reported = false;

  constructor(
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly thresholdMs = TELEGRAM_OUTAGE_THRESHOLD_MS,
  ) {}

  /** Install with bot.api.config.use(...). */
  readonly transformer: Transformer = async (prev, method, payload, signal) => {
    try {
      const res = await prev(method, payload, signal);
      if (!res.ok && res.error_code >= 500) this.failed(`${res.error_code} ${res.description}`);
      else this.succeeded();
      return res;
    } catch (err) {
      // An aborted call (polling stopped) says nothing about Telegram.
      if (!signal?.aborted) this.failed(err instanceof Error ? err.message : String(err));
      throw err;
    }
  };

  /** Seconds the API has been unreachable beyond the threshold, or undefined when it is fine. */
  outageSeconds(): number | undefined {
    if (this.failingSince === undefined) return undefined;
    const ms = this.clock.now().getTime() - this.failingSince;
    if (ms < this.thresholdMs) return undefined;
    if (!this.reported) {
      this.reported = true;
      this.logger.error({ seconds: Math.round(ms / 1000) }, "telegram bot api unreachable");
    }
    return Math.round(ms / 1000);
  }

  /** The readiness check in long-polling mode: polling runs and the API answers. */
  check(isRunning: () => boolean): Check {
    return async () => {
      if (!isRunning()) return { ok: false, detail: "long polling is not running" };
      const seconds = this.outageSeconds();
      if (seconds !== undefined) return { ok: false, detail: `the Bot API has been unreachable for ${seconds} s (last error: ${this.lastError})` };
      return { ok: true, detail: "long polling" };
    };
  }

  private failed(error: string): void {
    this.lastError = maskSecrets(error).slice(0, 200);
    this.failingSince ??= this.clock.now().getTime();
    this.outageSeconds();
  }

  private succeeded(): void {
    if (this.failingSince !== undefined && this.reported) {
      this.logger.info({ seconds: Math.round((this.clock.now().getTime() - this.failingSince) / 1000) }, "telegram bot api reachable again");
    }
    this.failingSince = undefined;
    this.reported = false;
  }
}
