import { describe, expect, test } from "vitest";
import { z } from "zod";
import { defineCallback } from "./button-data.ts";

describe("callback data", () => {
  const vote = defineCallback("vote", z.object({ survey: z.string().min(1), score: z.enum(["0", "1", "10"]) }));

  test("packs and unpacks typed values", () => {
    expect(vote.pack({ survey: "nps", score: "10" })).toBe("vote:nps:10");
    expect(vote.unpack("vote:nps:10")).toEqual({ survey: "nps", score: "10" });
  });

  test("refuses foreign or malformed data", () => {
    expect(vote.unpack("voter:nps:10")).toBeUndefined();
    expect(vote.unpack("vote:nps:11")).toBeUndefined();
    expect(vote.unpack(undefined)).toBeUndefined();
  });

  test("never packs more than Telegram's 64 bytes", () => {
    expect(() => vote.pack({ survey: "x".repeat(60), score: "1" })).toThrow(/over 64 bytes/);
  });
});
