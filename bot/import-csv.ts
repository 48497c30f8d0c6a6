// npm run import -- <file.csv> [--kind customers|orders|events|promo_codes|spend] [--batch 1000]
// Imports into the database the configuration points at (.env / DATABASE_URL),
// with a progress bar on stderr; bad rows go to <file>.rejects.csv. Exit
// status: 0 all rows imported, 2 some rows rejected, 1 the import failed.
import { offlineCoreDeps } from "../core/offline-deps.ts";
import fs from "node:fs";
import { parseArgs } from "node:util";
import { analyticsSettingsFrom, ConfigError, loadConfig } from "../core/config.ts";
import { openDatabase } from "../core/db/database.ts";
import { migrate } from "../core/db/migrate.ts";
import { DomainError } from "../core/errors.ts";
import { IMPORT_KINDS, importCsv, type ImportKind, type ImportProgress } from "../core/events/import-csv.ts";

const USAGE = "Usage: npm run import -- <file.csv> [--kind customers|orders|events|promo_codes|spend] [--batch 1000]";

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { kind: { type: "string" }, batch: { type: "string", default: "1000" } } });
  const file = positionals[0];
  if (!file || positionals.length > 1) return fail(USAGE);
  if (values.kind && !IMPORT_KINDS.includes(values.kind as ImportKind)) return fail(`--kind must be one of ${IMPORT_KINDS.join(", ")}. ${USAGE}`);
  const batchSize = Number(values.batch);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 1000) return fail("--batch must be a whole number from 1 to 1000.");
  if (!fs.existsSync(file)) return fail(`No such file: ${file}`);
  const size = fs.statSync(file).size;

  const config = loadConfig();
  const db = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
  const deps = offlineCoreDeps(db, { teamTimezone: config.TZ_TEAM, analytics: analyticsSettingsFrom(config) });
  const rejectsFile = `${file}.rejects.csv`;
  const rejects = fs.createWriteStream(rejectsFile);
  const started = Date.now();
  let lastDraw = 0;
  const draw = (p: ImportProgress, force = false) => {
    if (!force && Date.now() - lastDraw < 200) return;
    lastDraw = Date.now();
    process.stderr.write(`\r${progressLine(p, size, Date.now() - started)}`);
  };
  try {
    await migrate(db);
    const result = await importCsv(deps, {
      input: fs.createReadStream(file),
      ...(values.kind ? { kind: values.kind as ImportKind } : {}),
      batchSize,
      onProgress: draw,
      reject: (line) => rejects.write(`${line}\n`),
    });
    draw(result, true);
    const seconds = (Date.now() - started) / 1000;
    process.stderr.write("\n");
    console.log(
      `Imported ${result.kind} from ${file}: ${result.rows} rows in ${seconds.toFixed(1)} s - ${result.stored} stored, ` +
        `${result.duplicates} already there, ${result.updated} updated (refunds), ${result.rejected} rejected.`,
    );
    await new Promise<void>((resolve) => rejects.end(resolve));
    if (result.rejected > 0) {
      console.log(`Rejected rows, with their line numbers and reasons: ${rejectsFile}`);
      return 2;
    }
    fs.rmSync(rejectsFile, { force: true });
    return 0;
  } finally {
    rejects.end();
    await db.close();
  }
}

function progressLine(p: ImportProgress, size: number, ms: number): string {
  const share = size > 0 ? Math.min(1, p.bytes / size) : 1;
  const width = 30;
  const bar = "#".repeat(Math.round(share * width)).padEnd(width, "-");
  const rate = ms > 0 ? Math.round((p.rows / ms) * 1000) : 0;
  return `[${bar}] ${(share * 100).toFixed(0).padStart(3)}%  ${p.rows} rows  ${rate} rows/s  ${p.rejected} rejected`;
}

function fail(message: string): number {
  console.error(message);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof ConfigError || err instanceof DomainError ? err.message : err);
    process.exit(1);
  },
);
