// Group commit for the hot writes of a burst (update claims, newcomers,
// consent presses): every caller waits for its own result, but the requests
// made while one statement is on its way go together in the next one. Under a
// burst that is one statement per batch instead of one per request; idle, a
// request goes at once. (The delivery worker's SentOutcomeWriter does the same
// for "sent" outcomes.)
//
// A grouped statement that fails for a reason other than the infrastructure's
// is tried again request by request, so one bad value fails only its caller.
import { isInfrastructureFailure } from "../infrastructure-failure.ts";
import type { Database } from "./database.ts";

interface Waiting<I, O> {
  input: I;
  resolve: (output: O) => void;
  reject: (err: unknown) => void;
}

export class GroupCommit<I, O> {
  private queue: Waiting<I, O>[] = [];
  private running = false;

  /** `runBatch` answers every input, in the order given. */
  constructor(
    private readonly runBatch: (inputs: I[]) => Promise<O[]>,
    private readonly maxBatch = 500,
  ) {}

  run(input: I): Promise<O> {
    return new Promise((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      if (!this.running) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        try {
          const outputs = await this.runBatch(batch.map((w) => w.input));
          batch.forEach((w, i) => w.resolve(outputs[i]!));
        } catch (err) {
          if (batch.length === 1 || isInfrastructureFailure(err)) {
            for (const w of batch) w.reject(err);
            continue;
          }
          for (const w of batch) {
            try {
              w.resolve((await this.runBatch([w.input]))[0]!);
            } catch (alone) {
              w.reject(alone);
            }
          }
        }
      }
    } finally {
      this.running = false;
    }
  }
}

const perDatabase = new WeakMap<Database, Map<string, unknown>>();

/** The one GroupCommit of this name for this database handle (the core's use cases get `deps`, not a long-lived object). */
export function groupCommitOf<I, O>(db: Database, name: string, runBatch: (inputs: I[]) => Promise<O[]>): GroupCommit<I, O> {
  let named = perDatabase.get(db);
  if (!named) perDatabase.set(db, (named = new Map()));
  let group = named.get(name) as GroupCommit<I, O> | undefined;
  if (!group) named.set(name, (group = new GroupCommit(runBatch)));
  return group;
}
