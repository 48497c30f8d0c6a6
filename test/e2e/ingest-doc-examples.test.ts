// Every ingestion `curl` example in the documentation (README.md and docs/*.md)
// is sent, in order, to a running product: its documented status (the
// comment's "HTTP 207", else 200) and its documented answer (a "# {...}"
// comment after it) are what the product really answers.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestProduct, type TestProduct } from "../support/product.ts";

const KEY = "doc-example-ingest-key";
const ROOT = path.resolve(import.meta.dirname, "../..");

interface Example {
  file: string;
  path: string;
  body: string;
  status: number;
  answer?: unknown;
}

function documentationFiles(): string[] {
  const docs = path.join(ROOT, "docs");
  const inDocs = fs.existsSync(docs) ? fs.readdirSync(docs).filter((f) => f.endsWith(".md")).map((f) => path.join("docs", f)) : [];
  return ["README.md", ...inDocs];
}

/** The curl commands of the ```sh blocks that call /api/v1/, with the comments around them. */
export function ingestionExamples(file: string, markdown: string): Example[] {
  const examples: Example[] = [];
  for (const block of markdown.matchAll(/```sh\n([\s\S]*?)```/g)) {
    const lines = block[1]!.split("\n");
    let comment: string[] = [];
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.startsWith("#")) {
        comment.push(line);
        continue;
      }
      if (!line.startsWith("curl") || !line.includes("/api/v1/")) {
        comment = [];
        continue;
      }
      let command = line;
      while (command.endsWith("\\") || /-d '[^']*$/.test(command)) command += `\n${lines[++i] ?? ""}`;
      let answer = "";
      while (lines[i + 1]?.startsWith("# ")) answer += lines[++i]!.slice(2);
      const url = /https?:\/\/[^\s/]+(\/api\/v1\/\w+)/.exec(command);
      const body = /-d '([^']*)'/.exec(command);
      if (!url || !body) throw new Error(`${file}: an ingestion example this test cannot read:\n${command}`);
      const status = /HTTP (\d{3})/.exec(comment.join(" "));
      examples.push({ file, path: url[1]!, body: body[1]!, status: status ? Number(status[1]) : 200, ...(answer.startsWith("{") ? { answer: JSON.parse(answer) } : {}) });
      comment = [];
    }
  }
  return examples;
}

describe("the documented ingestion examples (pglite)", () => {
  let p: TestProduct;
  beforeAll(async () => {
    p = await startTestProduct({ kind: "pglite", env: { INGEST_API_KEY: KEY } });
  });
  afterAll(async () => {
    await p.stop();
  });

  const examples = documentationFiles().flatMap((file) => ingestionExamples(file, fs.readFileSync(path.join(ROOT, file), "utf8")));

  test("the documentation has the event, order, refund and batch examples", () => {
    expect(examples.map((e) => e.path)).toEqual(expect.arrayContaining(["/api/v1/events", "/api/v1/orders"]));
    expect(examples.length).toBeGreaterThanOrEqual(4);
  });

  test("each one, sent as written, gets the documented answer", async () => {
    for (const example of examples) {
      const res = await fetch(`${p.baseUrl}${example.path}`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${KEY}` },
        body: example.body,
      });
      const answer = await res.json();
      expect({ file: example.file, body: example.body, status: res.status, answer }).toMatchObject({ file: example.file, body: example.body, status: example.status, ...(example.answer ? { answer: example.answer } : {}) });
    }
    // The order with two line items is one order, its amount their sum, and then refunded.
    const order = await p.database.db.prisma.order.findUniqueOrThrow({ where: { idempotencyKey: "A-1001" } });
    expect([Number(order.amount), order.status, order.items]).toEqual([129.9, "refunded", [
      { name: "Sneakers", category: "shoes", price: 119.9, qty: 1 },
      { name: "Socks", price: 5, qty: 2 },
    ]]);
  });
});
