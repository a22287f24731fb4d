/**
 * Pick people by name: type a few letters, choose from the names that match (buttons, so the
 * keyboard reaches them), and the chosen show as removable chips.
 */
import { useState } from "preact/hooks";
import type { PageWords } from "../../../engine/page.js";
import type { PreviewPerson } from "../types.js";

const MATCHES = 8;

export function PeoplePicker(props: {
  id: string;
  label: string;
  people: readonly PreviewPerson[];
  chosen: readonly string[];
  onChange: (ids: string[]) => void;
  P: PageWords;
  single?: boolean;
}) {
  const [query, setQuery] = useState("");
  const name = (id: string) => props.people.find((p) => p.id === id)?.name ?? id;
  const q = query.trim().toLowerCase();
  const matches =
    q.length === 0
      ? []
      : props.people
          .filter((p) => !props.chosen.includes(p.id) && (p.name ?? p.id).toLowerCase().includes(q))
          .slice(0, MATCHES);
  return (
    <div class="picker">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="search"
        autocomplete="off"
        value={query}
        aria-describedby={`${props.id}-hint`}
        onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
      />
      <p class="hint" id={`${props.id}-hint`}>
        {props.P.rules.pickHint}
      </p>
      {matches.length > 0 && (
        <ul class="matches" aria-label={props.P.rules.matches}>
          {matches.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                class="chip-button"
                onClick={() => {
                  props.onChange(props.single ? [p.id] : [...props.chosen, p.id]);
                  setQuery("");
                }}
              >
                {p.name ?? p.id}
              </button>
            </li>
          ))}
        </ul>
      )}
      {props.chosen.length > 0 && (
        <ul class="chips" aria-label={props.P.rules.chosen}>
          {props.chosen.map((id) => (
            <li key={id} class="chip">
              {name(id)}
              <button
                type="button"
                class="chip-remove"
                aria-label={props.P.rules.removePerson(name(id))}
                onClick={() => props.onChange(props.chosen.filter((x) => x !== id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
