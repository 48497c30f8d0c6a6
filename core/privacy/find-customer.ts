// The team names a customer the way they know them: #42 (our id), a Telegram
// id, @username, an e-mail, a phone number or the shop's external id.
import type { CoreDeps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import type { Subscriber } from "../../generated/prisma/client.ts";
import { normalizeEmail, normalizePhone } from "../subscribers/customer-identity.ts";

export class CustomerNotFound extends DomainError {
  constructor(query: string) {
    super("customer_not_found", `No customer matches "${query}".`, { query });
  }
}

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
  if (!found) throw new CustomerNotFound(q);
  return found;
}
