/**
 * One group as a card: its members with the values of the columns in use, every value that
 * repeats in the group marked, the group's mix (distinct values, means), and any hard rule
 * it breaks. When editable, a person is a button (pick to move, by keyboard or click), can
 * be dragged to another card (move) or onto another person (swap), and pinned where they are.
 */
import type { Locale } from "../../../engine/page.js";
import type { GroupReport, PreviewPerson, Violation } from "../types.js";
import { violationText } from "./ReportSummary.js";

export interface CardEdit {
  selected?: string;
  /** The person being moved in the pending change (shown where they would go). */
  moving: ReadonlySet<string>;
  pinned: Readonly<Record<string, string>>;
  onPick: (person: string) => void;
  onMoveHere: (group: string) => void;
  onDropPerson: (person: string, group: string, onto?: string) => void;
  onPin: (person: string) => void;
}

export interface CardProps {
  id: string;
  members: readonly string[];
  /** The engine's report of this group (distinct values, shared values, means). */
  report?: GroupReport;
  people: ReadonlyMap<string, PreviewPerson>;
  columns: readonly string[];
  violations: readonly Violation[];
  changes?: { moved: ReadonlyMap<string, string>; newcomers: ReadonlySet<string> };
  L: Locale;
  name: (id: string) => string;
  edit?: CardEdit;
  flagged?: boolean;
}

const DRAG_TYPE = "application/x-tverr-person";

export function GroupCard(props: CardProps) {
  const { L, report, edit } = props;
  const P = L.page.groups;
  const repeated = new Set((report?.shared ?? []).map((s) => `${s.attribute}\u0000${s.category}`));
  const selected = edit?.selected;
  const canReceive = edit !== undefined && selected !== undefined && !props.members.includes(selected);
  const drop = (e: DragEvent, onto?: string) => {
    if (!edit) return;
    e.preventDefault();
    e.stopPropagation();
    const person = e.dataTransfer?.getData(DRAG_TYPE) || e.dataTransfer?.getData("text/plain");
    if (person && !props.members.includes(person)) edit.onDropPerson(person, props.id, onto);
  };
  const headingId = `group-${props.id}-title`;
  return (
    <section
      class={`card${props.violations.length > 0 ? " broken" : ""}${props.flagged ? " flagged" : ""}`}
      aria-labelledby={headingId}
      data-group={props.id}
      onDragOver={edit ? (e) => e.preventDefault() : undefined}
      onDrop={edit ? (e) => drop(e) : undefined}
    >
      <header>
        <h3 id={headingId}>{L.report.groupHeading(props.id, report?.name, props.members.length)}</h3>
        {canReceive && selected && (
          <button type="button" class="move-here" onClick={() => edit?.onMoveHere(props.id)}>
            {P.moveHere}
            <span class="sr-only"> {P.moveHereLabel(props.name(selected), props.id)}</span>
          </button>
        )}
      </header>
      {props.violations.length > 0 && (
        <ul class="card-violations" aria-label={P.brokenHere}>
          {props.violations.map((v, i) => (
            <li key={`${v.rule}-${i}`}>
              <span class="warn-icon" aria-hidden="true">
                !
              </span>
              {violationText(v, L, props.name)}
            </li>
          ))}
        </ul>
      )}
      <ul class="members">
        {props.members.map((id) => {
          const person = props.people.get(id);
          const isSelected = selected === id;
          const pinned = edit?.pinned[id] !== undefined;
          const moved = props.changes?.moved.get(id);
          const isNew = props.changes?.newcomers.has(id);
          return (
            <li
              key={id}
              class={`member${isSelected ? " selected" : ""}${edit?.moving.has(id) ? " moving" : ""}`}
              data-person={id}
              draggable={edit !== undefined}
              onDragStart={
                edit
                  ? (e) => {
                      e.dataTransfer?.setData(DRAG_TYPE, id);
                      e.dataTransfer?.setData("text/plain", id);
                      if (e.dataTransfer) e.dataTransfer.effectAllowed = "move";
                    }
                  : undefined
              }
              onDragOver={edit ? (e) => e.preventDefault() : undefined}
              onDrop={edit ? (e) => drop(e, id) : undefined}
            >
              <div class="member-head">
                {edit ? (
                  <button
                    type="button"
                    class="person"
                    aria-pressed={isSelected}
                    onClick={() => edit.onPick(id)}
                  >
                    {props.name(id)}
                  </button>
                ) : (
                  <span class="person">{props.name(id)}</span>
                )}
                {moved !== undefined && <span class="badge moved">{L.csv.moved(moved)}</span>}
                {isNew && <span class="badge new">{L.csv.newcomer}</span>}
                {edit && (
                  <button
                    type="button"
                    class={`pin${pinned ? " on" : ""}`}
                    aria-pressed={pinned}
                    aria-label={pinned ? P.unpin(props.name(id)) : P.pin(props.name(id), props.id)}
                    onClick={() => edit.onPin(id)}
                  >
                    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
                      <path d="M6 1h4l-.5 4 2.5 3v1H8.6L8 15l-.6-6H4V8l2.5-3z" />
                    </svg>
                  </button>
                )}
              </div>
              <span class="values">
                {props.columns.map((column) => {
                  const value = person?.attributes[column];
                  if (value === null || value === undefined || value === "") return null;
                  const text = typeof value === "number" ? L.num(value, 1) : value;
                  const repeats = typeof value === "string" && repeated.has(`${column}\u0000${value}`);
                  return (
                    <span key={column} class={`value${repeats ? " repeat" : ""}`} title={column}>
                      {text}
                      {repeats && <span class="sr-only"> ({P.repeats(column)})</span>}
                    </span>
                  );
                })}
              </span>
            </li>
          );
        })}
      </ul>
      {report && <p class="mix">{mixLine(report, L)}</p>}
    </section>
  );
}

/** "Virksomhet: 6 ulike · Ansiennitet: snitt 10,8". */
function mixLine(report: GroupReport, L: Locale): string {
  const P = L.page.groups;
  const parts = [
    ...Object.entries(report.distinct).map(([attribute, n]) => P.distinct(attribute, n, report.size)),
    ...Object.entries(report.means).flatMap(([attribute, mean]) =>
      mean === null ? [] : [P.mean(attribute, L.num(mean, 1))],
    ),
  ];
  return parts.join(" · ");
}
