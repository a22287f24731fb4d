/**
 * Static API keys, for machine clients that have no identity provider. TVERR_API_KEYS lists
 * them as `id:secret` (the id names the caller, so its jobs are its own) or as a bare secret,
 * whose caller id is then derived from a hash of it (stable, and it reveals nothing).
 *
 * A key is compared with every known one in constant time (both sides hashed first, so
 * lengths do not leak either), so the time does not tell which one, or whether any, matched.
 */
import { createHash, timingSafeEqual } from "node:crypto";

export interface ApiKey {
  id: string;
  digest: Buffer;
}

const digest = (secret: string) => createHash("sha256").update(secret).digest();

export function parseApiKeys(entries: readonly string[]): ApiKey[] {
  return entries.map((entry) => {
    const at = entry.indexOf(":");
    const [id, secret] = at > 0 ? [entry.slice(0, at), entry.slice(at + 1)] : ["", entry];
    const hashed = digest(secret);
    return { id: id || hashed.toString("hex").slice(0, 12), digest: hashed };
  });
}

/** The id of the key `given` is, if any. */
export function matchApiKey(keys: readonly ApiKey[], given: string): string | undefined {
  const hashed = digest(given);
  let found: string | undefined;
  for (const key of keys) {
    if (timingSafeEqual(hashed, key.digest)) found ??= key.id;
  }
  return found;
}
