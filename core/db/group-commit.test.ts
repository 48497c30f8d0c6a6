// Group commit: requests made while a statement is on its way go together in
// the next; a failing group is retried request by request, so one bad value
// fails only its own caller; an infrastructure failure fails the group at once.
import { describe, expect, test } from "vitest";
import { GroupCommit } from "./group-commit.ts";

describe("GroupCommit", () => {
  test("the first request goes alone, the ones made meanwhile go together, each gets its own answer", async () => {
    const batches: number[][] = [];
    const group = new GroupCommit(async (inputs: number[]) => {
      batches.push(inputs);
      await new Promise((r) => setTimeout(r, 5));
      return inputs.map((n) => n * 10);
    });
    const answers = await Promise.all([1, 2, 3, 4].map((n) => group.run(n)));
    expect(answers).toEqual([10, 20, 30, 40]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
    expect(await group.run(5)).toBe(50);
  });

  test("a group that fails is tried request by request: only the bad one fails", async () => {
    const group = new GroupCommit(async (inputs: string[]) => {
      await Promise.resolve();
      if (inputs.includes("bad")) throw new Error("invalid input syntax");
      return inputs.map((s) => s.toUpperCase());
    });
    const first = group.run("warm-up");
    const results = await Promise.allSettled(["a", "bad", "c"].map((s) => group.run(s)));
    expect(await first).toBe("WARM-UP");
    expect(results.map((r) => (r.status === "fulfilled" ? r.value : (r.reason as Error).message))).toEqual(["A", "invalid input syntax", "C"]);
  });

  test("an infrastructure failure fails the whole group without retrying each", async () => {
    let calls = 0;
    const group = new GroupCommit(async (inputs: number[]) => {
      calls += 1;
      await Promise.resolve();
      if (inputs.length > 1 || calls > 1) throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
      return inputs;
    });
    const results = await Promise.allSettled([1, 2, 3].map((n) => group.run(n)));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "rejected"]);
    expect(calls).toBe(2);
  });
});
