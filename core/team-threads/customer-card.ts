import type { CustomerCard } from "../ports.ts";
import type { Subscriber } from "../../generated/prisma/client.ts";

export function customerCardOf(subscriber: Subscriber): CustomerCard {
  const name = [subscriber.firstName, subscriber.lastName].filter(Boolean).join(" ");
  return {
    subscriberId: subscriber.id,
    name: name || null,
    username: subscriber.username,
    email: subscriber.email,
    phone: subscriber.phone,
    language: subscriber.language,
    source: subscriber.source,
  };
}
