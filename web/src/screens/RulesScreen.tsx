/**
 * Step 2, what the groups must be: size or count; per column what to do with it (mix, keep
 * similar together, balance, not use) and how much it weighs, with a cap; rules on single
 * values (at most, at least, no one alone); people kept apart, together or pinned (picked by
 * name or from a file); an earlier grouping to repair; the search time. `Sjekk` asks the
 * engine whether the rules can hold and shows each reason with its fixes, a fix one click.
 */
import { useState } from "preact/hooks";
import type { PageWords } from "../../../engine/page.js";
import { LOCALES } from "../../../engine/page.js";
import type { ScreenProps } from "../App.js";
import { isDone } from "../app/actions.js";
import { FailureView } from "../parts/FailureView.js";
import { FileInput } from "../parts/FileInput.js";
import { PeoplePicker } from "../parts/PeoplePicker.js";
import { RunProgress } from "../parts/RunProgress.js";
import { applyFix, type CategoryRuleKind, type ColumnGoal, type ColumnSetting } from "../settings.js";

export function RulesScreen({ state, actions }: ScreenProps) {
  const L = LOCALES[state.lang];
  const P = L.page;
  const R = P.rules;
  const preview = state.roster?.preview;
  const settings = state.settings;
  const people = preview?.people ?? [];
  const name = (id: string) => people.find((p) => p.id === id)?.name ?? id;
  const running = state.run !== undefined && !isDone(state.run) && state.run.purpose === "single";
  const setColumn = (column: string, change: Partial<ColumnSetting>) =>
    actions.updateSettings((s) => ({
      ...s,
      columns: { ...s.columns, [column]: { ...s.columns[column], ...change } },
    }));
  return (
    <section aria-labelledby="rules-title">
      <h1 id="rules-title" tabIndex={-1}>
        {R.title}
      </h1>
      <p class="lead">{R.intro}</p>

      <fieldset>
        <legend>{R.sizeLegend}</legend>
        <div class="radios" role="radiogroup" aria-label={R.sizeLegend}>
          <div class="field checkbox">
            <input
              type="radio"
              id="by-size"
              name="groups-by"
              checked={settings.groupsBy === "size"}
              onChange={() => actions.updateSettings((s) => ({ ...s, groupsBy: "size" }))}
            />
            <label for="by-size">{R.bySize}</label>
          </div>
          <div class="field checkbox">
            <input
              type="radio"
              id="by-count"
              name="groups-by"
              checked={settings.groupsBy === "count"}
              onChange={() => actions.updateSettings((s) => ({ ...s, groupsBy: "count" }))}
            />
            <label for="by-count">{R.byCount}</label>
          </div>
        </div>
        {settings.groupsBy === "size" ? (
          <NumberField
            id="group-size"
            label={R.sizeLabel}
            value={settings.size}
            min={1}
            onChange={(size) => actions.updateSettings((s) => ({ ...s, size }))}
          />
        ) : (
          <NumberField
            id="group-count"
            label={R.countLabel}
            value={settings.count}
            min={1}
            onChange={(count) => actions.updateSettings((s) => ({ ...s, count }))}
          />
        )}
      </fieldset>

      <fieldset>
        <legend>{R.columnsLegend}</legend>
        <p class="hint">{R.columnsIntro}</p>
        <div class="columns-editor">
          {Object.entries(settings.columns).map(([column, c], i) => (
            <ColumnRow
              key={column}
              index={i}
              column={column}
              setting={c}
              R={R}
              onChange={(change) => setColumn(column, change)}
            />
          ))}
        </div>
      </fieldset>

      <CategoryRules state={state} actions={actions} />

      <fieldset>
        <legend>{R.peopleLegend}</legend>
        <div class="people-grid">
          <PeopleSets kind="apart" state={state} actions={actions} />
          <PeopleSets kind="together" state={state} actions={actions} />
          <Pins state={state} actions={actions} />
        </div>
        <h3 class="h4">{R.repairTitle}</h3>
        <p class="hint">{R.repairHint}</p>
        <FileInput
          id="incumbent-file"
          label={R.repairLabel}
          {...(state.people.incumbent
            ? { chosen: R.repairRead(Object.keys(state.people.incumbent).length) }
            : {})}
          onFile={(file) => void actions.chooseSide("incumbent", file)}
        />
        {state.people.incumbent && (
          <button
            type="button"
            class="link"
            onClick={() => actions.setPeople({ ...state.people, incumbent: undefined })}
          >
            {R.repairRemove}
          </button>
        )}
      </fieldset>

      <fieldset>
        <legend>{R.searchLegend}</legend>
        <NumberField
          id="search-time"
          label={R.timeLabel}
          hint={R.timeHint}
          value={settings.timeSeconds}
          min={1}
          max={60}
          onChange={(timeSeconds) => actions.updateSettings((s) => ({ ...s, timeSeconds }))}
        />
      </fieldset>

      <div class="actions">
        <button
          type="button"
          onClick={() => void actions.check()}
          disabled={!preview || state.check?.loading}
        >
          {R.check}
        </button>
        <button
          type="button"
          class="primary"
          disabled={!preview || running}
          onClick={() => void actions.compose("single")}
        >
          {P.groups.compose}
        </button>
      </div>
      {state.run?.purpose === "single" && <RunProgress state={state} actions={actions} />}

      <div aria-live="polite" class="check-result" data-testid="check-result">
        {state.check?.loading && <p class="busy">{R.checking}</p>}
        {state.check?.applied && !state.check.loading && (
          <p class="applied">{R.applied(state.check.applied)}</p>
        )}
        {state.check?.failure && <FailureView failure={state.check.failure} L={L} />}
        {state.check?.result &&
          !state.check.loading &&
          (state.check.result.feasible ? (
            <p class="ok">
              {R.checkHolds(
                state.check.result.people,
                state.check.result.groups,
                L.report.range(state.check.result.sizes[0], state.check.result.sizes[1]),
              )}
            </p>
          ) : (
            <>
              <p class="bad">{R.checkFails(state.check.result.diagnoses.length)}</p>
              <ol class="diagnoses">
                {state.check.result.diagnoses.map((d, i) => {
                  return (
                    <li key={`${d.code}-${i}`}>
                      <p>{d.message}</p>
                      <ul class="fixes">
                        {d.fixes.map((fix, j) => {
                          const text = d.fixTexts[j] ?? "";
                          const one = applyFix(fix, settings, state.people) !== undefined;
                          return (
                            <li key={`${fix.kind}-${j}`}>
                              {one ? (
                                <button type="button" class="fix" onClick={() => void actions.fix(fix, text)}>
                                  {text}
                                </button>
                              ) : (
                                <span class="advice">
                                  {R.advice}: {text}
                                </span>
                              )}
                            </li>
                          );
                        })}
                      </ul>
                    </li>
                  );
                })}
              </ol>
            </>
          ))}
      </div>
      {state.runFailure && state.run?.purpose === "single" && (
        <FailureView failure={state.runFailure} L={L} />
      )}
      {preview && state.people.apart.length + state.people.together.length > 0 && (
        <p class="hint">{R.peopleSummary(state.people.apart.length, state.people.together.length, name)}</p>
      )}
    </section>
  );
}

function NumberField(props: {
  id: string;
  label: string;
  hint?: string;
  value: number;
  min?: number;
  max?: number;
  onChange: (value: number) => void;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      <input
        id={props.id}
        type="number"
        inputMode="numeric"
        min={props.min}
        max={props.max}
        value={props.value}
        aria-describedby={props.hint ? `${props.id}-hint` : undefined}
        onChange={(e) => {
          const value = Number((e.currentTarget as HTMLInputElement).value);
          if (Number.isFinite(value) && value >= (props.min ?? -Infinity)) props.onChange(value);
        }}
      />
    </div>
  );
}

function ColumnRow(props: {
  index: number;
  column: string;
  setting: ColumnSetting;
  R: PageWords["rules"];
  onChange: (change: Partial<ColumnSetting>) => void;
}) {
  const { column, setting: c, R } = props;
  const id = `col-${props.index}`;
  const goals: ColumnGoal[] = c.numeric ? ["balance", "mix", "similar", "off"] : ["mix", "similar", "off"];
  return (
    <div class={`column-row${c.goal === "off" ? " off" : ""}`}>
      <h3 class="h4" id={`${id}-name`}>
        {column}
      </h3>
      <div class="field">
        <label for={`${id}-goal`}>{R.goalLabel}</label>
        <select
          id={`${id}-goal`}
          value={c.goal}
          onChange={(e) =>
            props.onChange({ goal: (e.currentTarget as HTMLSelectElement).value as ColumnGoal })
          }
        >
          {goals.map((g) => (
            <option key={g} value={g}>
              {R.goals[g]}
            </option>
          ))}
        </select>
      </div>
      {c.goal !== "off" && (
        <div class="field weight">
          <label for={`${id}-weight`}>{R.weightLabel}</label>
          <div class="slider">
            <input
              id={`${id}-weight`}
              type="range"
              min={0}
              max={10}
              step={0.5}
              value={c.weight}
              aria-describedby={`${id}-weight-help`}
              aria-valuetext={R.weightValue(c.weight)}
              onInput={(e) => props.onChange({ weight: Number((e.currentTarget as HTMLInputElement).value) })}
            />
            <output for={`${id}-weight`}>{R.weightValue(c.weight)}</output>
          </div>
          <p class="hint" id={`${id}-weight-help`}>
            {R.weightHelp[c.goal](column)}
          </p>
        </div>
      )}
      {(c.goal === "mix" || c.goal === "similar") && (
        <div class="field">
          <label for={`${id}-cap`}>{R.capLabel}</label>
          <input
            id={`${id}-cap`}
            type="number"
            min={1}
            value={c.cap ?? ""}
            aria-describedby={`${id}-cap-hint`}
            onChange={(e) => {
              const text = (e.currentTarget as HTMLInputElement).value;
              props.onChange({ cap: text === "" ? undefined : Math.max(1, Math.round(Number(text))) });
            }}
          />
          <p class="hint" id={`${id}-cap-hint`}>
            {R.capHint}
          </p>
        </div>
      )}
      {c.goal === "balance" && (
        <div class="field checkbox">
          <input
            id={`${id}-spread`}
            type="checkbox"
            checked={c.spreadToo === true}
            onChange={(e) => props.onChange({ spreadToo: (e.currentTarget as HTMLInputElement).checked })}
          />
          <label for={`${id}-spread`}>{R.spreadToo}</label>
        </div>
      )}
    </div>
  );
}

function CategoryRules({ state, actions }: ScreenProps) {
  const L = LOCALES[state.lang];
  const R = L.page.rules;
  const preview = state.roster?.preview;
  const columns = Object.entries(state.settings.columns)
    .filter(([, c]) => !c.numeric)
    .map(([name]) => name);
  const [kind, setKind] = useState<CategoryRuleKind>("cap");
  const [column, setColumn] = useState(columns[0] ?? "");
  const [category, setCategory] = useState("");
  const [count, setCount] = useState(1);
  const chosenColumn = columns.includes(column) ? column : (columns[0] ?? "");
  const values = [
    ...new Set(
      (preview?.people ?? [])
        .map((p) => p.attributes[chosenColumn])
        .filter((v): v is string => typeof v === "string" && v !== ""),
    ),
  ].sort((a, b) => a.localeCompare(b, L.intl));
  const chosenCategory = values.includes(category) ? category : (values[0] ?? "");
  return (
    <fieldset>
      <legend>{R.categoryLegend}</legend>
      <p class="hint">{R.categoryIntro}</p>
      {state.settings.rules.length > 0 && (
        <ul class="rule-list">
          {state.settings.rules.map((r, i) => (
            <li key={`${r.kind}-${r.column}-${r.category}`}>
              <span>{R.ruleText[r.kind](r.column, r.category, r.count)}</span>
              <button
                type="button"
                class="link"
                aria-label={R.removeRule(R.ruleText[r.kind](r.column, r.category, r.count))}
                onClick={() =>
                  actions.updateSettings((s) => ({ ...s, rules: s.rules.filter((_, j) => j !== i) }))
                }
              >
                {R.remove}
              </button>
            </li>
          ))}
        </ul>
      )}
      {columns.length > 0 && (
        <div class="rule-form">
          <div class="field">
            <label for="rule-kind">{R.ruleKindLabel}</label>
            <select
              id="rule-kind"
              value={kind}
              onChange={(e) => setKind((e.currentTarget as HTMLSelectElement).value as CategoryRuleKind)}
            >
              {(["cap", "atLeast", "notAlone"] as const).map((k) => (
                <option key={k} value={k}>
                  {R.ruleKinds[k]}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="rule-column">{R.ruleColumnLabel}</label>
            <select
              id="rule-column"
              value={chosenColumn}
              onChange={(e) => setColumn((e.currentTarget as HTMLSelectElement).value)}
            >
              {columns.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="rule-category">{R.ruleValueLabel}</label>
            <select
              id="rule-category"
              value={chosenCategory}
              onChange={(e) => setCategory((e.currentTarget as HTMLSelectElement).value)}
            >
              {values.map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="rule-count">{R.ruleCountLabel}</label>
            <input
              id="rule-count"
              type="number"
              min={1}
              value={count}
              onChange={(e) =>
                setCount(Math.max(1, Math.round(Number((e.currentTarget as HTMLInputElement).value) || 1)))
              }
            />
          </div>
          <button
            type="button"
            disabled={chosenCategory === ""}
            onClick={() =>
              actions.updateSettings((s) => ({
                ...s,
                rules: [
                  ...s.rules.filter(
                    (r) => !(r.kind === kind && r.column === chosenColumn && r.category === chosenCategory),
                  ),
                  { kind, column: chosenColumn, category: chosenCategory, count },
                ],
              }))
            }
          >
            {R.addRule}
          </button>
        </div>
      )}
    </fieldset>
  );
}

function PeopleSets({ kind, state, actions }: ScreenProps & { kind: "apart" | "together" }) {
  const L = LOCALES[state.lang];
  const R = L.page.rules;
  const people = state.roster?.preview?.people ?? [];
  const name = (id: string) => people.find((p) => p.id === id)?.name ?? id;
  const [chosen, setChosen] = useState<string[]>([]);
  const sets = state.people[kind];
  return (
    <div class="people-sets">
      <h3 class="h4">{R.setTitle[kind]}</h3>
      <p class="hint">{R.setHint[kind]}</p>
      {sets.length > 0 && (
        <ul class="rule-list">
          {sets.map((set, i) => (
            <li key={set.join("|")}>
              <span>{L.list(set.map(name))}</span>
              <button
                type="button"
                class="link"
                aria-label={R.removeSet(L.list(set.map(name)))}
                onClick={() => actions.setPeople({ ...state.people, [kind]: sets.filter((_, j) => j !== i) })}
              >
                {R.remove}
              </button>
            </li>
          ))}
        </ul>
      )}
      <PeoplePicker
        id={`${kind}-picker`}
        label={R.pickLabel}
        people={people}
        chosen={chosen}
        onChange={setChosen}
        P={L.page}
      />
      <button
        type="button"
        disabled={chosen.length < 2}
        onClick={() => {
          actions.setPeople({ ...state.people, [kind]: [...sets, chosen] });
          setChosen([]);
        }}
      >
        {R.addSet[kind]}
      </button>
      <FileInput
        id={`${kind}-file`}
        label={R.setFile[kind]}
        onFile={(file) => void actions.chooseSide(kind, file)}
      />
    </div>
  );
}

function Pins({ state, actions }: ScreenProps) {
  const L = LOCALES[state.lang];
  const R = L.page.rules;
  const people = state.roster?.preview?.people ?? [];
  const name = (id: string) => people.find((p) => p.id === id)?.name ?? id;
  const [chosen, setChosen] = useState<string[]>([]);
  const [group, setGroup] = useState("1");
  const pins = Object.entries(state.people.pins);
  return (
    <div class="people-sets">
      <h3 class="h4">{R.pinTitle}</h3>
      <p class="hint">{R.pinHint}</p>
      {pins.length > 0 && (
        <ul class="rule-list">
          {pins.map(([person, g]) => (
            <li key={person}>
              <span>{R.pinText(name(person), g)}</span>
              <button
                type="button"
                class="link"
                aria-label={R.removePin(name(person))}
                onClick={() => {
                  const next = { ...state.people.pins };
                  delete next[person];
                  actions.setPeople({ ...state.people, pins: next });
                }}
              >
                {R.remove}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="rule-form">
        <PeoplePicker
          id="pin-picker"
          label={R.pickLabel}
          people={people}
          chosen={chosen}
          onChange={setChosen}
          P={L.page}
          single
        />
        <div class="field">
          <label for="pin-group">{R.pinGroupLabel}</label>
          <input
            id="pin-group"
            type="text"
            value={group}
            size={6}
            onInput={(e) => setGroup((e.currentTarget as HTMLInputElement).value.trim())}
          />
        </div>
        <button
          type="button"
          disabled={chosen.length !== 1 || group === ""}
          onClick={() => {
            actions.setPeople({ ...state.people, pins: { ...state.people.pins, [chosen[0]]: group } });
            setChosen([]);
          }}
        >
          {R.addPin}
        </button>
      </div>
      <FileInput id="pins-file" label={R.pinFile} onFile={(file) => void actions.chooseSide("pins", file)} />
    </div>
  );
}
