// Telegram's limits, held across every instance that shares the database:
// about 30 messages/second per bot (1000/s with paid broadcasts) and about one
// message/second per chat; a 429 pauses the whole bot for retry_after seconds.
//
// The global limit is a sequence of send slots spaced 1/rate apart, kept in
// one database row (delivery_pacer). An instance reserves a short run of
// consecutive slots with one UPDATE and sends each message at its slot's time,
// so all instances together never exceed the rate, however many there are.
// Slots are paced slightly under the nominal rate (headroom) so network
// jitter never squeezes rate+1 messages into one second.
import type { CoreDeps } from "../deps.ts";

export type Sleep = (ms: number) => Promise<void>;

const WINDOW_MS = 1000;
const WINDOW_MARGIN_MS = 10;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

export interface PacerOptions {
  ratePerSecond: number;
  /** Minimum gap between two messages to the same chat. */
  perChatIntervalMs?: number;
  /** Fraction of the nominal rate actually used. */
  headroom?: number;
  /** How much sending one reservation covers. */
  reserveMs?: number;
}

/**
 * A slot used late could squeeze one message too many into some one-second
 * window. At Telegram's free rates the headroom leaves ~15 ms of slack per
 * window, so slots more than 5 ms old are dropped; at paid-broadcast rates
 * the limit is not that tight and slots stay usable for 100 ms.
 */
function staleAfterMs(ratePerSecond: number): number {
  return ratePerSecond <= 100 ? 5 : 100;
}

export class Pacer {
  readonly intervalMs: number;
  private readonly staleMs: number;
  private readonly perChatIntervalMs: number;
  private readonly batch: number;
  private slots: number[] = [];
  private reserving: Promise<void> | undefined;
  private pausedUntil = 0;
  private readonly lastByChat = new Map<string, number>();
  /** This instance's last sends (strict rates only): the guard against a late slot bunching up with the next ones. */
  private readonly recent: number[] = [];
  private readonly windowLimit: number;

  constructor(
    private readonly deps: Pick<CoreDeps, "db" | "clock">,
    options: PacerOptions,
    private readonly sleep: Sleep = realSleep,
  ) {
    this.intervalMs = 1000 / (options.ratePerSecond * (options.headroom ?? 0.985));
    this.perChatIntervalMs = options.perChatIntervalMs ?? 1000;
    this.staleMs = staleAfterMs(options.ratePerSecond);
    this.windowLimit = options.ratePerSecond <= 100 ? Math.max(1, Math.floor(options.ratePerSecond)) : 0;
    this.batch = Math.max(1, Math.min(1000, Math.floor((options.reserveMs ?? 250) / this.intervalMs)));
  }

  /**
   * Waits until one more message may go out to `chat`; returns the instant it may.
   * `lastLook` runs once the slot is due, just before the send is counted: a
   * read that takes a few milliseconds (the consent re-check) then delays this
   * send without letting it land in a second that is already full.
   */
  async acquire(chat: string, lastLook?: () => Promise<void>): Promise<Date> {
    const chatReady = (this.lastByChat.get(chat) ?? -Infinity) + this.perChatIntervalMs;
    // Claim the chat's next turn before awaiting, so concurrent senders queue up behind it.
    this.lastByChat.set(chat, Math.max(this.now(), chatReady));
    for (;;) {
      const slot = await this.nextSlot();
      const at = Math.max(slot, chatReady, this.pausedUntil, this.windowFreeAt());
      await this.waitUntil(at);
      if (this.now() < this.pausedUntil) continue; // a 429 arrived meanwhile: take a slot after the pause
      if (lastLook) {
        // Again after every pause: the state it reads is never older than the slot.
        await lastLook();
        // The look took time: the window (or a 429 pause) may have closed meanwhile.
        const free = Math.max(this.pausedUntil, this.windowFreeAt());
        if (free > this.now()) await this.waitUntil(free);
        if (this.now() < this.pausedUntil) continue;
      }
      this.lastByChat.set(chat, this.now());
      if (this.windowLimit) {
        this.recent.push(this.now());
        if (this.recent.length > this.windowLimit) this.recent.shift();
      }
      if (this.lastByChat.size > 50_000) this.forgetIdleChats();
      return new Date(this.now());
    }
  }

  /** Telegram said 429: nobody sends for `seconds`, on any instance. */
  async pauseAll(seconds: number): Promise<void> {
    const until = this.now() + seconds * 1000;
    this.pausedUntil = Math.max(this.pausedUntil, until);
    this.slots = [];
    await this.deps.db.prisma.$executeRawUnsafe(
      `UPDATE delivery_pacer
          SET paused_until = greatest(coalesce(paused_until, $1::timestamptz), $1::timestamptz),
              next_slot_at = greatest(next_slot_at, $1::timestamptz)
        WHERE id = 1`,
      new Date(until),
    );
  }

  private now(): number {
    return this.deps.clock.now().getTime();
  }

  /**
   * When this instance already sent `rate` messages in the last second (plus a
   * margin for network jitter), the next one waits until the oldest of them
   * leaves the window - however late the event loop ran the earlier slots.
   */
  private windowFreeAt(): number {
    if (!this.windowLimit || this.recent.length < this.windowLimit) return 0;
    return this.recent[0]! + WINDOW_MS + WINDOW_MARGIN_MS;
  }

  private async nextSlot(): Promise<number> {
    for (;;) {
      const now = this.now();
      let stale = 0;
      while (stale < this.slots.length && this.slots[stale]! < now - this.staleMs) stale++;
      if (stale > 0) this.slots.splice(0, stale);
      const slot = this.slots.shift();
      if (slot !== undefined) return slot;
      this.reserving ??= this.reserve().finally(() => {
        this.reserving = undefined;
      });
      await this.reserving;
    }
  }

  private async reserve(): Promise<void> {
    const span = this.batch * this.intervalMs;
    const rows = await this.deps.db.prisma.$queryRawUnsafe<{ end_at: Date; paused_until: Date | null }[]>(
      // A slot far in the future can only come from a clock that jumped back (or a stale test): start over from now.
      `UPDATE delivery_pacer
          SET next_slot_at = CASE WHEN next_slot_at > $1::timestamptz + interval '1 day' THEN $1::timestamptz
                                  ELSE greatest(next_slot_at, $1::timestamptz, coalesce(paused_until, $1::timestamptz)) END
                             + ($2::float8 * interval '1 millisecond'),
              paused_until = CASE WHEN paused_until > $1::timestamptz + interval '1 day' THEN NULL ELSE paused_until END
        WHERE id = 1
    RETURNING next_slot_at AS end_at, paused_until`,
      new Date(this.now()),
      span,
    );
    const row = rows[0];
    if (!row) throw new Error("delivery_pacer row is missing (migrations not applied?)");
    if (row.paused_until) this.pausedUntil = Math.max(this.pausedUntil, row.paused_until.getTime());
    const first = row.end_at.getTime() - span;
    for (let i = 0; i < this.batch; i++) this.slots.push(first + i * this.intervalMs);
  }

  private async waitUntil(at: number): Promise<void> {
    const wait = at - this.now();
    if (wait > 0) await this.sleep(wait);
  }

  private forgetIdleChats(): void {
    const cutoff = this.now() - this.perChatIntervalMs;
    for (const [chat, at] of this.lastByChat) if (at < cutoff) this.lastByChat.delete(chat);
  }
}
