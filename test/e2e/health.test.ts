// GET /healthz (the process is up) and GET /readyz (database, migrations, bots).
import { describe, expect, test } from "vitest";
import { useTestProduct } from "../support/per-describe.ts";

describe("health endpoints", () => {
  const p = useTestProduct({ kind: "pglite" });

  test("/healthz answers while the process runs; /readyz checks the database and both bots", async () => {
    const health = await fetch(`${p.baseUrl}/healthz`);
    expect([health.status, await health.json()]).toEqual([200, { status: "ok" }]);

    const ready = await fetch(`${p.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: "ready",
      checks: {
        database: { ok: true, detail: "pglite" },
        telegram: { ok: true, detail: "long polling" },
        slack: { ok: true, detail: "http mode, team T0TEST" },
      },
    });
  });

  test("/readyz turns 503 and says why when a part is down", async () => {
    await p.app.telegram!.stop();
    const ready = await fetch(`${p.baseUrl}/readyz`);
    expect(ready.status).toBe(503);
    const body = (await ready.json()) as { status: string; checks: Record<string, { ok: boolean; detail?: string }> };
    expect(body.status).toBe("not_ready");
    expect(body.checks.telegram).toEqual({ ok: false, detail: "long polling is not running" });
    expect(body.checks.database!.ok).toBe(true);
  });
});
