/**
 * `--config FILE`: a JSON file with a roster mapping and problem fields (groups, attributes,
 * rules, options, …) in the engine's own schema. Checked with zod; every issue names its
 * JSON path in the file. The values are used as written (defaults are filled in once, when
 * the engine parses the whole problem), so a config never overrides what it does not say.
 */
import { z } from "zod";
import { formatPath, type InputIssue, type ProblemInput, ProblemSchema } from "../../engine/index.js";
import { type RosterMapping, RosterMappingSchema } from "../../engine/roster/index.js";
import { InputFailure } from "./errors.js";
import { parseJson } from "./json.js";

export const ConfigSchema = z.strictObject({
  mapping: RosterMappingSchema.optional().describe("How roster columns become people (CSV rosters only)"),
  problem: ProblemSchema.omit({ people: true })
    .partial()
    .optional()
    .describe("Problem fields besides the people: groups, attributes, rules, pairwise, incumbent, options"),
});

/** A config as written. */
export interface Config {
  mapping?: RosterMapping;
  problem?: Partial<Omit<ProblemInput, "people">>;
}

export function parseConfig(bytes: Uint8Array, file: string): Config {
  const raw = parseJson(bytes, file);
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    throw new InputFailure(
      parsed.error.issues.map((i) => {
        const issue: InputIssue = {
          path: i.path.filter((p): p is string | number => typeof p !== "symbol"),
          message: i.message,
        };
        return `${file}: ${formatConfigIssue(issue)}`;
      }),
    );
  }
  return raw as Config;
}

function formatConfigIssue(issue: InputIssue): string {
  return `${issue.path.length === 0 ? "(root)" : formatPath(issue.path)}: ${issue.message}`;
}
