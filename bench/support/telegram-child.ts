import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";

export interface TelegramChild {
  apiRoot: string;
  token: string;
  stats(): Promise<{ messages: number; chats: number; rateLimited: number }>;
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
    async stop() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.disconnect();
      await exited;
    },
  };
}
