// Pausing and resuming a chain from Slack. The chain file says what a chain
// does; its state (active or paused) is the team's, kept in the database so
// every instance sees the same and a restart keeps it.
// While paused a chain sends nothing: its due steps wait, and messages it had
// queued are held by the delivery worker. With `hold` new triggers still enrol
// and wait; with `skip` the chain takes no new entries until resumed.
// Resuming continues each person where they were. Messages that became due
// during the pause go out through the outbox (Telegram's rate, quiet hours and
// caps apply, so there is no burst); anyone whose due step is older than the
// chain's max_trigger_age is taken out instead, as a stale trigger would be.
import { writeAudit } from "../audit/audit-log.ts";
import type { CoreDeps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { ChainDefinition } from "./chain-definition.ts";

export type PauseMode = "hold" | "skip";

type Tx = Prisma.TransactionClient;

/** Messages the chain queued that have not gone out. */
async function pendingOf(tx: Tx, chainId: string): Promise<number> {
  const rows = await tx.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM delivery d JOIN chain_enrollment ce ON ce.id = d.chain_enrollment_id WHERE ce.chain_id = $1 AND d.status = 'pending'`,
    chainId,
  );
  return rows[0]?.n ?? 0;
}

export class ChainNotFound extends DomainError {
  constructor(id: string, known: string[]) {
    super("chain_not_found", `No chain "${id}"`, { id, known: known.join(", ") });
  }
}

export class ChainStateUnchanged extends DomainError {
  constructor(id: string, state: "paused" | "active") {
    super(state === "paused" ? "chain_already_paused" : "chain_not_paused", `Chain "${id}" is already ${state}`, { id });
  }
}

/** Paused chains and how they take new entries. */
export async function pausedChains(deps: CoreDeps): Promise<Map<string, PauseMode>> {
  const rows = await deps.db.prisma.chainState.findMany({ where: { pausedAt: { not: null } } });
  return new Map(rows.map((r) => [r.chainId, r.pauseMode === "skip" ? "skip" : "hold"]));
}

function chainOf(chains: ChainDefinition[], id: string): ChainDefinition {
  const chain = chains.find((c) => c.id === id);
  if (!chain) throw new ChainNotFound(id, chains.map((c) => c.id));
  return chain;
}

export async function pauseChain(deps: CoreDeps, options: { chains: ChainDefinition[]; chainId: string; mode: PauseMode; actor: string }): Promise<{ chain: ChainDefinition; held: number }> {
  const chain = chainOf(options.chains, options.chainId);
  const now = deps.clock.now();
  return deps.db.prisma.$transaction(async (tx) => {
    const current = await tx.chainState.findUnique({ where: { chainId: chain.id } });
    if (current?.pausedAt) throw new ChainStateUnchanged(chain.id, "paused");
    await tx.chainState.upsert({
      where: { chainId: chain.id },
      create: { chainId: chain.id, pausedAt: now, pausedBy: options.actor, pauseMode: options.mode, updatedAt: now },
      update: { pausedAt: now, pausedBy: options.actor, pauseMode: options.mode, updatedAt: now },
    });
    const held = await pendingOf(tx, chain.id);
    await writeAudit(deps, { actor: options.actor, action: "chain.pause", target: chain.id, details: { mode: options.mode, held } }, tx);
    return { chain, held };
  });
}

export interface ResumeResult {
  chain: ChainDefinition;
  /** People whose waits ran out during the pause: their next step runs now, paced by the outbox. */
  due: number;
  /** Taken out: their step was due longer ago than the chain's max_trigger_age. */
  dropped: number;
  /** Queued messages released. */
  released: number;
}

export async function resumeChain(deps: CoreDeps, options: { chains: ChainDefinition[]; chainId: string; actor: string }): Promise<ResumeResult> {
  const chain = chainOf(options.chains, options.chainId);
  const now = deps.clock.now();
  const staleBefore = new Date(now.getTime() - chain.max_trigger_age);
  return deps.db.prisma.$transaction(async (tx) => {
    const current = await tx.chainState.findUnique({ where: { chainId: chain.id } });
    if (!current?.pausedAt) throw new ChainStateUnchanged(chain.id, "active");
    const stale = await tx.$queryRawUnsafe<{ id: number }[]>(
      `UPDATE chain_enrollment SET status = 'exited', exit_reason = 'stale_after_pause', finished_at = $3
        WHERE chain_id = $1 AND status = 'active' AND next_run_at < $2
       RETURNING id`,
      chain.id,
      staleBefore,
      now,
    );
    // Queued messages of people taken out are dropped; the others' go out, oldest first.
    const skipped = await tx.$executeRawUnsafe(
      `UPDATE delivery SET status = 'skipped', reason = 'stale_after_pause'
        WHERE status = 'pending' AND chain_enrollment_id IN (
          SELECT ce.id FROM chain_enrollment ce WHERE ce.chain_id = $1 AND (ce.id = ANY($2::int[]) OR ce.status <> 'active'))
           OR (status = 'pending' AND created_at < $3 AND chain_enrollment_id IN (SELECT id FROM chain_enrollment WHERE chain_id = $1))`,
      chain.id,
      stale.map((r) => r.id),
      staleBefore,
    );
    const released = await pendingOf(tx, chain.id);
    const due = await tx.chainEnrollment.count({ where: { chainId: chain.id, status: "active", nextRunAt: { lte: now } } });
    await tx.chainState.update({ where: { chainId: chain.id }, data: { pausedAt: null, pausedBy: null, pauseMode: null, updatedAt: now } });
    await writeAudit(deps, { actor: options.actor, action: "chain.resume", target: chain.id, details: { due, dropped: stale.length, released, skipped } }, tx);
    return { chain, due, dropped: stale.length, released };
  });
}
