/**
 * `tverr network HISTORY --roster ROSTER`: the has-met network of a meeting history, as the
 * engine measures and reports it. This file only reads the files, resolves --agency and
 * --sector against the roster, and calls the engine's `network`.
 */
import {
  assemble,
  comparisonMarkdown,
  findColumn,
  guessNetworkKeys,
  type History,
  type HistoryRound,
  issue,
  listColumns,
  network,
  networkMarkdown,
  type Person,
  ProblemInputError,
  parseJson,
  personRefs,
  readHistoryFile,
  readRosterFile,
  shortlist,
} from "../../../engine/index.js";
import { type Context, say } from "../context.js";
import { EXIT, UsageError } from "../errors.js";
import type { FlagSpec, ParsedFlags } from "../flags.js";
import { emit, type Format, json, outputFormat } from "../output.js";
import { column, file, generalFlags, nonNegativeInt, outputFlags } from "../values.js";

export const flags: FlagSpec[] = [
  { name: "roster", value: "ROSTER", group: "input", parse: file },
  { name: "agency", value: "COL", group: "input", parse: column },
  { name: "sector", value: "COL", group: "input", parse: column },
  { name: "before", value: "N", group: "rounds", parse: nonNegativeInt },
  { name: "new-rounds", value: "FILE", group: "rounds", parse: file },
  ...outputFlags(["md", "json"], false),
  ...generalFlags,
];

export async function run(parsed: ParsedFlags, ctx: Context): Promise<number> {
  const { values, positionals } = parsed;
  const rosterPath = values.get("roster") as string | undefined;
  const before = values.get("before") as number | undefined;
  const newPath = values.get("new-rounds") as string | undefined;
  const out = values.get("out") as string | undefined;
  if (positionals.length !== 1) {
    throw new UsageError(
      "positionals",
      { command: "network", expected: "history", got: positionals.length },
      "network",
    );
  }
  if (rosterPath === undefined) throw new UsageError("roster_required", {}, "network");
  if (before !== undefined && newPath !== undefined) throw new UsageError("before_and_new", {}, "network");
  const inputs = [positionals[0], rosterPath, newPath].filter((p): p is string => p !== undefined);
  if (inputs.filter((p) => p === "-").length > 1) throw new UsageError("one_stdin", {}, "network");
  if (out !== undefined && inputs.includes(out))
    throw new UsageError("output_is_input", { flag: "--out", file: out }, "network");
  const format = outputFormat(
    "network",
    ["md", "json"],
    values.get("format") as Format | undefined,
    out,
    false,
  );

  const rosterSource = await ctx.read(rosterPath);
  ctx.origins.roster = rosterSource.name;
  const wanted = {
    agency: values.get("agency") as string | undefined,
    sector: values.get("sector") as string | undefined,
  };
  const { people, keys } = /\.json$/i.test(rosterPath)
    ? jsonPeople(rosterSource.bytes, rosterSource.name, wanted)
    : await csvPeople(rosterSource.bytes, rosterSource.name, wanted);
  const refs = personRefs({ people });

  const historySource = await ctx.read(positionals[0]);
  let history: History = await readHistoryFile(historySource.bytes, refs, { file: historySource.name });
  let newRounds: HistoryRound[] | undefined;
  if (before !== undefined) {
    const n = history.rounds.length;
    if (before >= n)
      throw new UsageError("before_too_many", { before, rounds: n, file: historySource.name }, "network");
    newRounds = history.rounds.slice(before);
    history = { rounds: history.rounds.slice(0, before) };
  } else if (newPath !== undefined) {
    const source = await ctx.read(newPath);
    newRounds = (await readHistoryFile(source.bytes, refs, { file: source.name })).rounds;
  }
  const guessed = guessNetworkKeys(people);
  const agency = keys.agency ?? guessed.agency;
  const sector = keys.sector ?? guessed.sector;
  const result = network({
    people,
    history,
    ...(newRounds ? { newRounds } : {}),
    agencyKey: agency,
    sectorKey: sector,
  });
  const L = ctx.locale;
  const text =
    format === "json"
      ? json(result.kind === "measures" ? { measures: result.measures } : { comparison: result.comparison })
      : result.kind === "measures"
        ? networkMarkdown(result.measures, L)
        : comparisonMarkdown(result.comparison, L);
  await emit(text, out, ctx.io);
  await say(ctx, [
    L.cli.networkSummary(people.length, history.rounds.length, newRounds?.length, agency, sector, out),
  ]);
  return EXIT.ok;
}

interface Wanted {
  agency?: string;
  sector?: string;
}

/** The roster's people; --agency and --sector read as categories whatever the header suggests. */
async function csvPeople(bytes: Uint8Array, name: string, wanted: Wanted) {
  const { table } = await readRosterFile(bytes, { file: name });
  const keys: { agency?: string; sector?: string } = {};
  const attributes: Record<string, { kind: "categorical"; weight: number }> = {};
  for (const role of ["agency", "sector"] as const) {
    const w = wanted[role];
    if (w === undefined) continue;
    const found = findColumn(table.header, w);
    if (found === undefined) {
      // At the flag (path [role]): the flag named a column the roster does not have.
      throw new ProblemInputError([
        issue("mapping_column_missing", { name: w, ...listColumns(table) }, [role]),
      ]);
    }
    keys[role] = found;
    attributes[found] = { kind: "categorical", weight: 0 };
  }
  const assembled = assemble({ roster: { table, file: name }, settings: { mapping: { attributes } } });
  return { people: assembled.roster?.people ?? [], keys };
}

function jsonPeople(bytes: Uint8Array, name: string, wanted: Wanted): { people: Person[]; keys: Wanted } {
  const raw = parseJson(bytes, name);
  const people = (
    typeof raw === "object" && raw !== null && "people" in raw
      ? (raw as { people: unknown }).people
      : undefined
  ) as Person[];
  if (!Array.isArray(people)) throw new UsageError("json_not_object", { file: name }, "network");
  const names = [...new Set(people.flatMap((p) => Object.keys(p?.attributes ?? {})))];
  const keys: Wanted = {};
  for (const role of ["agency", "sector"] as const) {
    const w = wanted[role];
    if (w === undefined) continue;
    const found = findColumn(names, w);
    if (found === undefined) {
      throw new ProblemInputError([
        issue("mapping_column_missing", { name: w, columns: shortlist(names) }, [role]),
      ]);
    }
    keys[role] = found;
  }
  return { people, keys };
}
