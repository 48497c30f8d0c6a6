// The README and docs/ link both ways: every relative link points at a file
// that exists, every page of docs/ is in its index and links back to the README.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";

const pages = ["README.md", ...fs.readdirSync("docs").filter((f) => f.endsWith(".md")).map((f) => path.join("docs", f))];

test("every relative link of the README and docs/ points at a file that exists", () => {
  const broken: string[] = [];
  for (const page of pages) {
    const text = fs.readFileSync(page, "utf8").replace(/```[\s\S]*?```/g, "");
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^(https?:|mailto:|#)/.test(target!)) continue;
      const file = path.join(path.dirname(page), target!.split("#")[0]!);
      if (!fs.existsSync(file)) broken.push(`${page}: ${target}`);
    }
  }
  expect(broken).toEqual([]);
});

test("every docs/ page is in the index and links back to the README; no link to the absent DOMAIN.md", () => {
  const index = fs.readFileSync("docs/README.md", "utf8");
  for (const page of pages.filter((p) => p.startsWith("docs") && !p.endsWith("README.md"))) {
    expect(index, page).toContain(`(${path.basename(page)})`);
    expect(fs.readFileSync(page, "utf8"), page).toContain("(../README.md)");
  }
  expect(fs.readFileSync("README.md", "utf8")).toContain("(docs/README.md)");
  for (const page of pages) expect(fs.readFileSync(page, "utf8"), page).not.toMatch(/\]\([^)]*DOMAIN\.md/);
});
