// Finds the subscriber behind each customer reference of a batch, creating the
// unknown ones as prospects (consent "none": known to us, never subscribed, so
// no campaign reaches them). Set-based: a few statements per batch, whatever
// its size. Precedence when one reference matches several people: Telegram id,
// external id, e-mail, phone.
import type { Prisma } from "../../generated/prisma/client.ts";
import type { CoreDeps } from "../deps.ts";
import type { CustomerRef } from "./customer-identity.ts";

// One batch at a time (in any instance) creates customers, so two concurrent
// batches that mention the same new e-mail create one person, not two. A
// transaction-level lock taken inside the transaction that does the matching:
// a batch waiting for it holds one connection and needs no other.
const CUSTOMER_CREATION_LOCK = 72707371;

const INPUT = `jsonb_to_recordset($1::jsonb) AS x(k text, id int, telegram_id bigint, external_id text, email text, phone text,
  first_name text, last_name text, language text, source text)`;

/** Subscriber ids, in the order of `refs`. */
export async function matchCustomers(deps: CoreDeps, refs: CustomerRef[]): Promise<number[]> {
  return (await matchOrCreateCustomers(deps, refs)).ids;
}

/** matchCustomers, also saying which references were new people (created as prospects now). */
export async function matchOrCreateCustomers(deps: CoreDeps, refs: CustomerRef[]): Promise<{ ids: number[]; created: boolean[] }> {
  const { people, personOf } = samePeople(refs);
  if (people.length === 0) return { ids: [], created: [] };
  const createdKeys = new Set<string>();
  const rows = people.map((c, i) => ({ k: String(i), ...c }));
  const now = deps.clock.now();
  const ids = await deps.db.lockedTransaction(CUSTOMER_CREATION_LOCK, async (tx) => {
    const found = await findExisting(tx, rows);
    const missing = rows.filter((r) => !found.has(r.k));
    if (missing.length > 0) {
      await createProspects(tx, missing, now);
      // Those a concurrent writer created first (a Telegram /start) are found now.
      for (const [k, id] of await findExisting(tx, missing)) {
        found.set(k, id);
        createdKeys.add(k);
      }
    }
    await fillEmptyContacts(tx, rows.map((r) => ({ ...r, id: found.get(r.k) })), now);
    return found;
  });
  const matched = refs.map((_, i) => {
    const id = ids.get(String(personOf[i]));
    if (id === undefined) throw new Error(`customer #${i} of the batch could be neither found nor created`);
    return id;
  });
  // The first reference to a new person created it; the others of the batch name the same person.
  const seen = new Set<string>();
  const created = refs.map((_, i) => {
    const k = String(personOf[i]);
    const first = !seen.has(k);
    seen.add(k);
    return first && createdKeys.has(k);
  });
  return { ids: matched, created };
}

/**
 * References of one batch that share any identifier are one person (an order
 * names the e-mail, a later event the e-mail and the phone, another the
 * phone): merged, first value of each field wins.
 */
function samePeople(refs: CustomerRef[]): { people: CustomerRef[]; personOf: number[] } {
  const parent = refs.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  const owner = new Map<string, number>();
  refs.forEach((ref, i) => {
    for (const id of [`t:${ref.telegram_id ?? ""}`, `x:${ref.external_id ?? ""}`, `e:${ref.email ?? ""}`, `p:${ref.phone ?? ""}`]) {
      if (id.length === 2) continue;
      const other = owner.get(id);
      if (other === undefined) owner.set(id, i);
      else parent[root(i)] = root(other);
    }
  });
  const people: CustomerRef[] = [];
  const indexOfRoot = new Map<number, number>();
  const personOf = refs.map((ref, i) => {
    const r = root(i);
    let p = indexOfRoot.get(r);
    if (p === undefined) {
      p = people.push({ ...ref }) - 1;
      indexOfRoot.set(r, p);
    } else {
      const merged = people[p]!;
      for (const [k, v] of Object.entries(ref as Record<string, unknown>)) if (v !== undefined && (merged as Record<string, unknown>)[k] === undefined) (merged as Record<string, unknown>)[k] = v;
    }
    return p;
  });
  return { people, personOf };
}

type Tx = Prisma.TransactionClient;

async function findExisting(tx: Tx, rows: object[]): Promise<Map<string, number>> {
  const found = await tx.$queryRawUnsafe<{ k: string; id: number | null }[]>(
    `SELECT x.k, coalesce(
        (SELECT s.id FROM subscriber s WHERE s.telegram_id = x.telegram_id),
        (SELECT s.id FROM subscriber s WHERE s.external_id = x.external_id),
        (SELECT min(s.id) FROM subscriber s WHERE s.email = x.email AND s.erased_at IS NULL),
        (SELECT min(s.id) FROM subscriber s WHERE s.phone = x.phone AND s.erased_at IS NULL)) AS id
       FROM ${INPUT}`,
    JSON.stringify(rows),
  );
  return new Map(found.filter((r) => r.id !== null).map((r) => [r.k, r.id!]));
}

async function createProspects(tx: Tx, rows: object[], now: Date): Promise<void> {
  await tx.$executeRawUnsafe(
    `INSERT INTO subscriber (telegram_id, external_id, email, phone, first_name, last_name, language, source, consent_status, created_at, updated_at)
     SELECT x.telegram_id, x.external_id, x.email, x.phone, x.first_name, x.last_name, coalesce(x.language, 'en'), x.source,
            'none', $2::timestamptz, $2::timestamptz
       FROM ${INPUT}
     ON CONFLICT DO NOTHING`,
    JSON.stringify(rows),
    now.toISOString(),
  );
}

/** What a known customer lacks (an e-mail, a phone, a name) is taken from the batch; nothing is overwritten. */
async function fillEmptyContacts(tx: Tx, rows: object[], now: Date): Promise<void> {
  await tx.$executeRawUnsafe(
    `UPDATE subscriber s
        SET email = coalesce(s.email, x.email), phone = coalesce(s.phone, x.phone),
            first_name = coalesce(s.first_name, x.first_name), last_name = coalesce(s.last_name, x.last_name),
            updated_at = $2::timestamptz
       FROM ${INPUT}
      WHERE s.id = x.id
        AND ((s.email IS NULL AND x.email IS NOT NULL) OR (s.phone IS NULL AND x.phone IS NOT NULL)
          OR (s.first_name IS NULL AND x.first_name IS NOT NULL) OR (s.last_name IS NULL AND x.last_name IS NOT NULL))`,
    JSON.stringify(rows),
    now.toISOString(),
  );
}
