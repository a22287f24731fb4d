/**
 * A labelled file input that also takes a file dropped on it. The input itself is the
 * control (keyboard, screen readers, tests); the drop zone around it is for the mouse.
 */
import { useState } from "preact/hooks";

const ACCEPT = ".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function FileInput(props: {
  id: string;
  label: string;
  hint?: string;
  dropHint?: string;
  chosen?: string;
  onFile: (file: File) => void;
}) {
  const [over, setOver] = useState(false);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping a file is the mouse's shortcut; the labelled input inside is the control for the keyboard and screen readers.
    <div
      class={`file-drop${over ? " over" : ""}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const file = e.dataTransfer?.files[0];
        if (file) props.onFile(file);
      }}
    >
      <label for={props.id}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      <input
        id={props.id}
        type="file"
        accept={ACCEPT}
        aria-describedby={props.hint ? `${props.id}-hint` : undefined}
        onChange={(e) => {
          const file = (e.currentTarget as HTMLInputElement).files?.[0];
          if (file) props.onFile(file);
        }}
      />
      {props.dropHint && (
        <span class="drop-hint" aria-hidden="true">
          {props.dropHint}
        </span>
      )}
      {props.chosen && <p class="chosen">{props.chosen}</p>}
    </div>
  );
}
