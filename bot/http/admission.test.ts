import { describe, expect, test } from "vitest";
import { Admission } from "./admission.ts";

describe("ingestion admission", () => {
  test("runs `concurrent` at once, queues `queued` in order, refuses the rest; a release passes the slot on", async () => {
    const gate = new Admission({ concurrent: 2, queued: 2 });
    const first = (await gate.enter())!;
    const second = (await gate.enter())!;
    const order: number[] = [];
    const third = gate.enter().then((r) => (order.push(3), r!));
    const fourth = gate.enter().then((r) => (order.push(4), r!));
    expect(await gate.enter()).toBeUndefined();
    first();
    first(); // a second release of the same turn changes nothing
    (await third)();
    second();
    (await fourth)();
    expect(order).toEqual([3, 4]);
    // Everything released: two run at once again.
    expect(await gate.enter()).toBeTypeOf("function");
    expect(await gate.enter()).toBeTypeOf("function");
    expect(await Promise.race([gate.enter(), Promise.resolve("queued")])).toBe("queued");
  });

  test("while a campaign is sending, ingestion runs at half its concurrency; the line moves on as before", async () => {
    let sending = false;
    const gate = new Admission({ concurrent: 4, queued: 4 }, { yieldTo: () => sending });
    const running = [(await gate.enter())!, (await gate.enter())!, (await gate.enter())!];
    sending = true;
    let admitted = false;
    const waiting = gate.enter().then((release) => ((admitted = true), release!));
    running.pop()!();
    await Promise.resolve();
    expect(admitted).toBe(false); // three were running, over the half (2): the slot frees up instead
    running.pop()!();
    const release = await waiting; // one left running: the next in line takes the second slot
    expect(admitted).toBe(true);
    release();
    running.pop()!();
    sending = false;
    const all = await Promise.all([gate.enter(), gate.enter(), gate.enter(), gate.enter()]);
    expect(all.every((r) => typeof r === "function")).toBe(true);
  });
});
