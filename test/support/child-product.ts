// Runs the product as `npm start` does (bot/main.ts in its own process) and
// reads its JSON log lines, so tests can wait for "listening" and find the port.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import readline from "node:readline";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");

/** Every variable the product reads, blank: a developer's .env must not leak into a test. */
const BLANK_ENV = {
  DATABASE_URL: "",
  TELEGRAM_BOT_TOKEN: "",
  TELEGRAM_WEBHOOK_URL: "",
  TELEGRAM_WEBHOOK_SECRET: "",
  SLACK_BOT_TOKEN: "",
  SLACK_SIGNING_SECRET: "",
  SLACK_APP_TOKEN: "",
  SLACK_TEAM_CHANNEL: "",
};

export interface ChildProduct {
  process: ChildProcess;
  logs: Record<string, unknown>[];
  stderr: string[];
  /** Resolves with the first log line matching, or rejects on exit/timeout. */
  waitForLog(predicate: (line: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Products still running when the test process ends (a test that timed out before its cleanup, a worker
 * torn down) are killed with it: left behind, one spun on a deleted data folder for hours.
 */
const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

export function spawnProduct(env: Record<string, string>, args: string[] = []): ChildProduct {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(PROJECT_ROOT, "bot/main.ts"), ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...BLANK_ENV, LOG_LEVEL: "info", ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  running.add(child);
  child.once("exit", () => running.delete(child));
  const logs: Record<string, unknown>[] = [];
  const stderr: string[] = [];
  const listeners: (() => void)[] = [];
  readline.createInterface({ input: child.stdout! }).on("line", (line) => {
    try {
      logs.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      logs.push({ msg: line });
    }
    for (const l of [...listeners]) l();
  });
  readline.createInterface({ input: child.stderr! }).on("line", (line) => {
    stderr.push(line);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on("exit", (code, signal) => {
      resolve({ code, signal });
      for (const l of [...listeners]) l();
    });
  });
  let done = false;
  void exited.then(() => (done = true));
  return {
    process: child,
    logs,
    stderr,
    exited,
    waitForLog(predicate, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => finish(new Error(`no matching log line within ${timeoutMs} ms; stderr: ${stderr.join("\n")}`)), timeoutMs);
        const check = () => {
          const found = logs.find(predicate);
          if (found) finish(undefined, found);
          else if (done) finish(new Error(`the product exited first; stderr: ${stderr.join("\n")}`));
        };
        function finish(err?: Error, line?: Record<string, unknown>) {
          clearTimeout(timer);
          const i = listeners.indexOf(check);
          if (i >= 0) listeners.splice(i, 1);
          if (err) reject(err);
          else resolve(line!);
        }
        listeners.push(check);
        check();
      });
    },
  };
}
