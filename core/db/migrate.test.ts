// Migrations as the product applies them (migrate.ts): a migration that rewrote
// many rows names the tables to vacuum once it has committed.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openDatabase, type Database } from "./database.ts";
import { migrate, vacuumTables } from "./migrate.ts";

test("the tables to vacuum are read from '-- vacuum:' lines, names only", () => {
  expect(vacuumTables(`-- vacuum: "order", subscriber\nUPDATE x SET y = 1;\n-- vacuum: survey_response`)).toEqual(['"order"', "subscriber", "survey_response"]);
  expect(vacuumTables(`-- vacuum: x; DROP TABLE y`)).toEqual([]);
  expect(vacuumTables(`UPDATE x SET y = 1; -- vacuum: x`)).toEqual([]);
});

describe("a migration that asks for a vacuum", () => {
  let db: Database;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "chatloop-migrations-"));
    fs.mkdirSync(path.join(dir, "20260101000000_rewrite"));
    fs.writeFileSync(
      path.join(dir, "20260101000000_rewrite", "migration.sql"),
      `-- vacuum: rewritten\nCREATE TABLE rewritten (id int PRIMARY KEY, v int);\nINSERT INTO rewritten SELECT i, 0 FROM generate_series(1, 1000) i;\nUPDATE rewritten SET v = 1;\n`,
    );
    db = await openDatabase({ dataDir: "memory://" });
  });
  afterAll(async () => {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("is applied, then its table is vacuumed: every page all-visible, no dead rows", async () => {
    expect(await migrate(db, dir)).toEqual({ applied: ["20260101000000_rewrite"], total: 1 });
    const [stats] = await db.prisma.$queryRawUnsafe<{ pages: number; visible: number; updated: number }[]>(
      `SELECT relpages AS pages, relallvisible AS visible, (SELECT count(*)::int FROM rewritten WHERE v = 1) AS updated FROM pg_class WHERE relname = 'rewritten'`,
    );
    expect(stats!.updated).toBe(1000);
    expect(stats!.pages).toBeGreaterThan(0);
    expect(stats!.visible).toBe(stats!.pages);
  });
});
