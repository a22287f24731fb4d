/**
 * What went wrong, as the service said it: its detail, and every issue with where it is
 * (file, line, column) and what to do. Or that the service could not be reached.
 */
import type { Locale } from "../../../engine/page.js";
import type { Failure } from "../app/model.js";

export function FailureView({ failure, L }: { failure: Failure; L: Locale }) {
  const P = L.page;
  if ("offline" in failure) {
    return (
      <div class="notice error" role="alert">
        <p>{P.app.offline}</p>
      </div>
    );
  }
  const { problem } = failure;
  const issues = problem.issues ?? [];
  const located = issues.some((i) => i.line !== undefined || i.column !== undefined);
  return (
    <div class="notice error" role="alert">
      <h2 class="h3">{problem.title}</h2>
      {problem.detail && <p>{problem.detail}</p>}
      {issues.length > 0 && located && (
        <div class="table-wrap">
          <table class="issues">
            <caption class="sr-only">{P.roster.problemsCaption}</caption>
            <thead>
              <tr>
                {P.roster.problemHeader.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {issues.map((issue, i) => (
                <tr key={`${issue.code}-${i}`}>
                  <td class="num">{issue.line ?? "–"}</td>
                  <td>
                    {issue.column !== undefined
                      ? `${issue.column}${issue.columnName ? ` (${issue.columnName})` : ""}`
                      : (issue.file ?? "–")}
                  </td>
                  <td>{issue.message}</td>
                  <td>{issue.hint ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {issues.length > 0 && !located && (
        <ul>
          {issues.map((issue, i) => (
            <li key={`${issue.code}-${i}`}>
              {issue.path ? <code>{issue.path}</code> : null} {issue.message}
              {issue.hint ? ` ${issue.hint}` : ""}
            </li>
          ))}
        </ul>
      )}
      {(problem.diagnoses ?? []).length > 0 && (
        <ul>
          {(problem.diagnoses ?? []).map((d, i) => (
            <li key={`${d.code}-${i}`}>{d.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
