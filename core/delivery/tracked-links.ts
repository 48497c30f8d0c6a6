// Button links go out as /r/<token>. The token is the delivery id and button
// index, encrypted and authenticated (AES-256-GCM): unguessable, it reveals no
// customer or delivery id, and needs no row written at send time.
import crypto from "node:crypto";
import type { CoreDeps } from "../deps.ts";

const VERSION = 1;

export interface LinkTarget {
  deliveryId: bigint;
  button: number;
}

export function linkToken(secret: Buffer, target: LinkTarget): string {
  const plain = Buffer.alloc(9);
  plain.writeBigUInt64BE(target.deliveryId, 0);
  plain.writeUInt8(target.button, 8);
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", secret, iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, body, cipher.getAuthTag()]).toString("base64url");
}

export function readLinkToken(secret: Buffer, token: string): LinkTarget | undefined {
  if (!/^[A-Za-z0-9_-]{20,80}$/.test(token)) return undefined;
  const raw = Buffer.from(token, "base64url");
  if (raw.length !== 1 + 12 + 9 + 16 || raw[0] !== VERSION) return undefined;
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", secret, raw.subarray(1, 13));
    decipher.setAuthTag(raw.subarray(22));
    const plain = Buffer.concat([decipher.update(raw.subarray(13, 22)), decipher.final()]);
    return { deliveryId: plain.readBigUInt64BE(0), button: plain.readUInt8(8) };
  } catch {
    return undefined;
  }
}

/**
 * The key for link tokens: LINK_SECRET when configured, otherwise one
 * generated on first use and kept in the database, so every instance and every
 * restart reads links the same way.
 */
export async function linkSecret(deps: Pick<CoreDeps, "db">, configured?: string): Promise<Buffer> {
  if (configured) return crypto.createHash("sha256").update(configured).digest();
  const fresh = crypto.randomBytes(32).toString("base64");
  await deps.db.prisma.$executeRawUnsafe(
    `INSERT INTO setting (key, value, updated_at) VALUES ('link_secret', to_jsonb($1::text), now()) ON CONFLICT (key) DO NOTHING`,
    fresh,
  );
  const row = await deps.db.prisma.setting.findUniqueOrThrow({ where: { key: "link_secret" } });
  return Buffer.from(row.value as string, "base64");
}
