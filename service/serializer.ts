/**
 * Replies are encoded by their zod schemas (as fastify-type-provider-zod does), with one
 * change: keys the caller chose come back even when they are `__proto__`.
 *
 * zod's `z.record` skips a `__proto__` key (it guards against prototype pollution), so a
 * person called `__proto__` would silently vanish from a result's `assignment`, and a group
 * called so from a round's `composed` groups. The engine keeps such keys as own properties of
 * null-prototype records (engine/problem/records.ts); after encoding, every `__proto__` own
 * key of the data is put back where encoding dropped it. Only caller-keyed records have such
 * a key, so nothing a schema strips on purpose comes back.
 */
import type { FastifySerializerCompiler } from "fastify";
import { ResponseSerializationError } from "fastify-type-provider-zod";
import { z } from "zod";

const PROTO = "__proto__";

export const serializerCompiler: FastifySerializerCompiler<z.ZodType | { properties: z.ZodType }> = ({
  schema,
  method,
  url,
}) => {
  const zod = schema instanceof z.ZodType ? schema : schema.properties;
  return (data) => {
    const result = z.safeEncode(zod, data);
    if (!result.success) throw new ResponseSerializationError(method, url, { cause: result.error });
    return JSON.stringify(restoreProtoKeys(data, result.data));
  };
};

/** `encoded` with every `__proto__` own key of `original` (at the same place) restored. */
export function restoreProtoKeys<T>(original: unknown, encoded: T): T {
  if (typeof original !== "object" || original === null) return encoded;
  if (typeof encoded !== "object" || encoded === null) return encoded;
  if (Array.isArray(original)) {
    if (Array.isArray(encoded))
      for (let i = 0; i < original.length; i++) restoreProtoKeys(original[i], encoded[i]);
    return encoded;
  }
  const from = original as Record<string, unknown>;
  const to = encoded as Record<string, unknown>;
  for (const key of Object.keys(from)) {
    if (key === PROTO && !Object.hasOwn(to, PROTO)) {
      Object.defineProperty(to, PROTO, {
        value: from[key],
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else if (Object.hasOwn(to, key)) {
      restoreProtoKeys(from[key], to[key]);
    }
  }
  return encoded;
}
