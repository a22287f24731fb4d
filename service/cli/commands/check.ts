/**
 * `tverr check ROSTER`: will the rules hold at all? Prints what was read, how each column is
 * used, and the diagnosis with ways to fix it, without composing.
 */
import { check, markdownCheck } from "../../../engine/index.js";
import { type Context, say } from "../context.js";
import { EXIT, UsageError } from "../errors.js";
import type { FlagSpec, ParsedFlags } from "../flags.js";
import { loadInput } from "../input.js";
import { emit, json } from "../output.js";
import {
  columnFlags,
  generalFlags,
  groupFlags,
  inputFlags,
  outputFlags,
  positiveInt,
  ruleFlags,
} from "../values.js";
import { noteInput, outputsOf } from "./shared.js";

export const flags: FlagSpec[] = [
  ...groupFlags,
  ...columnFlags,
  ...ruleFlags,
  { name: "rounds", value: "N", group: "rounds", parse: positiveInt },
  ...inputFlags,
  ...outputFlags(["md", "json"], false),
  ...generalFlags,
];

export async function run(parsed: ParsedFlags, ctx: Context): Promise<number> {
  const { values, positionals } = parsed;
  const { out, format } = outputsOf("check", parsed, ["md", "json"], false);
  const loaded = await loadInput(positionals[0], values, ctx.read, "check", ctx.origins);
  Object.assign(ctx.origins, loaded.origins);
  if (loaded.request.groups === undefined) throw new UsageError("no_groups", {}, "check");
  await noteInput(loaded, ctx);
  const result = check(loaded.request);
  const L = ctx.locale;
  const text =
    format === "json"
      ? json({
          ...result,
          problem: undefined,
          columns: loaded.columns,
          skipped: loaded.roster?.skipped ?? [],
        })
      : markdownCheck({ problem: result.problem, diagnoses: result.diagnoses, columns: loaded.columns }, L, {
          title: `${L.report.checkTitle}: ${loaded.file}`,
          people: result.problem.people,
          skipped: loaded.roster?.skipped ?? [],
          warnings: loaded.roster?.warnings ?? [],
        });
  await emit(text, out, ctx.io);
  if (out !== undefined) {
    await say(ctx, [
      result.feasible ? L.cli.checkHolds(out) : L.cli.checkFails(result.diagnoses.length, out),
    ]);
  }
  return result.feasible ? EXIT.ok : EXIT.infeasible;
}
