/**
 * Step 6, take it back: the groups (and the rounds) as an Excel workbook or as the CSV the
 * command line writes, both written by the service from the grouping on the cards, and a
 * report to print (or save as PDF from the browser's print dialog). A repaired grouping's
 * files and report say who moved and who is new.
 */
import { LOCALES } from "../../../engine/page.js";
import type { ScreenProps } from "../App.js";
import { FailureView } from "../parts/FailureView.js";
import { PrintReport } from "../parts/PrintReport.js";

export function ExportScreen({ state, actions }: ScreenProps) {
  const L = LOCALES[state.lang];
  const P = L.page.export;
  return (
    <section aria-labelledby="export-title">
      <h1 id="export-title" tabIndex={-1}>
        {P.title}
      </h1>
      <p class="lead">{P.intro}</p>
      <div class="two">
        {state.grouping && (
          <div class="panel">
            <h2 class="h3">{P.groupsTitle}</h2>
            <p class="hint">{P.xlsxHint}</p>
            <div class="actions">
              <button type="button" class="primary" onClick={() => void actions.download("groups", "xlsx")}>
                {P.xlsx}
              </button>
              <button type="button" onClick={() => void actions.download("groups", "csv")}>
                {P.csv}
              </button>
            </div>
            <p class="hint">{P.csvHint}</p>
          </div>
        )}
        {state.rounds && (
          <div class="panel">
            <h2 class="h3">{P.roundsTitle(state.rounds.result.rounds.length)}</h2>
            <p class="hint">{P.roundsHint}</p>
            <div class="actions">
              <button type="button" class="primary" onClick={() => void actions.download("rounds", "xlsx")}>
                {P.xlsx}
              </button>
              <button type="button" onClick={() => void actions.download("rounds", "csv")}>
                {P.csv}
              </button>
            </div>
          </div>
        )}
      </div>
      {state.runFailure && <FailureView failure={state.runFailure} L={L} />}
      <div class="actions">
        <button type="button" onClick={() => window.print()}>
          {P.print}
        </button>
      </div>
      <p class="hint">{P.printHint}</p>
      <PrintReport state={state} />
    </section>
  );
}
