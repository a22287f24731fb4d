/**
 * The files a roster preview may carry beside the roster (multipart parts named as the CLI's
 * flags: apart, together, pins, incumbent, history, grouping), each CSV or .xlsx, read
 * against the roster's people by the engine's side-file readers: sets of person ids, person
 * id → group, a history. A front end puts them into its settings (rules.apart, incumbent, …)
 * or scores them (grouping), so it never reads a file itself. Issues name the part as the file.
 */
import {
  type History,
  type PersonRef,
  readGroupingFile,
  readHistoryFile,
  readPersonSetsFile,
} from "../../../engine/index.js";
import type { SidePart } from "../../plugins/parsers.js";

export interface Sides {
  apart?: string[][];
  together?: string[][];
  pins?: Record<string, string>;
  incumbent?: Record<string, string>;
  history?: History;
  grouping?: Record<string, string>;
}

export async function readSides(parts: Partial<Record<SidePart, Buffer>>, refs: PersonRef[]): Promise<Sides> {
  const out: Sides = {};
  if (parts.apart) out.apart = await readPersonSetsFile(parts.apart, refs, { file: "apart" });
  if (parts.together) out.together = await readPersonSetsFile(parts.together, refs, { file: "together" });
  if (parts.pins) out.pins = await readGroupingFile(parts.pins, refs, { file: "pins" });
  // An earlier grouping may name people who have left since: they are left out, as in the CLI.
  if (parts.incumbent)
    out.incumbent = await readGroupingFile(parts.incumbent, refs, { file: "incumbent", ignoreUnknown: true });
  if (parts.history) out.history = await readHistoryFile(parts.history, refs, { file: "history" });
  if (parts.grouping) out.grouping = await readGroupingFile(parts.grouping, refs, { file: "grouping" });
  return out;
}
