/**
 * `score`: a grouping someone made (by hand, in Excel, or by another tool, or a coordinator
 * dragging a person on the page) scored with the same report a composition gets, so it can
 * be compared with Tverr's. Every person must be placed, in a group of the problem.
 */
import { compile } from "../compile/compile.js";
import { diagnose } from "../diagnose/diagnose.js";
import type { Diagnosis } from "../diagnose/types.js";
import { type InputIssue, issue, ProblemInputError } from "../errors.js";
import { entries } from "../problem/records.js";
import type { Problem } from "../problem/schema.js";
import { checkProblem, zodIssues } from "../problem/validate.js";
import { buildReport, type Report } from "../report/report.js";
import { buildObjective } from "../score/objective.js";
import { ScoreRequestSchema } from "./schemas.js";

export interface ScoreResult extends Report {
  diagnoses: Diagnosis[];
}

export function score(input: unknown): ScoreResult {
  const parsed = ScoreRequestSchema.safeParse(input);
  if (!parsed.success) throw new ProblemInputError(zodIssues(parsed.error, input));
  const { assignment, ...rest } = parsed.data;
  const problem = checkProblem(rest as Problem);
  const model = compile(problem);
  const groupIndex = new Map(model.groupIds.map((id, g) => [id, g]));
  const personIndex = new Map(model.personIds.map((id, p) => [id, p]));
  const groupOf = new Int32Array(model.n).fill(-1);
  const issues: InputIssue[] = [];
  entries(assignment).forEach(([pid, gid], entry) => {
    const p = personIndex.get(pid);
    const g = groupIndex.get(gid);
    if (p === undefined) issues.push(issue("unknown_person", {}, ["assignment", { entry }]));
    else if (g === undefined) issues.push(issue("unknown_group", {}, ["assignment", { entry }]));
    else groupOf[p] = g;
  });
  const unplaced: number[] = [];
  for (let p = 0; p < model.n; p++) if (groupOf[p] < 0) unplaced.push(p);
  // Named by position (people[3]); a front end turns positions into names or roster lines.
  for (const p of unplaced.slice(0, 20)) issues.push(issue("person_unplaced", { count: 1 }, ["people", p]));
  if (unplaced.length > 20)
    issues.push(issue("person_unplaced", { count: unplaced.length - 20 }, ["people"]));
  if (issues.length > 0) throw new ProblemInputError(issues);
  return { ...buildReport(model, buildObjective(model), groupOf), diagnoses: diagnose(problem) };
}
