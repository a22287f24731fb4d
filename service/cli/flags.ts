/**
 * Flags: each command declares a table (name, kind, value hint, help group, parser); the
 * parser, the `--help` text and the "did you mean" come from the same table, so they cannot
 * drift. Descriptions are the locale's (`cli.flags`), so help reads in the user's language.
 *
 * Accepted forms: `--name value`, `--name=value`, `-o value`, booleans without a value,
 * repeatable flags collected in order, `--` ends the flags, `-` alone is a positional
 * (standard input).
 */
import type { Locale } from "../../engine/index.js";
import { UsageError } from "./errors.js";

export type HelpGroup = "groups" | "columns" | "rules" | "search" | "rounds" | "input" | "output" | "general";

export interface FlagSpec<T = unknown> {
  name: string;
  short?: string;
  /** A value hint for help and errors ("N", "COL=K"); absent: a boolean flag. */
  value?: string;
  repeatable?: boolean;
  group: HelpGroup;
  /** Turns the text after the flag into its value; throws UsageError naming the flag. */
  parse?: (text: string, flag: string) => T;
}

export interface ParsedFlags {
  /** Values by flag name: a parsed value, `true` for a boolean, a list for a repeatable flag. */
  values: Map<string, unknown>;
  positionals: string[];
}

export function parseFlags(
  command: string,
  specs: readonly FlagSpec[],
  argv: readonly string[],
): ParsedFlags {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short as string, s]));
  const values = new Map<string, unknown>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === "-" || !arg.startsWith("-")) {
      positionals.push(arg);
      continue;
    }
    const long = arg.startsWith("--");
    const eq = arg.indexOf("=");
    const key = long ? arg.slice(2, eq > 0 ? eq : undefined) : arg.slice(1, 2);
    const spec = long ? byName.get(key) : byShort.get(key);
    const flag = long ? `--${key}` : `-${key}`;
    if (!spec) {
      throw new UsageError(
        "unknown_option",
        {
          option: flag,
          command,
          ...suggestion(
            key,
            specs.map((s) => s.name),
            "--",
          ),
        },
        command,
      );
    }
    const name = `--${spec.name}`;
    let text: string | undefined;
    if (long && eq > 0) text = arg.slice(eq + 1);
    else if (!long && arg.length > 2) text = arg.slice(2);
    if (spec.value === undefined) {
      if (text !== undefined) throw new UsageError("unexpected_value", { flag: name }, command);
      values.set(spec.name, true);
      continue;
    }
    if (text === undefined) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith("-") && next !== "-")) {
        throw new UsageError("missing_value", { flag: name, value: spec.value }, command);
      }
      text = next;
      i++;
    }
    const value = spec.parse ? spec.parse(text, name) : text;
    if (spec.repeatable) values.set(spec.name, [...((values.get(spec.name) as unknown[]) ?? []), value]);
    else values.set(spec.name, value);
  }
  return { values, positionals };
}

/** `--help` of a command: usage, what it does, the flags by group, examples, exit codes. */
export function renderHelp(
  command: "compose" | "check" | "score" | "network",
  specs: readonly FlagSpec[],
  locale: Locale,
): string {
  const words = locale.cli.commandHelp[command];
  const out = [words.usage, "", wrap(words.about, 92), ""];
  const groups = [...new Set(specs.map((s) => s.group))];
  for (const group of groups) {
    out.push(`${locale.cli.groupHeadings[group]}:`);
    for (const s of specs.filter((x) => x.group === group)) {
      const left = `  ${s.short ? `-${s.short}, ` : ""}--${s.name}${s.value ? ` ${s.value}` : ""}`;
      const text = locale.cli.flags[s.name] ?? "";
      out.push(left.length < 30 ? `${left.padEnd(30)}${text}` : `${left}\n${" ".repeat(30)}${text}`);
    }
    if (group === "columns") out.push(wrap(locale.cli.columnsNote, 92, "  "));
    out.push("");
  }
  out.push(
    `${locale.tag === "nb" ? "Eksempler" : "Examples"}:`,
    words.examples,
    "",
    wrap(words.exit, 92),
    "",
  );
  return out.join("\n");
}

function wrap(text: string, width: number, indent = ""): string {
  const lines: string[] = [];
  let line = indent;
  for (const word of text.split(/\s+/)) {
    if (line.trim() !== "" && line.length + word.length + 1 > width) {
      lines.push(line);
      line = indent;
    }
    line += line.trim() === "" ? word : ` ${word}`;
  }
  if (line.trim() !== "") lines.push(line);
  return lines.join("\n");
}

/** The closest known name within two edits, as the user would type it. */
export function suggestion(word: string, names: readonly string[], prefix = ""): { suggestion?: string } {
  let best: string | undefined;
  let bestDistance = 3;
  for (const name of names) {
    const d = editDistance(word.toLowerCase(), name.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = name;
    }
  }
  return best !== undefined ? { suggestion: `${prefix}${best}` } : {};
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}
