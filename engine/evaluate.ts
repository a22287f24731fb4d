/**
 * `evaluate`: score a grouping someone made (by hand, in Excel, or by another tool) with the
 * same report `solve` gives, so a coordinator can compare hers with Tverr's.
 */
import { compile } from "./compile/compile.js";
import { diagnose } from "./diagnose/diagnose.js";
import type { Diagnosis } from "./diagnose/types.js";
import { type InputIssue, ProblemInputError } from "./errors.js";
import { type Assignment, AssignmentSchema } from "./problem/schema.js";
import { parseProblem, zodIssues } from "./problem/validate.js";
import { buildReport, type Report } from "./report/report.js";
import { buildObjective } from "./score/objective.js";

export interface EvaluateResult extends Report {
  diagnoses: Diagnosis[];
}

/** `assignment` maps every person id to a group id; every person must be placed. */
export function evaluate(input: unknown, assignment: Assignment | unknown): EvaluateResult {
  const problem = parseProblem(input);
  const parsed = AssignmentSchema.safeParse(assignment);
  if (!parsed.success) {
    throw new ProblemInputError(
      zodIssues(parsed.error).map((i) => ({ ...i, path: ["assignment", ...i.path] })),
    );
  }
  const model = compile(problem);
  const groupIndex = new Map(model.groupIds.map((id, g) => [id, g]));
  const personIndex = new Map(model.personIds.map((id, p) => [id, p]));
  const groupOf = new Int32Array(model.n).fill(-1);
  const issues: InputIssue[] = [];
  for (const [pid, gid] of Object.entries(parsed.data)) {
    const p = personIndex.get(pid);
    const g = groupIndex.get(gid);
    if (p === undefined) issues.push({ path: ["assignment", pid], message: `unknown person id "${pid}"` });
    else if (g === undefined)
      issues.push({ path: ["assignment", pid], message: `unknown group id "${gid}"` });
    else groupOf[p] = g;
  }
  for (let p = 0; p < model.n; p++) {
    if (groupOf[p] < 0 && !issues.some((i) => i.path[1] === model.personIds[p])) {
      issues.push({ path: ["assignment", model.personIds[p]], message: "person is not placed in any group" });
    }
  }
  if (issues.length > 0) throw new ProblemInputError(issues);
  return { ...buildReport(model, buildObjective(model), groupOf), diagnoses: diagnose(problem) };
}
