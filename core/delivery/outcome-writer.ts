// Group commit for "sent" outcomes. Every send waits until its own outcome is
// written before its slot sends again - so a crash can repeat at most one
// message per slot - but outcomes arriving while a write is in progress are
// written together in the next statement. Under load that is one UPDATE per
// ~concurrency messages instead of one per message; idle, it adds no delay.
//
// A message Telegram accepted must never be queued again, so a failed write is
// retried (bounded, with exponential backoff) before the caller hears of it;
// if the grouped statement keeps failing, each outcome gets one try of its own
// so that one bad row cannot hold back the others.
import type { Database } from "../db/database.ts";
import { realSleep, type Sleep } from "./pacer.ts";

export interface SentRecord {
  id: bigint;
  sentAt: Date;
  messageId: string;
}

interface Pending extends SentRecord {
  done: { resolve: () => void; reject: (err: unknown) => void };
}

export interface SentOutcomeWriterOptions {
  /** Tries of the grouped statement, the first included. */
  attempts?: number;
  /** Wait before the second try; doubled before each further one. */
  backoffMs?: number;
  sleep?: Sleep;
}

export class SentOutcomeWriter {
  private queue: Pending[] = [];
  private writing = false;
  private readonly attempts: number;
  private readonly backoffMs: number;
  private readonly sleep: Sleep;

  constructor(
    private readonly db: Database,
    options: SentOutcomeWriterOptions = {},
  ) {
    this.attempts = Math.max(1, options.attempts ?? 5);
    this.backoffMs = options.backoffMs ?? 200;
    this.sleep = options.sleep ?? realSleep;
  }

  /** Resolves once the outcome is stored; rejects only after every try failed. */
  record(id: bigint, sentAt: Date, messageId: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id, sentAt, messageId, done: { resolve, reject } });
      if (!this.writing) void this.flush();
    });
  }

  /** One try per outcome, no waiting: returns the outcomes that could not be written. */
  async writeEach(outcomes: SentRecord[]): Promise<SentRecord[]> {
    const failed: SentRecord[] = [];
    for (const o of outcomes) {
      try {
        await this.write([o]);
      } catch {
        failed.push(o);
      }
    }
    return failed;
  }

  private async flush(): Promise<void> {
    this.writing = true;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, 1000);
      let error: unknown;
      for (let attempt = 1; attempt <= this.attempts; attempt++) {
        try {
          await this.write(batch);
          error = undefined;
          break;
        } catch (err) {
          error = err;
          if (attempt < this.attempts) await this.sleep(this.backoffMs * 2 ** (attempt - 1));
        }
      }
      if (error === undefined) {
        for (const o of batch) o.done.resolve();
        continue;
      }
      if (batch.length === 1) {
        batch[0]!.done.reject(error);
        continue;
      }
      const failed = new Set(await this.writeEach(batch));
      for (const o of batch) {
        if (failed.has(o)) o.done.reject(error);
        else o.done.resolve();
      }
    }
    this.writing = false;
  }

  private async write(outcomes: SentRecord[]): Promise<void> {
    await this.db.execute(
      `UPDATE delivery d
          SET status = 'sent', sent_at = v.sent_at, message_id = v.message_id, claimed_by = NULL, reason = NULL
         FROM unnest($1::bigint[], $2::timestamptz[], $3::text[]) AS v(id, sent_at, message_id)
        WHERE d.id = v.id`,
      [outcomes.map((o) => o.id.toString()), outcomes.map((o) => o.sentAt.toISOString()), outcomes.map((o) => o.messageId)],
    );
  }
}
