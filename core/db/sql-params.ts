// Builds raw SQL with positional parameters ($1..$n), so values never become
// part of the SQL text. Every placeholder carries a cast: PGlite and the
// PostgreSQL server then agree on types, and results come back as JS numbers.
export type SqlCast = "text" | "float8" | "int" | "timestamptz" | "jsonb" | "bigint" | "date";

export class SqlParams {
  readonly values: unknown[] = [];
  private readonly seen = new Map<string, string>();

  constructor(private readonly offset = 0) {}

  /** The placeholder for a value; the same value and cast reuse one placeholder. */
  add(value: string | number | Date, cast: SqlCast): string {
    const v = value instanceof Date ? value.toISOString() : value;
    const key = `${typeof v}:${String(v)}::${cast}`;
    const existing = this.seen.get(key);
    if (existing) return existing;
    this.values.push(v);
    const placeholder = `$${this.offset + this.values.length}::${cast}`;
    this.seen.set(key, placeholder);
    return placeholder;
  }

  list(values: readonly string[]): string {
    return values.map((v) => this.add(v, "text")).join(", ");
  }
}

export const DAY_MS = 86_400_000;

export function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}
