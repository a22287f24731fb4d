/**
 * The summary of a grouping as the engine reported it: every hard rule held, or which do not
 * and why; each soft term's weight, quality, value, bound and status ("optimal" at its
 * bound); the overall quality or the proof that it is optimal. Words from the locale.
 */
import type { ComponentChildren } from "preact";
import type { Locale } from "../../../engine/page.js";
import type { ReportView } from "../app/model.js";
import type { Violation } from "../types.js";

/** Broken rules listed before the rest fold away. */
const SHOWN = 6;

export const plain = (text: string) => text.replace(/\*\*/g, "");

export function violationText(v: Violation, L: Locale, name: (id: string) => string): string {
  return (L.violation[v.rule] as (v: unknown, n: (id: string) => string) => string)(v, name);
}

export function overallText(report: ReportView, L: Locale): string {
  return plain(
    report.provenOptimal
      ? L.report.overallOptimal
      : L.report.overall(L.percent(100 * (1 - report.gap), report.gap <= 1e-12)),
  );
}

export function ReportSummary(props: {
  report: ReportView;
  L: Locale;
  name: (id: string) => string;
  headingLevel?: 2 | 3;
  id: string;
  /** Fold the terms (and the children) away under a summary line: the cards come sooner. */
  folded?: boolean;
  children?: ComponentChildren;
}) {
  const { report, L, name } = props;
  const R = L.report;
  const H = props.headingLevel === 3 ? "h3" : "h2";
  const terms =
    report.terms.length > 0 ? (
      <div class="table-wrap">
        <table class="terms">
          <caption>{plain(R.termsIntro)}</caption>
          <thead>
            <tr>
              {R.termHeader.map((h, i) => (
                <th key={h} scope="col" class={i > 0 && i < 5 ? "num" : undefined}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.terms.map((t) => (
              <tr key={`${t.term}-${t.label}-${t.category ?? ""}`} class={t.atBound ? "at-bound" : undefined}>
                <th scope="row">{L.term.name(t)}</th>
                <td class="num">{L.num(t.weight)}</td>
                <td class="num">{L.percent(t.qualityPercent, t.atBound)}</td>
                <td class="num">{L.num(t.raw, 2)}</td>
                <td class="num">{L.num(t.lowerBound, 2)}</td>
                <td>{L.term.status(t)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    ) : (
      <p>{plain(R.noTerms)}</p>
    );
  return (
    <section class="summary-panel" aria-labelledby={props.id}>
      <H id={props.id}>{R.summary}</H>
      <div class={report.violations.length === 0 ? "rules ok" : "rules bad"} data-testid="rules-state">
        <p>{plain(report.violations.length === 0 ? R.hardHold : R.hardBroken(report.violations.length))}</p>
        {report.violations.length > 0 && (
          <ul>
            {report.violations.slice(0, SHOWN).map((v, i) => (
              <li key={`${v.rule}-${i}`}>{violationText(v, L, name)}</li>
            ))}
          </ul>
        )}
        {report.violations.length > SHOWN && (
          <details>
            <summary>{L.page.app.showAll(report.violations.length)}</summary>
            <ul>
              {report.violations.slice(SHOWN, 500).map((v, i) => (
                <li key={`${v.rule}-${i + SHOWN}`}>{violationText(v, L, name)}</li>
              ))}
              {report.violations.length > 500 && <li>{R.andMore(report.violations.length - 500)}</li>}
            </ul>
          </details>
        )}
      </div>
      <p class="overall" data-testid="overall">
        {overallText(report, L)}
      </p>
      {props.folded ? (
        <details class="terms-details">
          <summary>{L.page.groups.details}</summary>
          {terms}
          {props.children}
        </details>
      ) : (
        <>
          {terms}
          {props.children}
        </>
      )}
    </section>
  );
}
