// The last look before a send. A batch's consent, block and erasure state is
// read when it is claimed, but a send can wait seconds after that for its
// pacer slot (a long batch at 30/s, a 429 pause); whoever unsubscribes, blocks
// the bot or is erased in that window must still get nothing. So right before
// each send the worker reads the subscriber again, by primary key.
//
// Reads that arrive while one is running are answered together by the next
// statement (the way SentOutcomeWriter groups its writes): under load one
// indexed query serves ~concurrency sends. Every read starts after its request
// arrived, so no answer is older than the request.
import type { Database } from "../db/database.ts";

/** The subscriber columns a send depends on, as `alias.column`s for a SELECT (read back with subscriberStateOf). */
export function subscriberStateColumns(alias: string): string {
  const a = `${alias}.`;
  return `${a}telegram_id, ${a}first_name, ${a}last_name, ${a}language, ${a}timezone, ${a}consent_status::text AS consent_status,
          ${a}blocked_at, ${a}erased_at, ${a}unreachable_at`;
}

export interface SubscriberState {
  telegramId: bigint | null;
  firstName: string | null;
  lastName: string | null;
  language: string;
  timezone: string | null;
  consentStatus: string;
  blockedAt: Date | null;
  erasedAt: Date | null;
  unreachableAt: Date | null;
}

interface Request {
  id: number;
  resolve: (state: SubscriberState | undefined) => void;
  reject: (err: unknown) => void;
}

export class SubscriberStateReader {
  private queue: Request[] = [];
  private reading = false;

  constructor(private readonly db: Database) {}

  /** The subscriber as stored now; undefined if the row is gone. */
  read(id: number): Promise<SubscriberState | undefined> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id, resolve, reject });
      if (!this.reading) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.reading = true;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, 1000);
      try {
        const rows = await this.db.prisma.$queryRawUnsafe<Record<string, unknown>[]>(
          `SELECT s.id, ${subscriberStateColumns("s")} FROM subscriber s WHERE s.id = ANY($1::int[])`,
          [...new Set(batch.map((r) => r.id))],
        );
        const byId = new Map(rows.map((r) => [r.id as number, subscriberStateOf(r)]));
        for (const r of batch) r.resolve(byId.get(r.id));
      } catch (err) {
        for (const r of batch) r.reject(err);
      }
    }
    this.reading = false;
  }
}

/** A row selected with subscriberStateColumns. */
export function subscriberStateOf(r: Record<string, unknown>): SubscriberState {
  return {
    telegramId: (r.telegram_id as bigint | null) ?? null,
    firstName: (r.first_name as string | null) ?? null,
    lastName: (r.last_name as string | null) ?? null,
    language: r.language as string,
    timezone: (r.timezone as string | null) ?? null,
    consentStatus: r.consent_status as string,
    blockedAt: (r.blocked_at as Date | null) ?? null,
    erasedAt: (r.erased_at as Date | null) ?? null,
    unreachableAt: (r.unreachable_at as Date | null) ?? null,
  };
}
