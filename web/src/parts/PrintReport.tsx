/**
 * The printable report: the summary of the grouping on the cards (rules, terms, overall, who
 * moved), then every group with its members and their values. Print styles (print.css) show
 * only this, in black on white, a group never split over two pages.
 */
import { LOCALES } from "../../../engine/page.js";
import type { AppState } from "../app/model.js";
import { groupsOf } from "../screens/GroupsScreen.js";
import { plain, ReportSummary } from "./ReportSummary.js";

export function PrintReport({ state }: { state: AppState }) {
  const L = LOCALES[state.lang];
  const P = L.page.export;
  const grouping = state.grouping;
  if (!grouping) return null;
  const report = grouping.current.report;
  const people = grouping.request.people;
  const byId = new Map(people.map((p) => [p.id, p]));
  const name = (id: string) => byId.get(id)?.name ?? id;
  const columns = Object.keys((grouping.request.attributes ?? {}) as Record<string, unknown>);
  const ids = grouping.composed.groups.map((g) => g.id);
  const groups = groupsOf(ids, people, grouping.current.assignment);
  const moved = new Map((report.changes?.moved ?? []).map((m) => [m.person, m.from]));
  const newcomers = new Set(report.changes?.newcomers ?? []);
  const date = new Date().toLocaleDateString(L.intl, { year: "numeric", month: "long", day: "numeric" });
  return (
    <article class="report" aria-labelledby="report-title">
      <h2 id="report-title">{P.reportTitle}</h2>
      <p class="hint">{P.reportMade(date, state.roster?.file.name ?? "")}</p>
      <p>
        {plain(
          L.report.headcount(
            people.length,
            ids.length,
            L.report.range(
              Math.min(...[...groups.values()].map((g) => g.length)),
              Math.max(...[...groups.values()].map((g) => g.length)),
            ),
          ),
        )}
      </p>
      <ReportSummary report={report} L={L} name={name} headingLevel={3} id="report-summary" />
      {report.changes && (
        <p>{plain(L.report.changes(report.changes.moved.length, report.changes.newcomers.length))}</p>
      )}
      <h3>{L.report.groups}</h3>
      <div class="report-groups">
        {ids.map((id) => (
          <section key={id} class="report-group" aria-labelledby={`rg-${id}`}>
            <h4 id={`rg-${id}`}>{L.report.groupHeading(id, undefined, groups.get(id)?.length ?? 0)}</h4>
            <table>
              <thead>
                <tr>
                  <th scope="col">{L.report.memberName}</th>
                  {columns.map((c) => (
                    <th key={c} scope="col">
                      {c}
                    </th>
                  ))}
                  {report.changes && <th scope="col">{L.csv.change}</th>}
                </tr>
              </thead>
              <tbody>
                {(groups.get(id) ?? []).map((person) => (
                  <tr key={person}>
                    <th scope="row">{name(person)}</th>
                    {columns.map((c) => {
                      const v = byId.get(person)?.attributes[c];
                      return (
                        <td key={c}>
                          {v === null || v === undefined ? "" : typeof v === "number" ? L.num(v, 1) : v}
                        </td>
                      );
                    })}
                    {report.changes && (
                      <td>
                        {moved.has(person)
                          ? L.csv.moved(moved.get(person) ?? "")
                          : newcomers.has(person)
                            ? L.csv.newcomer
                            : ""}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </div>
    </article>
  );
}
