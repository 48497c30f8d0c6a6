import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { CrowdStats } from "./subscriber-crowd.ts";

export interface TelegramChild {
  apiRoot: string;
  token: string;
  stats(): Promise<{ messages: number; chats: number; rateLimited: number }>;
  /** Newcomers pressing /start, then the consent button (subscriber-crowd.ts). */
  startCrowd(people: number, firstId: number): void;
  crowdStats(): Promise<CrowdStats>;
  stop(): Promise<void>;
}

export async function startTelegramChild(limits = false): Promise<TelegramChild> {
  const child: ChildProcess = fork(path.join(import.meta.dirname, "telegram-process.ts"), limits ? ["--limits"] : [], {
    execArgv: ["--import", "tsx", ...(process.env.BENCH_PROFILE_TELEGRAM ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE_TELEGRAM}`] : [])],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const info = await new Promise<{ apiRoot: string; token: string }>((resolve, reject) => {
    child.once("message", (m) => resolve(m as { apiRoot: string; token: string }));
    child.once("exit", (code) => reject(new Error(`fake Telegram exited with ${code}`)));
  });
  return {
    ...info,
    async stats() {
      return (await (await fetch(`${info.apiRoot}/__stats`)).json()) as { messages: number; chats: number; rateLimited: number };
    },
    startCrowd(people, firstId) {
      child.send({ crowd: { people, firstId } });
    },
    async crowdStats() {
      const answer = new Promise<CrowdStats>((resolve) => {
        const listen = (m: { crowdStats?: CrowdStats }) => {
          if (!m.crowdStats) return;
          child.off("message", listen);
          resolve(m.crowdStats);
        };
        child.on("message", listen);
      });
      child.send({ crowdStats: true });
      return answer;
    },
    async stop() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.disconnect();
      await exited;
    },
  };
}
