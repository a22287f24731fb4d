/**
 * The frame: a skip link, the title and the language switch, the steps, the screen of the
 * step, and the privacy note. Moving to a step moves the focus to its heading, so a screen
 * reader and the keyboard start at the top of the new screen.
 */
import { useEffect, useRef } from "preact/hooks";
import { LOCALES } from "../../engine/page.js";
import type { Actions } from "./app/actions.js";
import { type AppState, STEPS, type StepId } from "./app/model.js";
import { CompareScreen } from "./screens/CompareScreen.js";
import { ExportScreen } from "./screens/ExportScreen.js";
import { GroupsScreen } from "./screens/GroupsScreen.js";
import { RosterScreen } from "./screens/RosterScreen.js";
import { RoundsScreen } from "./screens/RoundsScreen.js";
import { RulesScreen } from "./screens/RulesScreen.js";
import { type Store, useStore } from "./store.js";

export interface ScreenProps {
  state: AppState;
  actions: Actions;
}

/** A step can be opened once what it needs exists. */
function reachable(step: StepId, state: AppState): boolean {
  switch (step) {
    case "roster":
      return true;
    case "rules":
    case "groups":
    case "rounds":
      return state.roster?.preview !== undefined || state.grouping !== undefined;
    case "compare":
      return state.grouping !== undefined;
    case "export":
      return state.grouping !== undefined || state.rounds !== undefined;
  }
}

export function App({ store, actions }: { store: Store<AppState>; actions: Actions }) {
  const state = useStore(store);
  const L = LOCALES[state.lang];
  const P = L.page;
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.querySelector<HTMLElement>("h1")?.focus();
  }, [state.step]);
  useEffect(() => {
    document.title = `${P.app.stepTitle(P.steps[state.step])} – Tverr`;
  }, [state.step, state.lang]);

  const other = state.lang === "nb" ? "en" : "nb";
  const props = { state, actions };
  return (
    <div class="app">
      <a class="skip" href="#main">
        {P.app.skip}
      </a>
      <header class="top">
        <div class="brand">
          <span class="logo" aria-hidden="true" />
          <span class="name">Tverr</span>
          <span class="tagline">{P.app.tagline}</span>
        </div>
        <button type="button" class="lang" lang={other} onClick={() => actions.setLang(other)}>
          {P.app.otherLanguage}
        </button>
      </header>
      <nav class="steps" aria-label={P.app.stepsLabel}>
        <ol>
          {STEPS.map((step, i) => (
            <li key={step}>
              <button
                type="button"
                aria-current={state.step === step ? "step" : undefined}
                disabled={!reachable(step, state)}
                onClick={() => actions.go(step)}
              >
                <span class="n" aria-hidden="true">
                  {i + 1}
                </span>
                {P.steps[step]}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <main id="main" ref={main} data-step={state.step}>
        {state.step === "roster" && <RosterScreen {...props} />}
        {state.step === "rules" && <RulesScreen {...props} />}
        {state.step === "groups" && <GroupsScreen {...props} />}
        {state.step === "rounds" && <RoundsScreen {...props} />}
        {state.step === "compare" && <CompareScreen {...props} />}
        {state.step === "export" && <ExportScreen {...props} />}
      </main>
      <footer class="privacy">
        <p>{P.app.privacy(P.app.duration(state.jobTtlSeconds))}</p>
      </footer>
    </div>
  );
}
