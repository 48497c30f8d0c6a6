// The port the weekly digest goes out through (Slack channels, a Telegram
// admin chat); the bots implement it.
import type { Digest } from "./build-digest.ts";
import type { ChartImage } from "./chart-renderer.ts";

/** One digest on its way to one destination, in that destination's language. */
export interface DigestPublication {
  digest: Digest;
  language: string;
  charts: ChartImage[];
}

/**
 * Where the weekly digest goes: Slack channels, a Telegram admin chat. The
 * message and its charts are two steps, so a digest interrupted between them
 * is finished, not posted again (core/digest/publish-digest.ts).
 */
export interface DigestOutlet {
  /** Posts the digest; returns the message's reference (Slack ts, Telegram message id). */
  postDigest(target: string, publication: DigestPublication): Promise<string>;
  /** Posts the charts with that message (Slack: in its thread). */
  postCharts(target: string, messageRef: string, publication: DigestPublication): Promise<void>;
}
