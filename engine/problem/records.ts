/**
 * Records whose keys the caller chooses (person ids, attribute names, categories, group ids).
 *
 * Such keys are data, not code: a person may be called `__proto__`, a category `valueOf`.
 * zod's `z.record` builds a plain object and skips a `__proto__` key silently, and a plain
 * object answers `constructor` or `toString` through its prototype. So every such record is
 * parsed into a null-prototype object that keeps every key the caller sent, and read with
 * `own` (an own-property check), never `record[key]` on a plain object.
 *
 * How: before zod sees the record, a `__proto__` key is renamed to a name no caller key can
 * have (it starts with a NUL, which `keyedRecord` refuses in keys); after zod, the record is
 * copied into a null-prototype object under the original names. The OpenAPI document shows a
 * plain record (zod documents the inner schema of a preprocess).
 */
import { z } from "zod";
import { MAX_ID_LENGTH } from "./fields.js";

const PROTO = "__proto__";
const ESCAPED = "\u0000__proto__";

/** Own enumerable entries, `__proto__` included (JSON.parse makes it an own property). */
function ownEntries(value: object): [string, unknown][] {
  return Object.keys(value).map((k) => [k, (value as Record<string, unknown>)[k]]);
}

function escapeKeys(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  if (!Object.hasOwn(value, PROTO)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of ownEntries(value)) {
    if (k === PROTO) Object.defineProperty(out, ESCAPED, { value: v, enumerable: true, writable: true });
    else out[k] = v;
  }
  return out;
}

/** A null-prototype copy of `record`, with escaped keys restored. */
export function nullRecord<V>(record: Record<string, V> | Iterable<[string, V]>): Record<string, V> {
  const out = Object.create(null) as Record<string, V>;
  const entries = Symbol.iterator in record ? record : ownEntries(record);
  for (const [k, v] of entries as Iterable<[string, V]>) {
    Object.defineProperty(out, k === ESCAPED ? PROTO : k, {
      value: v,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** The value at an own key, or undefined (never a value from a prototype). */
export function own<V>(record: Readonly<Record<string, V>> | undefined, key: string): V | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Own entries of a record keyed by caller data. */
export function entries<V>(record: Readonly<Record<string, V>> | undefined): [string, V][] {
  return record === undefined ? [] : (ownEntries(record) as [string, V][]);
}

/** Keys are names (attributes, people, groups, categories): bounded like ids, as they come back in results. */
const keyString = z
  .string()
  .max(MAX_ID_LENGTH)
  .refine((k) => k === ESCAPED || !k.startsWith("\u0000"), "a key may not start with a NUL character");

/**
 * `z.record(key, value)` for keys the caller chooses: keeps `__proto__`, outputs a
 * null-prototype object. `key` narrows the keys (default: any string without a leading NUL).
 */
export function keyedRecord<V extends z.ZodType>(value: V, key: z.ZodType<string> = keyString) {
  return z
    .preprocess(escapeKeys, z.record(key.pipe(keyString), value))
    .transform((r) => nullRecord(r as Record<string, z.output<V>>));
}
