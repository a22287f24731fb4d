/**
 * Step 3, the groups: compose (with progress and cancel), then the summary and a card per
 * group. Change it by hand: drag a person to another card (or onto a person to swap), or
 * with the keyboard pick a person and choose a group. Each change is scored by the engine at
 * once and shown (the quality before and after, rules it breaks or mends, the cards it
 * touches) before the coordinator keeps or discards it. Undo and redo; pin a person where
 * they are and compose again around the pins.
 */
import { useEffect, useState } from "preact/hooks";
import { LOCALES } from "../../../engine/page.js";
import type { ScreenProps } from "../App.js";
import { isDone } from "../app/actions.js";
import type { ReportView } from "../app/model.js";
import { FailureView } from "../parts/FailureView.js";
import { GroupCard } from "../parts/GroupCard.js";
import { plain, ReportSummary, violationText } from "../parts/ReportSummary.js";
import { RunProgress } from "../parts/RunProgress.js";
import type { PreviewPerson, Violation } from "../types.js";

const quality = (r: ReportView) => 100 * (1 - r.gap);
const key = (v: Violation) => JSON.stringify(v);

/** The groups of an assignment, in the order of `ids`, members in the roster's order. */
export function groupsOf(
  ids: readonly string[],
  people: readonly PreviewPerson[],
  assignment: Readonly<Record<string, string>>,
): Map<string, string[]> {
  const out = new Map(ids.map((id) => [id, [] as string[]]));
  for (const p of people) out.get(assignment[p.id])?.push(p.id);
  return out;
}

export function violationsOf(report: ReportView, group: string): Violation[] {
  return report.violations.filter((v) =>
    "group" in v ? v.group === group : "groups" in v ? v.groups.includes(group) : false,
  );
}

export function GroupsScreen({ state, actions }: ScreenProps) {
  const L = LOCALES[state.lang];
  const P = L.page.groups;
  const grouping = state.grouping;
  const running = state.run !== undefined && !isDone(state.run) && state.run.purpose === "single";
  const [moveTo, setMoveTo] = useState("");
  const scored = state.grouping?.pending !== undefined && !state.grouping.pending.loading;
  // A scored change takes the focus to its decision, so the keyboard decides next.
  useEffect(() => {
    if (scored) document.querySelector<HTMLElement>(".pending .actions button")?.focus();
  }, [scored]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (
        target &&
        (target.tagName === "INPUT" || target.tagName === "SELECT" || target.tagName === "TEXTAREA")
      )
        return;
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "z" && !e.shiftKey) {
        e.preventDefault();
        actions.undo();
      } else if (
        (e.ctrlKey || e.metaKey) &&
        (e.key.toLowerCase() === "y" || (e.key.toLowerCase() === "z" && e.shiftKey))
      ) {
        e.preventDefault();
        actions.redo();
      } else if (e.key === "Escape") actions.select(undefined);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [actions]);

  const compose = (
    <div class="actions">
      <button
        type="button"
        class="primary"
        disabled={running || !state.roster?.preview}
        onClick={() => void actions.compose("single")}
      >
        {grouping ? P.recompose(Object.keys(state.pinned).length) : P.compose}
      </button>
    </div>
  );

  if (!grouping) {
    return (
      <section aria-labelledby="groups-title">
        <h1 id="groups-title" tabIndex={-1}>
          {P.title}
        </h1>
        <p class="lead">{P.empty}</p>
        {compose}
        {state.run?.purpose === "single" && <RunProgress state={state} actions={actions} />}
        {state.runFailure && <FailureView failure={state.runFailure} L={L} />}
      </section>
    );
  }

  const people = grouping.request.people;
  const byId = new Map(people.map((p) => [p.id, p]));
  const name = (id: string) => byId.get(id)?.name ?? id;
  const pending = grouping.pending;
  const shown = pending && !pending.loading ? pending.report : grouping.current.report;
  const assignment = pending?.assignment ?? grouping.current.assignment;
  const ids = grouping.composed.groups.map((g) => g.id);
  const groups = groupsOf(ids, people, assignment);
  const reports = new Map(shown.groups.map((g) => [g.id, g]));
  const columns = Object.keys((grouping.request.attributes ?? {}) as Record<string, unknown>);
  const changes = shown.changes
    ? {
        moved: new Map(shown.changes.moved.map((m) => [m.person, m.from])),
        newcomers: new Set(shown.changes.newcomers),
      }
    : undefined;
  const moving = new Set<string>();
  const touched = new Set<string>();
  if (pending) {
    const c = pending.change;
    if (c.kind === "move") {
      moving.add(c.person);
      touched.add(c.from).add(c.to);
    } else {
      moving.add(c.a).add(c.b);
      touched.add(c.groupA).add(c.groupB);
    }
  }
  const selected = grouping.selected;
  const edit = {
    ...(selected !== undefined ? { selected } : {}),
    moving,
    pinned: state.pinned,
    onPick: (person: string) => {
      if (selected === undefined || selected === person)
        actions.select(selected === person ? undefined : person);
      else if (assignment[selected] !== assignment[person]) {
        void actions.propose({
          kind: "swap",
          a: selected,
          b: person,
          groupA: assignment[selected],
          groupB: assignment[person],
        });
      } else actions.select(person);
    },
    onMoveHere: (group: string) => {
      if (selected !== undefined)
        void actions.propose({ kind: "move", person: selected, from: assignment[selected], to: group });
    },
    onDropPerson: (person: string, group: string, onto?: string) => {
      if (onto !== undefined && assignment[onto] === group && assignment[person] !== group) {
        void actions.propose({ kind: "swap", a: person, b: onto, groupA: assignment[person], groupB: group });
      } else if (assignment[person] !== group) {
        void actions.propose({ kind: "move", person, from: assignment[person], to: group });
      }
    },
    onPin: (person: string) => actions.togglePin(person),
  };

  const before = grouping.current.report;
  const added =
    pending && !pending.loading
      ? pending.report.violations.filter((v) => !before.violations.some((w) => key(w) === key(v)))
      : [];
  const mended =
    pending && !pending.loading
      ? before.violations.filter((v) => !pending.report.violations.some((w) => key(w) === key(v)))
      : [];
  const target = selected !== undefined ? ids.filter((id) => id !== assignment[selected]) : [];

  return (
    <section aria-labelledby="groups-title">
      <h1 id="groups-title" tabIndex={-1}>
        {P.title}
      </h1>
      <div class="toolbar">
        {compose}
        <div class="actions">
          <button
            type="button"
            onClick={() => actions.undo()}
            disabled={grouping.undo.length === 0}
            aria-keyshortcuts="Control+Z"
          >
            {P.undo}
          </button>
          <button
            type="button"
            onClick={() => actions.redo()}
            disabled={grouping.redo.length === 0}
            aria-keyshortcuts="Control+Y"
          >
            {P.redo}
          </button>
        </div>
      </div>
      {state.run?.purpose === "single" && <RunProgress state={state} actions={actions} />}
      {state.runFailure && <FailureView failure={state.runFailure} L={L} />}
      <p class="hint">{P.editHelp}</p>
      {grouping.undo.length > 0 && <p class="hint">{P.edited(grouping.undo.length)}</p>}

      <div class="edit-panel" aria-live="polite" data-testid="edit-panel">
        {selected !== undefined && !pending && (
          <div class="selected-panel">
            <p>{P.selected(name(selected), assignment[selected])}</p>
            <div class="field inline">
              <label for="move-to">{P.moveTo}</label>
              <select
                id="move-to"
                value={moveTo}
                onChange={(e) => setMoveTo((e.currentTarget as HTMLSelectElement).value)}
              >
                <option value="">{P.chooseGroup}</option>
                {target.map((id) => (
                  <option key={id} value={id}>
                    {L.report.groupHeading(id, undefined, groups.get(id)?.length ?? 0)}
                  </option>
                ))}
              </select>
              <button
                type="button"
                disabled={moveTo === "" || !target.includes(moveTo)}
                onClick={() => {
                  void actions.propose({
                    kind: "move",
                    person: selected,
                    from: assignment[selected],
                    to: moveTo,
                  });
                  setMoveTo("");
                }}
              >
                {P.move}
              </button>
              <button type="button" class="link" onClick={() => actions.select(undefined)}>
                {P.clearSelection}
              </button>
            </div>
            <p class="hint">{P.swapHint}</p>
          </div>
        )}
        {pending && (
          <div class="pending" data-testid="pending">
            <h2 class="h3">{P.pendingTitle}</h2>
            <p>
              {pending.change.kind === "move"
                ? P.moveText(name(pending.change.person), pending.change.from, pending.change.to)
                : P.swapText(
                    name(pending.change.a),
                    pending.change.groupA,
                    name(pending.change.b),
                    pending.change.groupB,
                  )}
            </p>
            {pending.loading ? (
              <p class="busy">{P.scoring}</p>
            ) : (
              <>
                <p data-testid="quality-change">
                  {P.qualityChange(
                    L.percent(quality(before), before.provenOptimal),
                    L.percent(quality(pending.report), pending.report.provenOptimal),
                    `${quality(pending.report) - quality(before) >= 0 ? "+" : ""}${L.num(quality(pending.report) - quality(before), 2)}`,
                  )}
                </p>
                {added.length > 0 && (
                  <div class="bad" data-testid="breaks">
                    <p>{P.breaks(added.length)}</p>
                    <ul>
                      {added.map((v, i) => (
                        <li key={`${v.rule}-${i}`}>{violationText(v, L, name)}</li>
                      ))}
                    </ul>
                  </div>
                )}
                {mended.length > 0 && (
                  <div class="ok">
                    <p>{P.mends(mended.length)}</p>
                    <ul>
                      {mended.map((v, i) => (
                        <li key={`${v.rule}-${i}`}>{violationText(v, L, name)}</li>
                      ))}
                    </ul>
                  </div>
                )}
                {added.length === 0 && mended.length === 0 && <p>{P.noRuleChange}</p>}
                <div class="actions">
                  <button type="button" class="primary" onClick={() => actions.keep()}>
                    {P.keep}
                  </button>
                  <button type="button" onClick={() => actions.discard()}>
                    {P.discard}
                  </button>
                </div>
              </>
            )}
          </div>
        )}
      </div>

      <ReportSummary report={shown} L={L} name={name} id="groups-summary" folded>
        {grouping.composed.stats && <p class="hint">{plain(L.report.search(grouping.composed.stats))}</p>}
      </ReportSummary>
      {shown.changes && (
        <p>{plain(L.report.changes(shown.changes.moved.length, shown.changes.newcomers.length))}</p>
      )}

      <h2>{P.cardsTitle(ids.length)}</h2>
      <div class="cards" data-testid="cards" data-version={grouping.version}>
        {ids.map((id) => (
          <GroupCard
            key={id}
            id={id}
            members={groups.get(id) ?? []}
            {...(reports.get(id) ? { report: reports.get(id) } : {})}
            people={byId}
            columns={columns}
            violations={violationsOf(shown, id)}
            {...(changes ? { changes } : {})}
            L={L}
            name={name}
            edit={edit}
            flagged={touched.has(id)}
          />
        ))}
      </div>
    </section>
  );
}
