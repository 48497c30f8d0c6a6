// Ingestion's own share of the process. Hundreds of clients posting events at
// once used to take every database connection (and on PGlite every turn of
// the one embedded database), so campaigns fell from 27 to 1-5 msg/s and
// /healthz took seconds. Now at most `concurrent` ingestion requests run at a
// time and at most `queued` wait for a turn; anything beyond is told to come
// back later (429 + Retry-After) before its body is even read. Sending,
// dialogues and health checks keep the rest.
export interface AdmissionLimits {
  concurrent: number;
  queued: number;
}

export interface AdmissionOptions {
  /**
   * True while work that must keep its pace is running (a campaign is being
   * sent): ingestion then runs at half its concurrency, at least one.
   */
  yieldTo?: () => boolean;
}

export class Admission {
  private running = 0;
  private waiting: (() => void)[] = [];

  constructor(
    readonly limits: AdmissionLimits,
    private readonly options: AdmissionOptions = {},
  ) {}

  /** How many may run now. */
  private get limit(): number {
    return this.options.yieldTo?.() ? Math.max(1, Math.ceil(this.limits.concurrent / 2)) : this.limits.concurrent;
  }

  /** A release function once admitted, or undefined when full (the caller answers 429). */
  async enter(): Promise<(() => void) | undefined> {
    if (this.running < this.limit) {
      this.running++;
      return this.releaser();
    }
    if (this.waiting.length >= this.limits.queued) return undefined;
    await new Promise<void>((resolve) => this.waiting.push(resolve));
    return this.releaser();
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      // The slot passes straight to the next in line, unless fewer may run now
      // (a campaign started); then it frees up and the line waits for the next release.
      const next = this.running <= this.limit ? this.waiting.shift() : undefined;
      if (next) next();
      else this.running--;
    };
  }
}

/** Defaults by database: PostgreSQL has a pool to share, embedded PGlite one connection and the event loop. */
export function ingestionLimits(databaseKind: "pglite" | "postgres", concurrent?: number): AdmissionLimits {
  const c = concurrent ?? (databaseKind === "postgres" ? 4 : 1);
  return { concurrent: c, queued: c * 8 };
}
