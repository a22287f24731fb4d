/**
 * A roster's bytes (CSV or .xlsx) and settings to the assembled compose request, as a use
 * case of its own, so it can run on a solver thread (usecaseTask.ts): reading a large file is
 * seconds of work that grows with the input. People are counted before anything is built
 * per person, so the people cap bounds the rest.
 */
import {
  type Assembled,
  assemble,
  type ComposeSettings,
  type FileTable,
  readRosterFile,
} from "../engine/index.js";
import { checkPeople } from "./errors.js";

export interface RosterReadInput {
  /** A Buffer, or the Uint8Array it arrives as on a thread. */
  bytes: Uint8Array;
  settings: unknown;
  settingsPath: (string | number)[];
  maxPeople: number;
  sheet?: string;
}

export interface AssembledRoster {
  assembled: Assembled;
  delimiter: string;
  /** The file as read: its format, a workbook's sheets. */
  file: Omit<FileTable, "table">;
}

/**
 * A workbook's grid is bounded by the people cap (plus room for headings and blank rows), so
 * a sheet the cap refuses is refused before its cells are read.
 */
const workbookLimits = (maxPeople: number) => ({ maxCells: Math.max(100_000, (maxPeople + 1_000) * 200) });

export async function readRosterBytes({
  bytes,
  settings,
  settingsPath,
  maxPeople,
  sheet,
}: RosterReadInput): Promise<AssembledRoster> {
  const skip =
    typeof settings === "object" &&
    settings !== null &&
    (settings as ComposeSettings).mapping?.skipInvalidRows === true;
  const buffer = Buffer.isBuffer(bytes)
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { table, ...file } = await readRosterFile(buffer, {
    skipInvalidRows: skip,
    limits: workbookLimits(maxPeople),
    ...(sheet !== undefined ? { sheet } : {}),
  });
  // Counted before anything is built per person: the cap bounds the work.
  checkPeople(table.rows.length, maxPeople);
  const assembled = assemble({ roster: { table }, settings, settingsPath });
  // What reading a workbook changed (merged cells filled down, a title row left out) comes first.
  assembled.roster?.warnings.unshift(...file.warnings);
  return { assembled, delimiter: table.delimiter, file };
}
