// The weekly job: last week's digest to every configured destination (Slack
// channels, a Telegram admin chat), each in its own language, once.
//
// "Once" survives crashes and reruns: each (week, destination) has a
// digest_run row, claimed before anything is posted. The message reference
// is written the moment the message is out, so a rerun after a crash between
// the message and its charts only posts the charts (in the same thread); a
// done row is skipped. The one window left is a crash after Slack or Telegram
// accepted the message and before its reference was written - neither offers
// an idempotency key - which would post that message once more.
// A destination that keeps failing (a deleted channel) is given up after
// MAX_ATTEMPTS runs, so it does not hold the others or retry forever.
import type { CoreDeps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import type { Language } from "../i18n.ts";
import { calendarPeriod } from "../metrics/period.ts";
import type { DigestOutlet } from "./digest-outlet.ts";
import { buildDigest, type Digest } from "./build-digest.ts";
import type { ChartImage } from "./chart-renderer.ts";
import { renderDigestCharts } from "./digest-charts.ts";

export type DigestDestinationKind = "slack" | "telegram";

export interface DigestDestination {
  kind: DigestDestinationKind;
  /** A Slack channel id, or a Telegram chat id. */
  target: string;
  language: Language;
}

export const MAX_ATTEMPTS = 3;

export interface PublishResult {
  weekStart: Date;
  posted: string[];
  /** Done by an earlier run (or given up on). */
  skipped: string[];
  failed: { destination: string; error: string }[];
}

export class DigestNotPosted extends DomainError {
  constructor(failures: { destination: string; error: string }[]) {
    super("digest_not_posted", `The digest could not be posted to ${failures.map((f) => `${f.destination} (${f.error})`).join(", ")}; it will be retried.`);
  }
}

export function destinationKey(d: Pick<DigestDestination, "kind" | "target">): string {
  return `${d.kind}:${d.target}`;
}

/**
 * Posts the digest of the last full week before `at` (default now). Throws
 * DigestNotPosted when a destination failed and may succeed on a retry, so
 * the scheduler runs the job again; the destinations already done are skipped then.
 */
export async function publishWeeklyDigest(
  deps: CoreDeps,
  options: { destinations: DigestDestination[]; outlets: Partial<Record<DigestDestinationKind, DigestOutlet>>; at?: Date },
): Promise<PublishResult> {
  const { prisma } = deps.db;
  // Last calendar week, compared with the calendar week before it (as `/metrics last week`; a week
  // that changes the clocks is 167 or 169 hours, and the week before still starts on Monday 00:00).
  const period = { ...calendarPeriod("week", options.at ?? deps.clock.now(), deps.teamTimezone, -1), calendar: { unit: "week" as const, timezone: deps.teamTimezone } };
  const result: PublishResult = { weekStart: period.from, posted: [], skipped: [], failed: [] };
  let digest: Promise<Digest> | undefined;
  const charts = new Map<string, ChartImage[]>();
  const chartsIn = (d: Digest, language: string) => {
    if (!charts.has(language)) charts.set(language, renderDigestCharts(deps, d, language));
    return charts.get(language)!;
  };
  const retriable: PublishResult["failed"] = [];
  for (const destination of options.destinations) {
    const key = destinationKey(destination);
    const log = deps.logger.child({ digest: period.from.toISOString(), destination: key });
    const outlet = options.outlets[destination.kind];
    if (!outlet) {
      log.warn("no outlet for this destination (is its bot configured?); digest not posted there");
      result.failed.push({ destination: key, error: "not configured" });
      continue;
    }
    const id = { weekStart_destination: { weekStart: period.from, destination: key } };
    await prisma.digestRun.createMany({
      data: [{ weekStart: period.from, destination: key, language: destination.language, startedAt: deps.clock.now() }],
      skipDuplicates: true,
    });
    const run = await prisma.digestRun.findUniqueOrThrow({ where: id });
    if (run.status === "done" || run.status === "failed") {
      result.skipped.push(key);
      continue;
    }
    try {
      digest ??= buildDigest(deps, { period });
      const built = await digest;
      const publication = { digest: built, language: destination.language, charts: chartsIn(built, destination.language) };
      let ref = run.messageRef;
      if (!ref) {
        ref = await outlet.postDigest(destination.target, publication);
        await prisma.digestRun.update({ where: id, data: { status: "message_posted", messageRef: ref } });
      }
      await outlet.postCharts(destination.target, ref, publication);
      await prisma.digestRun.update({ where: id, data: { status: "done", finishedAt: deps.clock.now(), lastError: null } });
      result.posted.push(key);
      log.info({ messageRef: ref }, "weekly digest posted");
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      const attempts = run.attempts + 1;
      const givenUp = attempts >= MAX_ATTEMPTS;
      await prisma.digestRun.update({ where: id, data: { attempts, lastError: error, ...(givenUp ? { status: "failed", finishedAt: deps.clock.now() } : {}) } });
      log.error({ err, attempts, givenUp }, givenUp ? "weekly digest failed; giving up on this destination for this week" : "weekly digest failed; it will be retried");
      result.failed.push({ destination: key, error });
      if (!givenUp) retriable.push({ destination: key, error });
    }
  }
  if (retriable.length > 0) throw new DigestNotPosted(retriable);
  return result;
}
