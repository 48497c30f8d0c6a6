import type { Clock } from "../../core/clock.ts";

/** A clock that only moves when the test moves it. */
export class FakeClock implements Clock {
  private current: number;
  constructor(start: Date | string = "2026-11-23T10:00:00Z") {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  set(to: Date | string): void {
    this.current = new Date(to).getTime();
  }
  advance(ms: number): Date {
    this.current += ms;
    return this.now();
  }
  advanceMinutes(n: number): Date {
    return this.advance(n * 60_000);
  }
  advanceHours(n: number): Date {
    return this.advance(n * 3_600_000);
  }
  advanceDays(n: number): Date {
    return this.advance(n * 86_400_000);
  }
}
