// Group commit for "sent" outcomes. Every send waits until its own outcome is
// written before its slot sends again - so a crash can repeat at most one
// message per slot - but outcomes arriving while a write is in progress are
// written together in the next statement. Under load that is one UPDATE per
// ~concurrency messages instead of one per message; idle, it adds no delay.
import type { Database } from "../db/database.ts";

interface SentOutcome {
  id: bigint;
  sentAt: Date;
  messageId: string;
  done: { resolve: () => void; reject: (err: unknown) => void };
}

export class SentOutcomeWriter {
  private queue: SentOutcome[] = [];
  private writing = false;

  constructor(private readonly db: Database) {}

  record(id: bigint, sentAt: Date, messageId: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id, sentAt, messageId, done: { resolve, reject } });
      if (!this.writing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.writing = true;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, 1000);
      try {
        await this.db.execute(
          `UPDATE delivery d
              SET status = 'sent', sent_at = v.sent_at, message_id = v.message_id, claimed_by = NULL, reason = NULL
             FROM unnest($1::bigint[], $2::timestamptz[], $3::text[]) AS v(id, sent_at, message_id)
            WHERE d.id = v.id`,
          [batch.map((o) => o.id.toString()), batch.map((o) => o.sentAt.toISOString()), batch.map((o) => o.messageId)],
        );
        for (const o of batch) o.done.resolve();
      } catch (err) {
        for (const o of batch) o.done.reject(err);
      }
    }
    this.writing = false;
  }
}
