// Part of `npm run deps`: Slack handlers parse and render, the core does the
// work. dependency-cruiser forbids bot/slack/ importing the database
// (core/db/, the generated Prisma client, a driver); this check catches the
// other way in, reaching through the core's deps: `core.db`, `.prisma`, raw SQL.
import fs from "node:fs";
import path from "node:path";

const ROOT = path.join(import.meta.dirname, "..", "bot", "slack");
const DATABASE_ACCESS = /\.db\b|\bprisma\b|\$(queryRaw|executeRaw)/;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(file);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [file] : [];
  });
}

const found = sources(ROOT).flatMap((file) =>
  fs
    .readFileSync(file, "utf8")
    .split("\n")
    .flatMap((line, i) => (DATABASE_ACCESS.test(line) && !line.trimStart().startsWith("//") ? [`${path.relative(process.cwd(), file)}:${i + 1}: ${line.trim()}`] : [])),
);
if (found.length > 0) {
  console.error(`Database access in Slack handlers (move it into a core use case):\n${found.join("\n")}`);
  process.exit(1);
}
console.log("no database access under bot/slack/");
