// The team names a customer the way they know them: #42 (our id), a Telegram
// id, @username, an e-mail, a phone number, the shop's external id, or a
// name ("Alex", "Alex Smith"): one match is that customer, several are named
// back with their #ids so the team can pick.
import type { CoreDeps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import type { Subscriber } from "../../generated/prisma/client.ts";
import { normalizeEmail, normalizePhone } from "../subscribers/customer-identity.ts";

export class CustomerNotFound extends DomainError {
  constructor(query: string) {
    super("customer_not_found", `No customer matches "${query}".`, { query });
  }
}

/** Several customers have the name asked for. */
export class CustomerAmbiguous extends DomainError {
  constructor(query: string, matches: { id: number; name: string; username: string | null }[], count: number) {
    const listed = matches.map((m) => `#${m.id} ${m.name}${m.username ? ` (@${m.username})` : ""}`);
    super("customer_ambiguous", `${count} customers are called "${query}".`, {
      query,
      count,
      matches: listed.join(" · ") + (count > matches.length ? " …" : ""),
      first: `#${matches[0]!.id}`,
    });
  }
}

const NAMES_LISTED = 10;

export async function findCustomer(deps: CoreDeps, query: string): Promise<Subscriber> {
  const q = query.trim();
  const { subscriber } = deps.db.prisma;
  let found: Subscriber | null = null;
  if (/^#\d+$/.test(q)) found = await subscriber.findUnique({ where: { id: Number(q.slice(1)) } });
  else if (/^\d{1,15}$/.test(q)) found = await subscriber.findUnique({ where: { telegramId: BigInt(q) } });
  else if (q.startsWith("@")) found = await subscriber.findFirst({ where: { username: { equals: q.slice(1), mode: "insensitive" } } });
  else if (q.includes("@")) found = await subscriber.findFirst({ where: { email: normalizeEmail(q) ?? q.toLowerCase(), erasedAt: null }, orderBy: { id: "asc" } });
  else if (normalizePhone(q)) found = await subscriber.findFirst({ where: { phone: normalizePhone(q)!, erasedAt: null }, orderBy: { id: "asc" } });
  if (!found) found = await subscriber.findUnique({ where: { externalId: q } });
  if (!found && /\p{L}/u.test(q)) found = await findByName(deps, q);
  if (!found) throw new CustomerNotFound(q);
  return found;
}

/** "Alex" matches a first or last name, "Alex Smith" the full name; case does not matter. Erased people have no name. */
async function findByName(deps: CoreDeps, name: string): Promise<Subscriber | null> {
  const words = name.split(/\s+/);
  const where =
    words.length === 1
      ? { erasedAt: null, OR: [{ firstName: { equals: name, mode: "insensitive" as const } }, { lastName: { equals: name, mode: "insensitive" as const } }] }
      : { erasedAt: null, firstName: { equals: words[0]!, mode: "insensitive" as const }, lastName: { equals: words.slice(1).join(" "), mode: "insensitive" as const } };
  const [matches, count] = await Promise.all([
    deps.db.prisma.subscriber.findMany({ where, orderBy: { id: "asc" }, take: NAMES_LISTED }),
    deps.db.prisma.subscriber.count({ where }),
  ]);
  if (count <= 1) return matches[0] ?? null;
  const named = matches.map((m) => ({ id: m.id, name: [m.firstName, m.lastName].filter(Boolean).join(" "), username: m.username }));
  throw new CustomerAmbiguous(name, named, count);
}
