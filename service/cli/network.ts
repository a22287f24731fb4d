/**
 * `tverr network HISTORY --roster ROSTER`: the has-met network of a meeting history, as the
 * engine measures and reports it (`engine/network`). This file only reads the files, resolves
 * the --agency and --sector columns against the roster, and calls the engine; the report and
 * every figure are the engine's. Messages name files, lines, columns and flags, never a
 * participant's name, e-mail or attribute value.
 */
import { z } from "zod";
import {
  buildMeetingGraph,
  compareNetworks,
  comparisonMarkdown,
  formatIssue,
  guessNetworkKeys,
  type History,
  type HistoryRound,
  type InputIssue,
  measureNetwork,
  meetingGraphsBeforeAfter,
  type NetworkKeys,
  networkMarkdown,
  type Person,
  PersonSchema,
  ProblemInputError,
} from "../../engine/index.js";
import {
  decodeRosterBytes,
  headerKey,
  type PersonRef,
  parseTable,
  personRefs,
  type RosterMapping,
  readHistoryCsv,
  readRoster,
} from "../../engine/roster/index.js";
import { type NetworkArgs, networkFormat, parseNetwork } from "./args.js";
import { type Context, fileProblem } from "./commands.js";
import { EXIT, InputFailure, UsageError } from "./errors.js";
import { commandHelp } from "./help.js";
import { parseJson } from "./json.js";
import type { Source } from "./problem.js";

export async function runNetwork(argv: string[], ctx: Context): Promise<number> {
  const args = parseNetwork(argv);
  if (args.help) {
    await ctx.io.stdout.write(commandHelp.network);
    return EXIT.ok;
  }
  if (args.positionals.length !== 1) {
    throw new UsageError(
      `tverr network takes one HISTORY file; got ${args.positionals.length} arguments`,
      "network",
    );
  }
  if (args.roster === undefined) {
    throw new UsageError(
      "--roster: give the roster (CSV or JSON) of the people HISTORY names; it says their agency and sector",
      "network",
    );
  }
  const historyPath = args.positionals[0];
  const inputs = [historyPath, args.roster, args.newRounds].filter((p) => p !== undefined);
  if (inputs.filter((p) => p === "-").length > 1) {
    throw new UsageError("only one file can come from standard input (-)", "network");
  }
  if (args.out !== undefined && inputs.includes(args.out)) {
    throw new UsageError(`--out: ${args.out} is an input; write the result to another file`, "network");
  }
  const format = networkFormat(args);

  const rosterSource = await ctx.read(args.roster);
  const roster = isJson(args.roster, rosterSource.bytes)
    ? jsonPeople(rosterSource, args)
    : csvPeople(rosterSource, args);

  const historySource = await ctx.read(historyPath);
  let history: History = readHistoryCsv(historySource.bytes, roster.refs, { file: historySource.name });
  let newRounds: HistoryRound[] | undefined;
  if (args.before !== undefined) {
    const n = history.rounds.length;
    if (args.before >= n) {
      throw new UsageError(
        `--before ${args.before}: ${historySource.name} has ${plural(n, "round", "rounds")}; give fewer, so that some rounds are new`,
        "network",
      );
    }
    newRounds = history.rounds.slice(args.before);
    history = { rounds: history.rounds.slice(0, args.before) };
  } else if (args.newRounds !== undefined) {
    const source = await ctx.read(args.newRounds);
    newRounds = readHistoryCsv(source.bytes, roster.refs, { file: source.name }).rounds;
  }

  const keys = resolvedKeys(roster.people, roster.keys);
  let text: string;
  try {
    if (newRounds === undefined) {
      const measures = measureNetwork(buildMeetingGraph(roster.people, history, keys));
      text = format === "json" ? json({ measures }) : networkMarkdown(measures);
    } else {
      const { before, after } = meetingGraphsBeforeAfter(roster.people, history, newRounds, keys);
      const comparison = compareNetworks(before, after);
      text = format === "json" ? json({ comparison }) : comparisonMarkdown(comparison);
    }
  } catch (error) {
    if (!(error instanceof ProblemInputError)) throw error;
    throw new InputFailure(
      error.issues.map(
        (i) => `${i.path[0] === "people" ? rosterSource.name : historySource.name}: ${formatIssue(i)}`,
      ),
    );
  }

  if (args.out === undefined) await ctx.io.stdout.write(text);
  else await write(args.out, text, ctx);
  await ctx.io.stderr.write(summary(roster.people.length, history, newRounds, keys, args.out));
  return EXIT.ok;
}

interface People {
  people: Person[];
  refs: PersonRef[];
  /** The attribute keys --agency and --sector resolved to (absent: guess). */
  keys: NetworkKeys;
}

function isJson(path: string, bytes: Uint8Array): boolean {
  if (/\.json$/i.test(path)) return true;
  if (path !== "-") return false;
  return /^\uFEFF?\s*[{[]/.test(decodeRosterBytes(bytes.subarray(0, 64)).text);
}

/** The flags that name columns, with the column each names. */
function columnFlags(args: NetworkArgs): [flag: "--agency" | "--sector", column: string][] {
  const list: [flag: "--agency" | "--sector", column: string][] = [];
  if (args.agency !== undefined) list.push(["--agency", args.agency]);
  if (args.sector !== undefined) list.push(["--sector", args.sector]);
  return list;
}

/** A name as the roster reader matches headers: exactly, else ignoring case, accents and punctuation. */
function findName(names: readonly string[], wanted: string): string | undefined {
  if (names.includes(wanted)) return wanted;
  const key = headerKey(wanted);
  const loose = names.filter((n) => key !== "" && headerKey(n) === key);
  return loose.length === 1 ? loose[0] : undefined;
}

function csvPeople(source: Source, args: NetworkArgs): People {
  const file = source.name;
  const header = parseTable(decodeRosterBytes(source.bytes).text, { file, ragged: true }).header;
  const keys: NetworkKeys = {};
  const attributes: NonNullable<RosterMapping["attributes"]> = {};
  const flagOf = new Map<string, string>();
  for (const [flag, wanted] of columnFlags(args)) {
    const column = findName(header, wanted);
    if (column === undefined) {
      throw new UsageError(
        `${flag}: ${file} has no column ${JSON.stringify(wanted)}; its columns are: ${header.join(", ")}`,
        "network",
      );
    }
    keys[flag === "--agency" ? "agency" : "sector"] = column;
    // Read as categories whatever the header suggests; the weight does not matter here.
    attributes[column] = { kind: "categorical", weight: 0 };
    flagOf.set(column, flag);
  }
  try {
    const roster = readRoster(source.bytes, {
      file,
      ...(Object.keys(attributes).length > 0 ? { mapping: { attributes } } : {}),
    });
    return { people: roster.people, refs: personRefs(roster), keys };
  } catch (error) {
    if (!(error instanceof ProblemInputError)) throw error;
    // A mapping issue here comes from --agency or --sector, e.g. naming the name column.
    throw new InputFailure(
      error.issues.map((i) =>
        i.path[0] === "mapping" && i.line === undefined
          ? `${flagOf.get(String(i.path[2])) ?? "--agency/--sector"}: ${i.message}`
          : formatIssue(i),
      ),
    );
  }
}

const JsonPeopleSchema = z.array(PersonSchema).min(1, "needs at least one person");

function jsonPeople(source: Source, args: NetworkArgs): People {
  const file = source.name;
  const raw = parseJson(source.bytes, file);
  if (typeof raw !== "object" || raw === null || Array.isArray(raw) || !("people" in raw)) {
    throw new InputFailure([
      `${file}: expected a JSON object with people (a problem in the engine's schema)`,
    ]);
  }
  const parsed = JsonPeopleSchema.safeParse((raw as { people: unknown }).people);
  if (!parsed.success) {
    const issues: InputIssue[] = parsed.error.issues.map((i) => ({
      path: ["people", ...i.path.filter((p): p is string | number => typeof p !== "symbol")],
      message: i.message,
    }));
    throw new InputFailure(issues.map((i) => `${file}: ${formatIssue(i)}`));
  }
  const people = parsed.data;
  const names = [...new Set(people.flatMap((p) => Object.keys(p.attributes)))];
  const keys: NetworkKeys = {};
  for (const [flag, wanted] of columnFlags(args)) {
    const found = findName(names, wanted);
    if (found === undefined) {
      throw new UsageError(
        `${flag}: no person in ${file} has an attribute ${JSON.stringify(wanted)}; the attributes are: ${names.join(", ") || "(none)"}`,
        "network",
      );
    }
    keys[flag === "--agency" ? "agency" : "sector"] = found;
  }
  const refs = people.map((p) => ({ id: p.id, ...(p.name !== undefined ? { name: p.name } : {}) }));
  return { people, refs, keys };
}

/** The keys given, the others guessed from the people's attributes (as the engine would). */
function resolvedKeys(
  people: readonly Person[],
  given: NetworkKeys,
): { agency: string | null; sector: string | null } {
  const guessed = guessNetworkKeys(people);
  return {
    agency: given.agency !== undefined ? given.agency : guessed.agency,
    sector: given.sector !== undefined ? given.sector : guessed.sector,
  };
}

/** One line on standard error: what was read and which columns were used. No names, no values. */
function summary(
  people: number,
  history: History,
  newRounds: HistoryRound[] | undefined,
  keys: { agency: string | null; sector: string | null },
  out: string | undefined,
): string {
  const rounds =
    newRounds === undefined
      ? plural(history.rounds.length, "round", "rounds")
      : `${plural(history.rounds.length, "round", "rounds")} before and ${newRounds.length} new`;
  const column = (what: string, key: string | null, flag: string) =>
    key === null ? `no ${what} column found (give ${flag} COL)` : `${what} from ${JSON.stringify(key)}`;
  const lines = [
    `${plural(people, "person", "people")}, ${rounds}; ${column("agency", keys.agency, "--agency")}, ${column("sector", keys.sector, "--sector")}.${out !== undefined ? ` Wrote ${out}.` : ""}`,
  ];
  return lines.map((l) => `tverr: ${l}\n`).join("");
}

async function write(path: string, text: string, ctx: Context): Promise<void> {
  try {
    await ctx.io.writeFile(path, text);
  } catch (error) {
    throw new InputFailure([
      `${path}: cannot write the file (${fileProblem((error as NodeJS.ErrnoException).code)})`,
    ]);
  }
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
