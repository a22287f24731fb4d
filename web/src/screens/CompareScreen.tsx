/**
 * Step 5, compare two groupings side by side: A is the grouping on the cards (with the
 * coordinator's changes); B is one made elsewhere (a file with person and group, scored
 * under the same rules) or Tverr's with other weights. Every term and every rule of both, so
 * an analyst sees what a weight buys.
 */
import { LOCALES } from "../../../engine/page.js";
import type { ScreenProps } from "../App.js";
import { isDone } from "../app/actions.js";
import type { ReportView } from "../app/model.js";
import { FailureView } from "../parts/FailureView.js";
import { FileInput } from "../parts/FileInput.js";
import { overallText, violationText } from "../parts/ReportSummary.js";
import { RunProgress } from "../parts/RunProgress.js";
import type { TermReport } from "../types.js";

const termKey = (t: TermReport) => `${t.term}\u0000${t.label}\u0000${t.category ?? ""}`;

export function CompareScreen({ state, actions }: ScreenProps) {
  const L = LOCALES[state.lang];
  const P = L.page.compare;
  const grouping = state.grouping;
  if (!grouping) return null;
  const a = grouping.current.report;
  const b = state.compare?.b?.report;
  const byId = new Map(grouping.request.people.map((p) => [p.id, p]));
  const name = (id: string) => byId.get(id)?.name ?? id;
  const running = state.run !== undefined && !isDone(state.run) && state.run.purpose === "compare";
  const weights = state.compare?.weights ?? {};
  const columns = Object.entries(state.settings.columns).filter(([, c]) => c.goal !== "off");
  return (
    <section aria-labelledby="compare-title">
      <h1 id="compare-title" tabIndex={-1}>
        {P.title}
      </h1>
      <p class="lead">{P.intro}</p>
      <div class="two">
        <div class="panel">
          <h2 class="h3">{P.fromFile}</h2>
          <FileInput
            id="compare-file"
            label={P.fileLabel}
            hint={P.fileHint}
            onFile={(file) => void actions.compareFile(file)}
          />
        </div>
        <div class="panel">
          <h2 class="h3">{P.fromWeights}</h2>
          {columns.map(([column, c], i) => (
            <div class="field weight" key={column}>
              <label for={`cmp-w-${i}`}>{P.weightFor(column)}</label>
              <div class="slider">
                <input
                  id={`cmp-w-${i}`}
                  type="range"
                  min={0}
                  max={10}
                  step={0.5}
                  value={weights[column] ?? c.weight}
                  aria-valuetext={L.page.rules.weightValue(weights[column] ?? c.weight)}
                  onInput={(e) =>
                    actions.setCompareWeight(column, Number((e.currentTarget as HTMLInputElement).value))
                  }
                />
                <output for={`cmp-w-${i}`}>{L.page.rules.weightValue(weights[column] ?? c.weight)}</output>
              </div>
            </div>
          ))}
          <button type="button" disabled={running} onClick={() => void actions.compareWeights()}>
            {P.composeB}
          </button>
          {state.run?.purpose === "compare" && <RunProgress state={state} actions={actions} />}
        </div>
      </div>
      {state.compare?.loading && <p class="busy">{L.page.app.busy}</p>}
      {state.compare?.failure && <FailureView failure={state.compare.failure} L={L} />}
      {b ? (
        <Comparison a={a} b={b} bLabel={state.compare?.b?.label ?? ""} state={state} name={name} />
      ) : (
        <p class="hint">{P.none}</p>
      )}
    </section>
  );
}

function Comparison(props: {
  a: ReportView;
  b: ReportView;
  bLabel: string;
  state: ScreenProps["state"];
  name: (id: string) => string;
}) {
  const L = LOCALES[props.state.lang];
  const P = L.page.compare;
  const { a, b } = props;
  const terms = [...a.terms];
  for (const t of b.terms) if (!terms.some((x) => termKey(x) === termKey(t))) terms.push(t);
  const find = (r: ReportView, t: TermReport) => r.terms.find((x) => termKey(x) === termKey(t));
  const cell = (t: TermReport | undefined) =>
    t ? `${L.percent(t.qualityPercent, t.atBound)} · ${L.term.status(t)}` : "–";
  const rules = (r: ReportView) => (r.violations.length === 0 ? P.allHold : P.broken(r.violations.length));
  return (
    <div class="comparison" data-testid="comparison">
      <div class="table-wrap">
        <table>
          <caption>{P.tableCaption(props.bLabel)}</caption>
          <thead>
            <tr>
              <th scope="col">{P.header[0]}</th>
              <th scope="col">{P.header[1]}</th>
              <th scope="col">{P.header[2](props.bLabel)}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{P.rulesRow}</th>
              <td>{rules(a)}</td>
              <td>{rules(b)}</td>
            </tr>
            {terms.map((t) => (
              <tr key={termKey(t)}>
                <th scope="row">
                  {L.term.name(t)}{" "}
                  <span class="hint">
                    ({P.weightShort(L.num(find(a, t)?.weight ?? 0), L.num(find(b, t)?.weight ?? 0))})
                  </span>
                </th>
                <td>{cell(find(a, t))}</td>
                <td>{cell(find(b, t))}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{P.overallRow}</th>
              <td>{overallText(a, L)}</td>
              <td>{overallText(b, L)}</td>
            </tr>
            <tr>
              <th scope="row">{P.groupsRow}</th>
              <td>{L.num(a.groups.length, 0)}</td>
              <td>{L.num(b.groups.length, 0)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      {b.violations.length > 0 && (
        <>
          <h2 class="h3">{P.brokenInB}</h2>
          <ul>
            {b.violations.slice(0, 20).map((v, i) => (
              <li key={`${v.rule}-${i}`}>{violationText(v, L, props.name)}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
