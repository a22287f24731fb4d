/**
 * Step 1, the roster: pick or drop a CSV or .xlsx file (and a sheet), then see what the
 * service read: the people, each column and how it will be used, the rows left out, anything
 * worth a look, or every problem with the file (line, column, what to do).
 */
import { useState } from "preact/hooks";
import { LOCALES } from "../../../engine/page.js";
import type { ScreenProps } from "../App.js";
import { FailureView } from "../parts/FailureView.js";
import { FileInput } from "../parts/FileInput.js";

const SHOWN = 12;

export function RosterScreen({ state, actions }: ScreenProps) {
  const L = LOCALES[state.lang];
  const P = L.page;
  const roster = state.roster;
  const preview = roster?.preview;
  const [all, setAll] = useState(false);
  return (
    <section aria-labelledby="roster-title">
      <h1 id="roster-title" tabIndex={-1}>
        {P.roster.title}
      </h1>
      <p class="lead">{P.roster.intro}</p>
      <p class="privacy-note">{P.app.privacy(P.app.duration(state.jobTtlSeconds))}</p>
      <FileInput
        id="roster-file"
        label={P.roster.fileLabel}
        hint={P.roster.fileHint}
        dropHint={P.roster.dropHint}
        {...(roster ? { chosen: P.roster.chosen(roster.file.name) } : {})}
        onFile={(file) => void actions.chooseRoster(file)}
      />
      {preview?.sheets && preview.sheets.length > 1 && (
        <div class="field inline">
          <label for="roster-sheet">{P.roster.sheetLabel}</label>
          <select
            id="roster-sheet"
            value={preview.sheet}
            onChange={(e) => void actions.chooseSheet((e.currentTarget as HTMLSelectElement).value)}
          >
            {preview.sheets.map((s) => (
              <option key={s.name} value={s.name}>
                {P.roster.sheetOption(s.name, s.rows, s.hidden)}
              </option>
            ))}
          </select>
        </div>
      )}
      {roster && (
        <div class="field checkbox">
          <input
            id="skip-invalid"
            type="checkbox"
            checked={state.settings.skipInvalidRows}
            onChange={(e) => {
              const skip = (e.currentTarget as HTMLInputElement).checked;
              actions.updateSettings((s) => ({ ...s, skipInvalidRows: skip }));
            }}
          />
          <label for="skip-invalid">{P.roster.skipInvalid}</label>
        </div>
      )}
      <div aria-live="polite" class="status-line">
        {roster?.loading && <p class="busy">{P.app.busy}</p>}
      </div>
      {roster?.failure && (
        <>
          <h2>{P.roster.problemsTitle}</h2>
          <p>{P.roster.problemsIntro}</p>
          <FailureView failure={roster.failure} L={L} />
        </>
      )}
      {preview && (
        <>
          <p class="summary" data-testid="people-read">
            {P.roster.read(preview.people.length, roster?.file.name ?? "", preview.format, preview.sheet)}
          </p>
          <h2>{P.roster.columnsTitle}</h2>
          <div class="table-wrap">
            <table>
              <caption class="sr-only">{P.roster.columnsTitle}</caption>
              <thead>
                <tr>
                  <th scope="col">{P.roster.columnHeader[0]}</th>
                  <th scope="col">{P.roster.columnHeader[1]}</th>
                </tr>
              </thead>
              <tbody>
                {preview.columns.map((c) => (
                  <tr key={c.column}>
                    <th scope="row">{c.column}</th>
                    <td>{c.use === "unused" ? P.roster.unused : c.description}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {preview.skipped.length > 0 && (
            <>
              <h2>{P.roster.skippedTitle(preview.skipped.length)}</h2>
              <ul class="plain">
                {preview.skipped.map((s) => (
                  <li key={s.line}>{L.report.skippedRow(s.line, s.reasons.join("; "))}</li>
                ))}
              </ul>
            </>
          )}
          {preview.warnings.length > 0 && (
            <>
              <h2>{P.roster.warningsTitle}</h2>
              <ul class="plain">
                {preview.warnings.map((w, i) => (
                  <li key={`${i}-${w}`}>{w}</li>
                ))}
              </ul>
            </>
          )}
          <h2>{P.roster.peopleTitle(preview.people.length)}</h2>
          <section
            class="table-wrap scroll"
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take the focus, so the keyboard can scroll it (WCAG 2.1.1; axe's scrollable-region-focusable).
            tabIndex={0}
            aria-label={P.roster.peopleTitle(preview.people.length)}
          >
            <table class="people">
              <caption class="sr-only">{P.roster.peopleTitle(preview.people.length)}</caption>
              <thead>
                <tr>
                  <th scope="col">{P.roster.lineHeader}</th>
                  {preview.table.columns.map((c) => (
                    <th key={c} scope="col">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {(all ? preview.table.rows : preview.table.rows.slice(0, SHOWN)).map(([id, cells]) => (
                  <tr key={id}>
                    <td class="num">{preview.lines[id]}</td>
                    {cells.map((cell, i) => (
                      <td key={`${id}-${i}`}>{cell}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          {preview.table.rows.length > SHOWN && (
            <button type="button" class="link" onClick={() => setAll(!all)}>
              {all ? P.roster.showFewer : P.roster.showAll(preview.table.rows.length)}
            </button>
          )}
          <div class="actions">
            <button type="button" class="primary" onClick={() => actions.go("rules")}>
              {P.roster.next}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
