// The pacer with a fake clock: sleeping moves the clock, so the sequence of
// send instants is exact and the test takes no real time.
import { describe, expect, test } from "vitest";
import { FakeClock } from "../../test/support/clock.ts";
import { DATABASE_KINDS } from "../../test/support/databases.ts";
import { Pacer } from "./pacer.ts";
import { useTestDatabase } from "../../test/support/per-describe.ts";

/** The largest number of instants inside any window of `ms` milliseconds. */
function maxInWindow(instants: number[], ms: number): number {
  const sorted = [...instants].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= ms) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

describe.each(DATABASE_KINDS)("pacer on %s", (kind) => {
  const database = useTestDatabase(kind);

  function pacerAt(clock: FakeClock, rate = 30) {
    return new Pacer({ db: database.db, clock }, { ratePerSecond: rate }, async (ms) => {
      clock.advance(ms);
    });
  }

  test("300 messages to different chats: never more than 30 in any second, and close to 10 s in all", async () => {
    const clock = new FakeClock("2026-11-25T10:00:00Z");
    const pacer = pacerAt(clock);
    const start = clock.now().getTime();
    const sent: number[] = [];
    for (let i = 0; i < 300; i++) sent.push((await pacer.acquire(`chat${i}`)).getTime());
    expect(maxInWindow(sent, 1000)).toBe(30);
    const span = sent.at(-1)! - start;
    // 299 gaps of 1000 / (30 x 0.985) = 33.84 ms = 10.12 s: within 2 % of the nominal 9.97 s.
    expect(span).toBeGreaterThanOrEqual(10_000);
    expect(span).toBeLessThan(10_200);
  });

  test("a late event loop never bunches sends: still at most 30 in any second by the sender's clock", async () => {
    const clock = new FakeClock("2026-11-25T10:30:00Z");
    let calls = 0;
    // Every 7th wait overshoots by 40 ms, as a busy process does.
    const pacer = new Pacer({ db: database.db, clock }, { ratePerSecond: 30 }, async (ms) => {
      clock.advance(ms + (++calls % 7 === 0 ? 40 : 0));
    });
    const sent: number[] = [];
    for (let i = 0; i < 200; i++) sent.push((await pacer.acquire(`late${i}`)).getTime());
    expect(maxInWindow(sent, 1010)).toBeLessThanOrEqual(30);
  });

  test("one chat gets at most one message per second", async () => {
    const clock = new FakeClock("2026-11-25T11:00:00Z");
    const pacer = pacerAt(clock);
    const sent: number[] = [];
    for (let i = 0; i < 4; i++) sent.push((await pacer.acquire("same-chat")).getTime());
    const gaps = sent.slice(1).map((t, i) => t - sent[i]!);
    expect(gaps.every((g) => g >= 1000)).toBe(true);
  });

  test("a 429 pauses everyone, other instances included, for retry_after", async () => {
    const clock = new FakeClock("2026-11-25T12:00:00Z");
    const a = pacerAt(clock);
    const b = pacerAt(clock);
    await a.acquire("x1");
    const pausedAt = clock.now().getTime();
    await a.pauseAll(7);
    const nextA = (await a.acquire("x2")).getTime();
    const nextB = (await b.acquire("x3")).getTime();
    expect(nextA - pausedAt).toBeGreaterThanOrEqual(7000);
    expect(nextB - pausedAt).toBeGreaterThanOrEqual(7000);
  });

  test("two instances sharing the database stay under the rate together", async () => {
    const clock = new FakeClock("2026-11-25T13:00:00Z");
    const a = pacerAt(clock);
    const b = pacerAt(clock);
    const sent: number[] = [];
    for (let i = 0; i < 120; i++) sent.push((await (i % 2 ? a : b).acquire(`c${i}`)).getTime());
    expect(maxInWindow(sent, 1000)).toBeLessThanOrEqual(30);
  });
});
