/**
 * Flag values: the shapes the command line takes (whole numbers, weights, seconds, columns,
 * `COL=K` rules), each parser throwing a UsageError that names the flag. And the flag tables
 * the commands share.
 */
import { UsageError } from "./errors.js";
import type { FlagSpec } from "./flags.js";

export const MAX_SECONDS = 3600;

export function positiveInt(v: string, flag: string): number {
  const n = /^\s*\d+\s*$/.test(v) ? Number(v) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new UsageError("expected_whole", { flag, min: 1 });
  return n;
}

export function nonNegativeInt(v: string, flag: string): number {
  const n = /^\s*\d+\s*$/.test(v) ? Number(v) : Number.NaN;
  if (!Number.isSafeInteger(n)) throw new UsageError("expected_whole", { flag, min: 0 });
  return n;
}

export function integer(v: string, flag: string): number {
  const n = /^\s*-?\d+\s*$/.test(v) ? Number(v) : Number.NaN;
  if (!Number.isSafeInteger(n)) throw new UsageError("expected_integer", { flag });
  return n;
}

/** A number as written by people used to either decimal mark: `1.5` or `1,5`. */
function decimal(v: string): number {
  return /^\s*\d+(?:[.,]\d+)?\s*$/.test(v) ? Number(v.trim().replace(",", ".")) : Number.NaN;
}

export function weight(v: string, flag: string): number {
  const n = decimal(v);
  if (!Number.isFinite(n)) throw new UsageError("expected_weight", { flag });
  return n;
}

/** Seconds to milliseconds. */
export function seconds(v: string, flag: string): number {
  const s = decimal(v);
  if (!Number.isFinite(s) || s <= 0 || s > MAX_SECONDS)
    throw new UsageError("expected_seconds", { flag, max: MAX_SECONDS });
  return Math.max(1, Math.round(s * 1000));
}

export function file(v: string, flag: string): string {
  if (v.trim() === "") throw new UsageError("expected_file", { flag });
  return v;
}

export function column(v: string, flag: string): string {
  if (v.trim() === "") throw new UsageError("expected_column", { flag });
  return v.trim();
}

/** `COL` or `COL=WEIGHT`. */
export function weightedColumn(v: string, flag: string): { column: string; weight?: number } {
  const eq = v.lastIndexOf("=");
  const name = (eq >= 0 ? v.slice(0, eq) : v).trim();
  if (name === "") throw new UsageError("expected_shape", { flag, shape: "COL or COL=WEIGHT" });
  return eq < 0 ? { column: name } : { column: name, weight: weight(v.slice(eq + 1), flag) };
}

/**
 * `COL=K` or `COL:CATEGORY=K`: the part left of the last `=` is split against the columns
 * later. With `needsCategory` (--at-least, --not-alone) the `:CATEGORY` part must be there.
 */
export function countRule(shape: string, needsCategory = false) {
  return (v: string, flag: string): { column: string; count: number } => {
    const eq = v.lastIndexOf("=");
    const target = eq >= 0 ? v.slice(0, eq).trim() : "";
    const colon = target.lastIndexOf(":");
    if (target === "" || (needsCategory && (colon <= 0 || target.slice(colon + 1).trim() === "")))
      throw new UsageError("expected_shape", { flag, shape });
    return { column: target, count: positiveInt(v.slice(eq + 1), flag) };
  };
}

export function choice<T extends string>(allowed: readonly T[]) {
  return (v: string, flag: string): T => {
    if (!(allowed as readonly string[]).includes(v))
      throw new UsageError("expected_choice", { flag, allowed: [...allowed] });
    return v as T;
  };
}

// --- the flag tables the commands share ------------------------------------------------------

export const groupFlags: FlagSpec[] = [
  { name: "size", value: "N", group: "groups", parse: positiveInt },
  { name: "groups", value: "N", group: "groups", parse: positiveInt },
  { name: "min-size", value: "N", group: "groups", parse: nonNegativeInt },
  { name: "max-size", value: "N", group: "groups", parse: positiveInt },
];

export const sizeBoundFlags: FlagSpec[] = groupFlags.filter(
  (f) => f.name === "min-size" || f.name === "max-size",
);

export const columnFlags: FlagSpec[] = [
  { name: "spread", value: "COL[=W]", repeatable: true, group: "columns", parse: weightedColumn },
  { name: "balance", value: "COL[=W]", repeatable: true, group: "columns", parse: weightedColumn },
  { name: "balance-spread", value: "COL[=W]", repeatable: true, group: "columns", parse: weightedColumn },
  { name: "similar", value: "COL[=W]", repeatable: true, group: "columns", parse: weightedColumn },
  {
    name: "cap",
    value: "COL[:CAT]=K",
    repeatable: true,
    group: "columns",
    parse: countRule("COL=K or COL:CATEGORY=K"),
  },
  {
    name: "at-least",
    value: "COL:CAT=K",
    repeatable: true,
    group: "columns",
    parse: countRule("COL:CATEGORY=K", true),
  },
  {
    name: "not-alone",
    value: "COL:CAT=K",
    repeatable: true,
    group: "columns",
    parse: countRule("COL:CATEGORY=K", true),
  },
];

export const ruleFlags: FlagSpec[] = [
  { name: "apart", value: "FILE", repeatable: true, group: "rules", parse: file },
  { name: "together", value: "FILE", repeatable: true, group: "rules", parse: file },
  { name: "pins", value: "FILE", group: "rules", parse: file },
  { name: "repair", value: "FILE", group: "rules", parse: file },
  { name: "stability", value: "W", group: "rules", parse: weight },
];

export const inputFlags: FlagSpec[] = [
  { name: "config", value: "FILE", group: "input", parse: file },
  { name: "skip-invalid-rows", group: "input" },
  { name: "sheet", value: "NAME", group: "input", parse: file },
];

export const generalFlags: FlagSpec[] = [
  { name: "lang", value: "nb|en", group: "general", parse: choice(["nb", "en"] as const) },
  { name: "help", short: "h", group: "general" },
];

export function outputFlags(formats: readonly string[], report: boolean): FlagSpec[] {
  return [
    { name: "format", value: formats.join("|"), group: "output", parse: choice(formats) },
    { name: "out", short: "o", value: "FILE", group: "output", parse: file },
    ...(report ? [{ name: "report", value: "FILE", group: "output", parse: file } satisfies FlagSpec] : []),
  ];
}
