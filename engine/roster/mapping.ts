/**
 * A table of cells to the problem's people and attributes.
 *
 * The mapping says which columns are the id, the name, the e-mail and the attributes; what it
 * leaves out is recognised from the header (see `columns.ts`). Every problem in every row is
 * collected and thrown as one ProblemInputError with line and column, naming the column but
 * never echoing a cell (rosters are personal data); with `skipInvalidRows` the rows with
 * problems are left out and listed in `skipped` instead.
 */
import { z } from "zod";
import { type InputIssue, ProblemInputError } from "../errors.js";
import { type AttributeSpec, AttributeSpecSchema, type Person } from "../problem/schema.js";
import { zodIssues } from "../problem/validate.js";
import { defaultAttributeSpec, headerKey, recogniseHeader } from "./columns.js";
import type { SkippedRow, Table } from "./table.js";

const column = z.string().min(1, "must name a column");

/** How roster columns become people: the CLI's JSON config and the HTTP query both use it. */
export const RosterMappingSchema = z.strictObject({
  id: column
    .optional()
    .describe("Column with a unique id per person; else the e-mail, else P1, P2, … in file order"),
  name: column.optional().describe("Column with the person's name"),
  email: column.optional().describe("Column with the person's e-mail"),
  attributes: z
    .record(column, AttributeSpecSchema)
    .optional()
    .describe("Attribute columns and their specs; adds to or overrides the recognised ones"),
  ignore: z.array(column).optional().describe("Columns not to use (still carried to the output)"),
  skipInvalidRows: z
    .boolean()
    .optional()
    .describe("Leave out rows with problems and list them, instead of failing"),
});
/** A mapping as written (weights may be omitted). */
export type RosterMapping = z.input<typeof RosterMappingSchema>;

/** Check a mapping (from a JSON config or a query), or throw ProblemInputError with paths under `mapping`. */
export function parseRosterMapping(mapping: unknown, file?: string): z.output<typeof RosterMappingSchema> {
  const parsed = RosterMappingSchema.safeParse(mapping ?? {});
  if (parsed.success) return parsed.data;
  throw new ProblemInputError(
    zodIssues(parsed.error).map((i) => ({
      ...i,
      path: ["mapping", ...i.path],
      ...(file !== undefined ? { file } : {}),
    })),
  );
}

export interface RosterPeople {
  people: Person[];
  attributes: Record<string, AttributeSpec>;
  /** All the roster's columns, in file order. */
  columns: string[];
  /** The roster's own (trimmed) cells of each person, by column, for output. */
  extra: Record<string, Record<string, string>>;
  /** E-mail of each person that has one (Person has no e-mail field); used to match pair files. */
  emails: Record<string, string>;
  /** Rows left out under `skipInvalidRows`, in line order; empty otherwise. */
  skipped: SkippedRow[];
}

export interface RosterOptions {
  file?: string;
}

interface CellProblem {
  column?: number;
  text: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

export function rosterToPeople(
  table: Table,
  mapping: RosterMapping = {},
  options: RosterOptions = {},
): RosterPeople {
  const { file } = options;
  const located = (issue: InputIssue): InputIssue => (file !== undefined ? { ...issue, file } : issue);

  const map = parseRosterMapping(mapping, file);
  const header = table.header;
  const label = (index: number) => `column ${index + 1} (${header[index]})`;

  // --- columns -------------------------------------------------------------------------
  const issues: InputIssue[] = [];
  const resolve = (name: string, path: (string | number)[]): number | undefined => {
    const exact = header.indexOf(name);
    if (exact >= 0) return exact;
    const key = headerKey(name);
    const loose = header.flatMap((h, i) => (key !== "" && headerKey(h) === key ? [i] : []));
    if (loose.length === 1) return loose[0];
    issues.push(
      located({
        path,
        message: `the mapping names column "${name}", which is not in the roster; its columns are: ${header.join(", ")}`,
      }),
    );
    return undefined;
  };

  const ignored = new Set<number>();
  map.ignore?.forEach((name, i) => {
    const index = resolve(name, ["mapping", "ignore", i]);
    if (index !== undefined) ignored.add(index);
  });
  const mapped: Partial<Record<"id" | "name" | "email", number>> = {};
  for (const role of ["id", "name", "email"] as const) {
    const name = map[role];
    if (name === undefined) continue;
    const index = resolve(name, ["mapping", role]);
    if (index === undefined) continue;
    if (ignored.has(index)) {
      issues.push(
        located({ path: ["mapping", role], message: `column "${name}" is both the ${role} and ignored` }),
      );
    }
    mapped[role] = index;
  }
  const mappedAttributes = new Map<number, AttributeSpec>();
  for (const [name, spec] of Object.entries(map.attributes ?? {})) {
    const index = resolve(name, ["mapping", "attributes", name]);
    if (index === undefined) continue;
    const clash = (["id", "name", "email"] as const).find((r) => mapped[r] === index);
    if (clash) {
      issues.push(
        located({
          path: ["mapping", "attributes", name],
          message: `column "${name}" is the ${clash} column; it cannot also be an attribute`,
        }),
      );
    } else if (ignored.has(index)) {
      issues.push(
        located({
          path: ["mapping", "attributes", name],
          message: `column "${name}" is both an attribute and ignored`,
        }),
      );
    }
    mappedAttributes.set(index, spec);
  }
  if (issues.length > 0) throw new ProblemInputError(issues);

  // Recognised columns fill the roles the mapping leaves open (first column of a role wins).
  // A column the mapping gives one person role may still be recognised for another (id: "E-post"
  // leaves E-post the e-mail column too); ignored and attribute columns are out of the running.
  const taken = new Set<number>([...ignored, ...mappedAttributes.keys()]);
  const autoRole = (role: string): number | undefined => {
    const index = header.findIndex((h, i) => !taken.has(i) && recogniseHeader(h) === role);
    return index >= 0 ? index : undefined;
  };
  const idCol = mapped.id ?? autoRole("id");
  const emailCol = mapped.email ?? autoRole("email");
  const nameCol = mapped.name ?? autoRole("name");
  const firstCol = nameCol === undefined ? autoRole("firstName") : undefined;
  const lastCol = nameCol === undefined ? autoRole("lastName") : undefined;
  const personCols = new Set([idCol, emailCol, nameCol, firstCol, lastCol].filter((i) => i !== undefined));

  const attributeCols = new Map<number, AttributeSpec>();
  header.forEach((h, i) => {
    const spec =
      mappedAttributes.get(i) ?? (taken.has(i) || personCols.has(i) ? undefined : defaultAttributeSpec(h));
    if (spec) attributeCols.set(i, spec);
  });
  const attributes: Record<string, AttributeSpec> = {};
  for (const [i, spec] of attributeCols) attributes[header[i]] = spec;

  // --- rows ----------------------------------------------------------------------------
  const skip = map.skipInvalidRows === true;
  const people: Person[] = [];
  const extra: Record<string, Record<string, string>> = {};
  const emails: Record<string, string> = {};
  const skipped: SkippedRow[] = [...table.skipped];
  const lineOfId = new Map<string, number>();
  const byEmail = new Map<string, { line: number; name: string }>();
  /** Categories compare case- and space-insensitively; the first spelling is kept. */
  const spelling = new Map<number, Map<string, string>>();

  if (table.rows.length === 0 && table.skipped.length === 0) {
    throw new ProblemInputError([
      located({
        path: [],
        message: `no people: the roster has a header but no rows below it`,
        line: table.headerLine,
      }),
    ]);
  }

  table.rows.forEach((row, r) => {
    const problems: CellProblem[] = [];
    const checked = new Set<number>();
    const required = (index: number | undefined): string | undefined => {
      if (index === undefined) return undefined;
      const cell = row.cells[index];
      if (cell === "" && !checked.has(index))
        problems.push({ column: index, text: "required cell is empty" });
      checked.add(index);
      return cell;
    };

    const idCell = required(idCol);
    const emailCell = required(emailCol);
    if (emailCell && !EMAIL.test(emailCell))
      problems.push({ column: emailCol, text: "not an e-mail address" });
    let name = required(nameCol);
    if (firstCol !== undefined || lastCol !== undefined) {
      name = [firstCol, lastCol]
        .map((i) => (i === undefined ? "" : row.cells[i]))
        .filter((s) => s !== "")
        .join(" ");
      if (name === "") problems.push({ column: firstCol ?? lastCol, text: "required cell is empty" });
    }

    const values: Record<string, string | number | null> = {};
    for (const [i, spec] of attributeCols) {
      const cell = row.cells[i];
      if (spec.kind === "numeric") {
        if (cell === "") values[header[i]] = null;
        else {
          const n = parseNumber(cell);
          if (n === undefined) problems.push({ column: i, text: "expected a number, got text" });
          else values[header[i]] = n;
        }
      } else if (cell === "") {
        problems.push({ column: i, text: "required cell is empty" });
      } else {
        let known = spelling.get(i);
        if (!known) {
          known = new Map();
          spelling.set(i, known);
        }
        const key = categoryKey(cell);
        const first = known.get(key);
        if (first === undefined) known.set(key, cell);
        values[header[i]] = first ?? cell;
      }
    }

    const id = idCol !== undefined ? idCell : emailCol !== undefined ? emailCell?.toLowerCase() : `P${r + 1}`;
    const emailKey = emailCell ? emailCell.toLowerCase() : undefined;
    const nameKey = name ? categoryKey(name) : "";
    let duplicate: string | undefined;
    if (id) {
      const firstLine = lineOfId.get(id);
      if (firstLine !== undefined) {
        duplicate = `duplicate of line ${firstLine} (same ${idCol !== undefined ? "id" : "e-mail"})`;
      }
    }
    if (!duplicate && emailKey) {
      const first = byEmail.get(emailKey);
      if (first) {
        duplicate = `duplicate of line ${first.line} (same ${first.name === nameKey ? "name and e-mail" : "e-mail"})`;
      }
    }
    if (duplicate) problems.push({ text: duplicate });

    if (problems.length > 0) {
      if (skip) {
        skipped.push({
          line: row.line,
          reason: problems
            .map((p) => (p.column === undefined ? p.text : `${label(p.column)}: ${p.text}`))
            .join("; "),
        });
        return;
      }
      for (const p of problems) {
        issues.push(
          located({
            path: [],
            message:
              p.column === undefined
                ? `line ${row.line}: ${p.text}`
                : `line ${row.line}, ${label(p.column)}: ${p.text}`,
            line: row.line,
            ...(p.column !== undefined ? { column: p.column + 1 } : {}),
          }),
        );
      }
    }
    if (!id) return;
    if (!lineOfId.has(id)) lineOfId.set(id, row.line);
    if (emailKey && !byEmail.has(emailKey)) byEmail.set(emailKey, { line: row.line, name: nameKey });
    if (problems.length > 0) return;

    const person: Person = { id, attributes: values };
    if (name !== undefined && name !== "") person.name = name;
    people.push(person);
    if (emailCell) emails[id] = emailCell;
    const cells: Record<string, string> = {};
    header.forEach((h, i) => {
      cells[h] = row.cells[i];
    });
    extra[id] = cells;
  });

  if (issues.length > 0) throw new ProblemInputError(issues);
  skipped.sort((a, b) => a.line - b.line);
  return { people, attributes, columns: [...header], extra, emails, skipped };
}

/** Case- and space-insensitive key of a category or name. */
function categoryKey(s: string): string {
  return s.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
}

const NUMBER = /^[+\-\u2212]?(?:\d+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+)?(?:[.,]\d+)?$/;

/**
 * A number as Norwegian and English rosters write it: `12,5`, `12.5`, `1 234,5` (space or
 * no-break space between thousands), `-3`. Undefined for anything else ("1.234,5" and
 * "1,234.5" are ambiguous and refused).
 */
export function parseNumber(cell: string): number | undefined {
  const s = cell.trim();
  if (!NUMBER.test(s) || !/\d/.test(s)) return undefined;
  const n = Number(
    s
      .replace(/[ \u00a0\u202f]/g, "")
      .replace("\u2212", "-")
      .replace(",", "."),
  );
  return Number.isFinite(n) ? n : undefined;
}
