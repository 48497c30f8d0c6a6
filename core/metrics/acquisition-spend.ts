// What the team spent to acquire people, per source and period (CAC's
// numerator, docs/metrics.md): entered with /spend, from a CSV, or here.
// An entry covers whole days in the team's timezone; entering the same source
// and days again corrects it. Every change is audited in its transaction.
import { z } from "zod";
import { writeAudit } from "../audit/audit-log.ts";
import type { CoreDeps } from "../deps.ts";
import { DomainError, NotFound } from "../errors.ts";
import { wallClock } from "../time/zoned.ts";
import { calendarPeriod, type Period } from "./period.ts";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD");

export const acquisitionSpendSchema = z
  .object({
    source: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "expected a source name (1-64 of A-Z a-z 0-9 _ -)"),
    /** First and last day covered, inclusive, in the team's timezone. */
    from: day,
    to: day,
    amount: z.number({ message: "expected an amount such as 8000 or 8000.50" }).min(0, "must not be negative").max(1e11),
    /** People the spend reached (the acquisition rate's denominator), when the channel reports it. */
    contacted: z.number({ message: "expected a number of people" }).int().min(0).max(1e11).optional(),
  })
  .refine((s) => s.to >= s.from, { message: "the last day must not be before the first", path: ["to"] });
export type AcquisitionSpendInput = z.infer<typeof acquisitionSpendSchema>;

export class InvalidSpend extends DomainError {
  constructor(message: string) {
    super("invalid_spend", `Invalid acquisition spend: ${message}.`, { reason: message });
  }
}

export interface SpendEntry {
  id: number;
  source: string;
  from: string;
  to: string;
  amount: number;
  contacted: number | null;
  createdBy: string;
}

/** Records (or corrects) what was spent on one source over some days; audited. */
export async function recordAcquisitionSpend(deps: CoreDeps, options: AcquisitionSpendInput & { actor: string }): Promise<SpendEntry> {
  const parsed = acquisitionSpendSchema.safeParse(options);
  if (!parsed.success) throw new InvalidSpend(`${parsed.error.issues[0]!.path.join(".")} ${parsed.error.issues[0]!.message}`);
  const s = parsed.data;
  const key = { source: s.source, periodStart: new Date(`${s.from}T00:00:00Z`), periodEnd: new Date(`${s.to}T00:00:00Z`) };
  const values = { amount: s.amount, contacted: s.contacted ?? null, createdBy: options.actor, createdAt: deps.clock.now() };
  const row = await deps.db.prisma.$transaction(async (tx) => {
    const saved = await tx.acquisitionSpend.upsert({ where: { source_periodStart_periodEnd: key }, create: { ...key, ...values }, update: values });
    await writeAudit(deps, { actor: options.actor, action: "acquisition.spend", target: s.source, details: { id: saved.id, ...s } }, tx);
    return saved;
  });
  return entryOf(row);
}

/** The whole days a period covers, for a spend entry: a calendar unit (even the part so far) covers all its days. */
export function spendDays(period: Period, timezone: string): { from: string; to: string } {
  const whole = period.calendar ? calendarPeriod(period.calendar.unit, period.from, timezone) : period;
  return { from: localDay(whole.from, timezone), to: localDay(new Date(whole.to.getTime() - 1), timezone) };
}

/** Entries that overlap the period or days (all of them without either), newest days first. */
export async function listAcquisitionSpend(deps: CoreDeps, options: { period?: Period; days?: { from: string; to: string } } = {}): Promise<SpendEntry[]> {
  const days = options.days ?? (options.period ? spendDays({ from: options.period.from, to: options.period.to }, deps.teamTimezone) : undefined);
  const rows = await deps.db.prisma.acquisitionSpend.findMany({
    where: days ? { periodStart: { lte: new Date(`${days.to}T00:00:00Z`) }, periodEnd: { gte: new Date(`${days.from}T00:00:00Z`) } } : {},
    orderBy: [{ periodStart: "desc" }, { source: "asc" }],
    take: 200,
  });
  return rows.map(entryOf);
}

export async function deleteAcquisitionSpend(deps: CoreDeps, options: { id: number; actor: string }): Promise<SpendEntry> {
  return deps.db.prisma.$transaction(async (tx) => {
    const row = await tx.acquisitionSpend.findUnique({ where: { id: options.id } });
    if (!row) throw new NotFound("Spend entry", options.id);
    await tx.acquisitionSpend.delete({ where: { id: options.id } });
    const entry = entryOf(row);
    await writeAudit(deps, { actor: options.actor, action: "acquisition.spend_deleted", target: row.source, details: { ...entry } }, tx);
    return entry;
  });
}

function entryOf(row: { id: number; source: string; periodStart: Date; periodEnd: Date; amount: { toNumber(): number }; contacted: number | null; createdBy: string }): SpendEntry {
  return {
    id: row.id,
    source: row.source,
    from: row.periodStart.toISOString().slice(0, 10),
    to: row.periodEnd.toISOString().slice(0, 10),
    amount: row.amount.toNumber(),
    contacted: row.contacted,
    createdBy: row.createdBy,
  };
}

function localDay(at: Date, timezone: string): string {
  const w = wallClock(at, timezone);
  return `${w.year}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;
}
