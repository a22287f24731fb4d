/**
 * English. Every sentence a person reads in English; `nb.ts` has the same shape in bokmål.
 */

import type { Shortlist } from "./codes.js";
import { enPage, enWorkbook } from "./enPage.js";
import { formatNumber, formatQuality, formatSeconds, groupTitle, joinList } from "./format.js";
import type { Locale, TermFigures, TermName } from "./types.js";

const intl = "en-GB";
const num = (x: number, digits = 2) => formatNumber(intl, x, digits);
const count = (n: number, one: string, many: string) => `${num(n, 0)} ${n === 1 ? one : many}`;
const list = (items: readonly string[], word: "and" | "or" = "and") =>
  joinList(items, word, (n) => count(n, "other", "others"));
const quote = (s: string) => `“${s}”`;
/** A shortlist as words: "A, B, C and 4 more". */
const shortlisted = (l: Shortlist) => [...l.items, ...(l.more > 0 ? [`and ${l.more} more`] : [])].join(", ");
/** Instead of column names that would be a person's cells. */
const dataLine = (line: number) =>
  `line ${line} looks like a person's data, not a header: add a header row naming the columns`;
const people = (n: number) => count(n, "person", "people");
const groups = (n: number) => count(n, "group", "groups");
/** "group 3" or "groups 1, 2 and 3"; "all groups" when the list is empty. */
const groupRef = (ids: readonly string[]) =>
  ids.length === 0 ? "every group" : ids.length === 1 ? `group ${ids[0]}` : `groups ${list(ids)}`;
const holds = (ids: readonly string[]) => (ids.length === 1 ? "holds" : "hold");
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const thereAre = (n: number, noun: (n: number) => string) => `there ${n === 1 ? "is" : "are"} ${noun(n)}`;
const attr = (a: string, c: string) => `${a} ${quote(c)}`;

/** The roles a mapping gives a column, as `mapping_column_twice` names them. */
const mappingRole: Record<string, string> = {
  id: "the id",
  name: "the name",
  email: "the e-mail",
  attribute: "an attribute",
  ignore: "ignored",
};

const termName = (t: TermName): string => {
  switch (t.term) {
    case "spread":
      return `Mix of ${t.label}`;
    case "similar":
      return `${t.label} kept together`;
    case "balance":
      return `Balance of ${t.label}`;
    case "variance":
      return `Spread of ${t.label} balanced`;
    case "notAlone":
      return `Nobody alone: ${attr(t.attribute ?? "", t.category ?? "")}`;
    case "pairwise":
      return "Pair preferences";
    case "distance":
      return "Diversity (distances inside groups)";
    case "stability":
      return "Stability (people moved)";
  }
};

const status = (t: TermFigures): string => {
  if (!t.boundApplies) return "the bound assumes the group sizes, which this grouping breaks";
  if (t.atBound) return "optimal";
  const above = t.raw - t.lowerBound;
  switch (t.term) {
    case "spread":
    case "similar":
      return `${count(Math.round(above * 100) / 100, "pair", "pairs")} from the best possible`;
    case "stability":
      return `${people(t.raw)} moved`;
    case "notAlone":
      return `${people(t.raw)} short`;
    default:
      return `${num(above, 3)} from the best possible`;
  }
};

export const en: Locale = {
  tag: "en",
  intl,
  num,
  list,
  count,
  quote,
  seconds: (ms) => formatSeconds(intl, ms),
  percent: (q, atBound) => (q === null ? "–" : `${formatQuality(intl, q, atBound)}%`),

  issue: {
    schema: (f) => en.schema(f),
    bad_delimiter: () => "the delimiter must be one character such as ; , or tab",
    empty_file: () => "the file is empty: expected a header line",
    binary_file: (f) =>
      f.format === "xlsx" || f.format === "xls" || f.format === "ods"
        ? "this is an Excel workbook, not a CSV file: save it as CSV (semicolon-separated) in Excel, or upload it on the page"
        : f.format === "pdf"
          ? "this is a PDF file: export the roster from Excel as CSV"
          : "this is not a text file: export the roster from Excel as CSV",
    header_blank: () => "the column has no name in the header",
    header_duplicate: (f) => `the same column name as column ${f.first}`,
    title_row: () => "the row looks like a title, not a header",
    row_width: (f) =>
      `expected ${count(f.expected, "field", "fields")} as in the header, found ${num(f.found, 0)}`,
    csv_quote_not_closed: () =>
      'a quoted field is never closed (its opening " has no closing " before the end of the file)',
    csv_text_after_quote: () =>
      'unexpected text after the closing quote of a field (inside quotes, write " as "")',
    csv_quote_in_field: () => 'a quote inside an unquoted field (put the field in quotes and write " as "")',
    csv_record_too_long: () => "the record is too long (is the delimiter right?)",
    csv_unreadable: (f) => `the CSV cannot be read here (${f.reason})`,
    file_too_large: (f) =>
      `the file is too large: at most ${num(f.limit, 0)} ${f.unit === "rows" ? "rows" : f.unit === "columns" ? "columns" : "bytes"}`,
    mapping_column_missing: (f) =>
      `names column ${quote(f.name)}, which is not in the roster; ${f.columns ? `its columns are: ${shortlisted(f.columns)}` : dataLine(f.dataLine)}`,
    // The facts name roles by code (id, name, email, attribute, ignore): worded here, not spliced in.
    mapping_column_twice: (f) =>
      `column ${quote(f.name)} is both ${mappingRole[f.first] ?? f.first} and ${mappingRole[f.second] ?? f.second}; choose one`,
    no_rows: () => "no people: the roster has a header but no rows below it",
    cell_empty: () => "the cell is empty, but every person needs a value here",
    cell_not_email: () => "not an e-mail address",
    cell_not_number: () => "expected a number, found text",
    totals_row: (f) => {
      if (f.empty.length === 0) return "the row lacks values every person needs";
      const named = f.empty.every((e) => e.name !== undefined && e.name !== "");
      const columns = list(f.empty.map((e) => (named ? quote(e.name ?? "") : num(e.column, 0))));
      return f.empty.length === 1
        ? `the cell in column ${columns} is empty, but every person needs a value there`
        : `the cells in columns ${columns} are empty, but every person needs a value there`;
    },
    duplicate_row: (f) =>
      `the same person as on line ${f.first} (same ${f.same === "id" ? "id" : f.same === "email" ? "e-mail" : "name and e-mail"})`,
    person_not_found: () => "matches no person in the roster (by id, e-mail or name)",
    person_ambiguous: (f) => `the name matches ${people(f.count)}; use their id or e-mail`,
    person_again: (f) =>
      f.column !== undefined
        ? `the same person as in column ${f.column}`
        : `the same person as on line ${f.line}`,
    set_too_small: (f) => `a set needs at least two people, found ${num(f.found, 0)}`,
    side_file_columns: (f) =>
      f.kind === "grouping"
        ? `expected a person column (Person, Id, E-post, Navn or Name) and a group column (Gruppe or Group); ${f.columns ? `found: ${shortlisted(f.columns)}` : dataLine(f.dataLine)}`
        : `expected a round column (Runde, Samling or Round), a group column (Gruppe or Group) and a person column (Person, Id, E-post, Navn or Name); ${f.columns ? `found: ${shortlisted(f.columns)}` : dataLine(f.dataLine)}`,
    person_twice_in_round: (f) =>
      f.sameGroup
        ? `the same person as on line ${f.line}, in the same group of the same round`
        : `the same person as on line ${f.line}: a person can be in only one group per round`,
    duplicate_id: (f) =>
      f.kind === "person"
        ? `the same id as people[${f.first}]`
        : f.kind === "group"
          ? `the same group id as groups.list[${f.first}]`
          : `the same round id as rounds[${f.first}]`,
    attribute_not_numeric: (f) =>
      `attribute ${quote(f.attribute)} is numeric: expected a number or null, found text`,
    unknown_person: () => "matches no person in the roster",
    unknown_group: () => "names no group of the problem",
    unknown_attribute: (f) => `there is no attribute ${quote(f.attribute)}`,
    listed_twice: () => "the same person is listed twice",
    pair_same_person: () => "a pair needs two different people",
    groups_conflict: (f) => `give only one of count, size or list (found ${f.given.join(", ")})`,
    groups_missing: () =>
      "say how many groups (count), how large (size), or give the size range (minSize and maxSize)",
    groups_list_with_sizes: () => "with list, give each group its own minSize and maxSize",
    min_above_max: (f) => `the smallest size (${num(f.min, 0)}) is above the largest (${num(f.max, 0)})`,
    groups_above_people: (f) =>
      `${groups(f.groups)} for ${people(f.people)}: there cannot be more groups than people`,
    size_above_people: (f) =>
      `groups of ${num(f.size, 0)} need more people than the ${num(f.people, 0)} there are`,
    distance_rows: (f) =>
      `expected ${count(f.expected, "row", "rows")} (one per person), found ${num(f.found, 0)}`,
    distance_columns: (f) => `expected ${count(f.expected, "column", "columns")}, found ${num(f.found, 0)}`,
    distance_diagonal: () => "the diagonal must be 0 (a person's distance to themselves)",
    distance_asymmetric: (f) => `not symmetric: [${f.row}][${f.column}] differs from [${f.column}][${f.row}]`,
    number_too_large: (f) => `the number is too large: at most ${num(f.limit, 0)} in size`,
    exact_too_large: (f) =>
      `exact mode is for small problems: people × groups is ${num(f.cells, 0)}, at most ${num(f.limit, 0)}; leave exact out to search instead`,
    unknown_category: (f) => `nobody has this category of ${quote(f.attribute)}`,
    rounds_only: (f) => `${f.part} applies to rounds only; give rounds as well`,
    incumbent_with_rounds: () => "an earlier grouping to repair (incumbent) cannot be combined with rounds",
    round_empty: () => "a round needs at least one person",
    group_in_no_round: () => "names a group that is in no round",
    person_unplaced: (f) =>
      `${people(f.count)} ${f.count === 1 ? "is" : "are"} in no group; every person needs a group`,
    above_limit: (f) =>
      f.what === "placements"
        ? `too many placements (people × rounds): at most ${num(f.limit, 0)}; compose fewer rounds at a time`
        : f.what === "pairs"
          ? `too many pairs in the groups (a group of k people is k(k−1)/2 pairs): at most ${num(f.limit, 0)}`
          : f.what === "length"
            ? `too long: at most ${count(f.limit, "character", "characters")}`
            : `too many ${f.what}: at most ${num(f.limit, 0)}`,
    not_applicable: (f) =>
      f.reason === "csv_only"
        ? `${f.part} applies to a CSV or Excel roster only; set it in the problem instead`
        : f.reason === "json_only"
          ? `${f.part} applies to a JSON problem only`
          : f.reason === "rounds_only"
            ? `${f.part} applies to rounds only; give rounds as well`
            : f.reason === "xlsx_only"
              ? `${f.part} applies to an Excel file (.xlsx) only; a CSV file has no sheets`
              : `${f.part} applies to a single grouping only`,
    json_syntax: (f) =>
      `not valid JSON: ${{ value: "expected a value", unclosedString: "a string is not closed", controlInString: "a line break or control character inside a string", badEscape: "a bad escape in a string", propertyName: "expected a property name in double quotes", colon: "expected : after a property name", objectEnd: "expected , or }", arrayEnd: "expected , or ]", trailing: "unexpected text after the end of the JSON", end: "the text ends too early" }[f.reason]}`,
    column_kind: (f) =>
      f.expected === "numeric"
        ? `column ${quote(f.column)} is not numbers: it cannot be balanced`
        : `column ${quote(f.column)} is balanced as numbers: a cap needs categories`,
    column_conflict: (f) => `column ${quote(f.column)} is asked to ${f.first} and to ${f.second}; choose one`,
    category_not_found: (f) => `nobody has that value in column ${quote(f.column)}`,
    workbook_unreadable: () =>
      "the Excel file cannot be read (it may be damaged or password-protected): open it in Excel and save it again as .xlsx",
    sheet_not_found: (f) =>
      `the workbook has no such sheet; its sheets are: ${shortlisted({ ...f.sheets, items: f.sheets.items.map(quote) })}`,
  },

  schema: (f) => {
    switch (f.zod) {
      case "invalid_type":
        if (f.received === "undefined") return `required: expected ${typeName(f.expected)}`;
        if (f.received === "Infinity" || f.received === "NaN") return "expected a finite number";
        return `expected ${typeName(f.expected)}, found ${typeName(f.received)}`;
      case "too_small":
        if (f.origin === "string" && f.minimum === 1) return "must not be empty";
        if (f.origin === "array") return `expected at least ${count(f.minimum ?? 0, "item", "items")}`;
        return f.inclusive === false
          ? `must be greater than ${num(f.minimum ?? 0)}`
          : `must be at least ${num(f.minimum ?? 0)}`;
      case "too_big":
        if (f.origin === "string")
          return `too long: at most ${count(f.maximum ?? 0, "character", "characters")}`;
        if (f.origin === "array") return `too many: at most ${count(f.maximum ?? 0, "item", "items")}`;
        return `must be at most ${num(f.maximum ?? 0)}`;
      case "unrecognized_keys":
        return `unknown ${f.keys && f.keys.length > 1 ? "fields" : "field"}: ${(f.keys ?? []).join(", ")}`;
      case "invalid_value":
        return `expected one of: ${(f.values ?? []).join(", ")}`;
      case "invalid_union":
        return "does not match any of the allowed forms";
      case "invalid_format":
        return `not a valid ${f.format ?? "value"}`;
      case "not_multiple_of":
        return "not a whole number";
      case "invalid_key":
        return "a key is not valid";
      case "invalid_element":
        return "an element is not valid";
      default:
        return "not valid";
    }
  },

  hint: {
    header_below: (h) => `The header seems to be on line ${h.line}: delete the rows above it.`,
    merged_cells: () =>
      "This looks like merged cells: fill the merged cells down (every row needs its own value).",
    totals_row: () => "This looks like a totals row: delete it.",
    number_with_unit: () => "Write the number alone, without a unit (55, not 55 years).",
    excel_file: () => "Save the sheet as CSV (semicolon-separated) from Excel.",
    wrong_delimiter: (h) => `Is the delimiter ${quote(h.delimiter)}?`,
  },

  location: (w) => {
    // A column without a line: a skipped roster row, listed under its line already.
    if (w.line !== undefined || w.column !== undefined) {
      const where = [
        w.file,
        w.line !== undefined ? `line ${w.line}` : undefined,
        w.column !== undefined ? `column ${w.column}${w.columnName ? ` (${w.columnName})` : ""}` : undefined,
      ].filter(Boolean);
      return where.join(", ");
    }
    return [w.file, w.path || undefined].filter(Boolean).join(": ");
  },

  warning: {
    probable_duplicate: (f) =>
      `the same name and ${f.column} as on line ${f.first}: is this one person entered twice? Both are kept`,
    rows_skipped: (f) => `${count(f.count, "row was", "rows were")} left out (see the list)`,
    column_unused: (f) => `column ${quote(f.column)} is not used`,
    merged_filled: (f) =>
      `merged cells: the value applies to each of the ${num(f.rows, 0)} rows (through row ${f.last}) and was filled down`,
    title_row_skipped: () => "the row is merged cells above the header (a title) and was not read as data",
  },

  columnUse: (u) => {
    switch (u.use) {
      case "id":
        return "the id of each person";
      case "name":
        return "the name";
      case "firstName":
        return "first name";
      case "lastName":
        return "last name";
      case "email":
        return "e-mail (matches people in side files)";
      case "ignored":
        return "ignored (carried to the output)";
      case "unused":
        return `not used (mix it with --spread ${quoteArg(u.column)}, balance numbers with --balance ${quoteArg(u.column)})`;
      case "attribute": {
        const s = u.spec;
        if (!s) return "attribute";
        if (s.kind === "numeric") {
          return `balanced, weight ${num(s.weight)}${s.varianceWeight ? `, spread too (weight ${num(s.varianceWeight)})` : ""}`;
        }
        const rules: string[] = [];
        if (s.maxPerGroup !== undefined) rules.push(`at most ${s.maxPerGroup} per group`);
        for (const [c, k] of Object.entries(s.maxPerGroupByCategory ?? {}))
          rules.push(`at most ${k} ${quote(c)}`);
        for (const [c, k] of Object.entries(s.minPerGroup ?? {})) rules.push(`at least ${k} ${quote(c)}`);
        for (const [c, k] of Object.entries(s.notAlone?.categories ?? {}))
          rules.push(`none or at least ${k} ${quote(c)}`);
        const goal =
          s.weight === 0
            ? "rules only"
            : s.goal === "similar"
              ? `kept together, weight ${num(s.weight)}`
              : `mixed, weight ${num(s.weight)}`;
        return [goal, ...rules].join(", ");
      }
    }
  },

  diagnosis: {
    no_groups: (f) =>
      `No groups are set up (${people(f.people)} to place): say how many groups, or how large`,
    size_vs_headcount: (f) => {
      const theGroups = f.groups === 1 ? "the one group" : `the ${f.groups} groups`;
      return f.bound === "min"
        ? `There ${f.people === 1 ? "is" : "are"} ${people(f.people)}, but ${theGroups} ${f.groups === 1 ? "needs" : "need"} at least ${num(f.total, 0)}${f.groups === 1 ? "" : " together"}: ${people(f.difference)} too few`
        : `There ${f.people === 1 ? "is" : "are"} ${people(f.people)}, but ${theGroups} ${f.groups === 1 ? "holds" : "hold"} at most ${num(f.total, 0)}${f.groups === 1 ? "" : " together"}: ${people(f.difference)} too many`;
    },
    cap_vs_count: (f) =>
      f.categories === 1
        ? `${f.category} has ${people(f.count)}, ${thereAre(f.groups, groups)} and at most ${f.cap} per group is allowed`
        : `${count(f.categories, "category", "categories")} of ${f.attribute} ${f.categories === 1 ? "has" : "have"} more people than ${groups(f.groups)} with at most ${f.cap} each can hold; the largest, ${f.category}, has ${people(f.count)}`,
    not_alone_vs_count: (f) =>
      `${attr(f.attribute, f.category)} has ${people(f.count)}, fewer than the ${f.min} a group must have if it has any: ${f.count === 1 ? "that person" : "they"} cannot avoid being alone`,
    cap_vs_size: (f, w) =>
      `${capitalise(groupRef(w.groups))} must have at least ${people(f.minSize)}, but with the caps on ${f.attribute} a group can hold at most ${num(f.capacity, 0)}`,
    min_vs_supply: (f) => {
      const has = f.count === 0 ? "has nobody" : `has ${people(f.count)}`;
      const each = f.groups === 1 ? "the one group needs" : `each of the ${f.groups} groups needs`;
      return `${f.category} ${has}, but ${each} at least ${f.min}`;
    },
    min_vs_cap: (f) =>
      `Every group needs at least ${f.min} of ${f.category}, but at most ${f.cap} per group is allowed`,
    min_vs_size: (f, w) =>
      `The minimums for ${f.attribute} need at least ${people(f.needed)} in every group, but ${groupRef(w.groups)} ${holds(w.groups)} at most ${num(f.maxSize, 0)}`,
    together_too_large: (f, w) => {
      const who = `${list(w.people)} must be in one group (${people(f.size)})`;
      return f.restricted === 1
        ? `${who}, but may only be placed in ${groupRef(w.groups)}, which ${holds(w.groups)} at most ${num(f.maxSize, 0)}`
        : `${who}, but no group holds more than ${num(f.maxSize, 0)}`;
    },
    together_apart_conflict: (_f, w) =>
      `${list(w.people)} must be in one group (keep together) and in different groups (keep apart)`,
    together_pin_conflict: (_f, w) =>
      `${list(w.people)} must be in one group, but they are pinned to ${groupRef(w.groups)}`,
    together_allowed_conflict: (_f, w) =>
      `${list(w.people)} must be in one group, but no group is allowed for all of them`,
    together_vs_cap: (f, w) =>
      `${list(w.people)} must be in one group, but ${f.count} of them have ${f.attribute} ${f.category} and at most ${f.cap} per group is allowed`,
    pin_vs_allowed: (f, w) =>
      `${f.person} is pinned to group ${f.group}, but may only be in ${groupRef(w.groups.filter((g) => g !== f.group))}`,
    pins_vs_capacity: (f, w) =>
      `${capitalise(people(f.people))} (${list(w.people)}) can only be placed in ${groupRef(w.groups)}, which ${holds(w.groups)} at most ${num(f.capacity, 0)}: ${num(f.excess, 0)} too many`,
    pin_vs_cap: (f, w) =>
      `${capitalise(people(f.count))} with ${f.attribute} ${f.category} (${list(w.people)}) can only be placed in group ${f.group}, but at most ${f.cap} per group is allowed`,
    pin_vs_min: (f) =>
      `${capitalise(people(f.forced))} can only be placed in group ${f.group}, which holds at most ${num(f.maxSize, 0)}, and the minimums for ${f.attribute} need ${num(f.needed, 0)} more there: ${num(f.excess, 0)} too many`,
    pin_vs_apart: (f, w) =>
      `${list(w.people)} must be kept apart, but ${f.count === 2 ? "both" : "all"} can only be placed in group ${f.group}`,
    apart_vs_groups: (f, w) =>
      `The keep-apart set ${list(w.people)} has ${people(f.size)}, but there ${f.groups === 1 ? "is" : "are"} only ${groups(f.groups)}`,
  },

  fix: {
    set_cap: (f) =>
      f.category !== undefined
        ? `Allow ${f.cap} of ${f.category} per group (for this ${f.attribute} only; the others keep their cap).`
        : `Allow ${f.cap} per group.`,
    set_group_count: (f) =>
      `Make ${groups(f.count)} (${f.minSize === f.maxSize ? `groups of ${f.minSize}` : `groups of ${f.minSize}–${f.maxSize}`}).`,
    set_minimum: (f) =>
      f.min > 0
        ? `Lower the minimum for ${f.category} to ${f.min} per group.`
        : `Drop the minimum for ${f.category}.`,
    set_size: (f) =>
      `${f.bound === "min" ? "Lower the minimum" : "Raise the maximum"} size of ${groupRef(f.groups)} to ${f.size}.`,
    change_sizes: (f) =>
      `${f.bound === "min" ? "Lower the minimum" : "Raise the maximum"} group sizes${f.groups.length > 0 ? ` of ${groupRef(f.groups)}` : ""} by ${num(f.by, 0)} in total.`,
    raise_caps: (f) => `Raise the caps on ${f.attribute}.`,
    lower_minimums: (f) => `Lower the minimums for ${f.attribute} by ${num(f.by, 0)} in total.`,
    split_together: () => "Split the keep-together set.",
    remove_from_apart: (f, w) =>
      f.count !== undefined
        ? `Remove ${people(f.count)} from the keep-apart set.`
        : f.keepOne
          ? `Keep only one of ${list(w.people)} in the keep-apart set.`
          : `Remove ${list(w.people, "or")} from the keep-apart set.`,
    set_not_alone: (f) =>
      f.min >= 2
        ? `Ask for at least ${f.min} of ${f.category} in a group that has any.`
        : `Drop the rule that nobody of ${f.category} is alone, or make it a wish (soft).`,
    pin_together: () => "Pin them to the same group.",
    allow_common_group: () => "Allow them a common group.",
    pin_person: (f) =>
      `Pin ${f.person} to ${f.groups.length === 1 ? groupRef(f.groups) : `one of ${groupRef(f.groups)}`}.`,
    allow_person: (f) => `Allow ${f.person} in group ${f.group}.`,
    release: (f) => `Let ${num(f.count, 0)} of them be placed in other groups.`,
    pin_fewer: (f) => `Pin fewer people to group ${f.group}.`,
    pin_elsewhere: (_f, w) =>
      _f.allButOne
        ? "Pin all but one of them to other groups."
        : `Pin ${list(w.people, "or")} to another group.`,
  },

  violation: {
    size: (v) =>
      `${groupTitle("Group", v.group)} has ${people(v.size)}; it must have ${v.minSize === v.maxSize ? `exactly ${v.minSize}` : `${v.minSize}–${v.maxSize}`}.`,
    cap: (v, name) =>
      `${groupTitle("Group", v.group)} has ${v.count} with ${attr(v.attribute, v.category)}, at most ${v.cap} allowed: ${list(v.people.map(name))}.`,
    min: (v) =>
      `${groupTitle("Group", v.group)} has ${v.count} with ${attr(v.attribute, v.category)}, at least ${v.min} required.`,
    notAlone: (v, name) =>
      `${groupTitle("Group", v.group)} has ${v.count} with ${attr(v.attribute, v.category)} (${list(v.people.map(name))}): none or at least ${v.min} required.`,
    apart: (v, name) =>
      `${name(v.people[0])} and ${name(v.people[1])} are both in group ${v.group}, but are to be kept apart.`,
    together: (v, name) =>
      `${list(v.people.map(name))} are to be kept together, but are in groups ${list(v.groups)}.`,
    togetherAllowed: (v, name) =>
      `${list(v.people.map(name))} are to be kept together, but the groups allowed for ${list(v.restricted.map(name))} have none in common.`,
    pin: (v, name) => `${name(v.person)} is pinned to group ${v.pinnedTo}, but is in group ${v.group}.`,
    allowed: (v, name) => `${name(v.person)} is in group ${v.group}, where they are not allowed.`,
    repeat: (v, name) =>
      `${name(v.people[0])} and ${name(v.people[1])} meet again in round ${v.round} (group ${v.group}); they met in ${v.before}.`,
  },

  term: {
    name: termName,
    value: {
      spread: "pairs in one group who share the category",
      similar: "minus the pairs in one group who share the category",
      balance: "spread of the group means",
      variance: "spread of the groups' variances",
      notAlone: "people short of the minimum where the category is alone",
      pairwise: "pair weights inside groups",
      distance: "minus the distances inside groups",
      stability: "people moved",
    },
    kind: {
      spread: "mix",
      similar: "kept together",
      balance: "balance",
      variance: "spread balanced",
      notAlone: "nobody alone",
      pairwise: "pair preferences",
      distance: "diversity",
      stability: "stability",
    },
    status,
  },

  stop: {
    timeLimit: "stopped at the time limit",
    iterationLimit: "stopped at the move limit",
    aborted: "stopped early",
    optimal: "stopped: proven optimal",
    stalled: "stopped: no improvement for a while",
    nothingToMove: "nothing could be moved",
  },

  report: {
    title: "Groups",
    checkTitle: "Check",
    roundsTitle: "Groups over rounds",
    summary: "Summary",
    groups: "Groups",
    headcount: (p, g, sizes) => `${people(p)} in ${groups(g)} (${sizes} per group).`,
    hardHold: "**Hard rules:** all hold.",
    hardBroken: (n) => `**Hard rules:** ${n === 1 ? "1 rule does" : `${num(n, 0)} rules do`} not hold:`,
    diagnosesIntro: (n) =>
      `**Why the rules cannot all hold** (${count(n, "reason", "reasons")}, found before searching):`,
    checkFails: (n) => `**The hard rules cannot all hold** (${count(n, "reason", "reasons")}):`,
    checkHolds:
      "**No reason found why the hard rules could not all hold.** The check looks for the usual conflicts; composing confirms it by finding a grouping.",
    fix: "Fix",
    termsIntro:
      "**Soft terms.** Quality: 100% is the best possible (the lower bound), 0% no better than a random grouping.",
    termHeader: ["Term", "Weight", "Quality", "Value", "Best possible", "Status"],
    noTerms: "**Soft terms:** none.",
    boundNote: "A term at its best possible value is proven optimal.",
    valueNote: (parts) => `Value: ${parts}.`,
    andMore: (n) => `and ${count(n, "other", "others")}`,
    negativeNote: "Below 0%: worse than a random grouping would be on average.",
    overallOptimal: "**Overall:** proven optimal: every hard rule holds and every soft term is at its bound.",
    overall: (q) => `**Overall:** weighted quality ${q}.`,
    search: (s) =>
      `**Search:** ${num(s.iterations, 0)} moves tried in ${en.seconds(s.totalMs)} (seed ${s.seed}; ${en.stop[s.stopReason]}); best found after ${en.seconds(s.timeToBestMs)}.`,
    skipped: (n) => `**Rows left out** of the roster (${num(n, 0)}):`,
    skippedRow: (line, reasons) => `line ${line}: ${reasons}`,
    warnings: "**Worth a look:**",
    changes: (moved, newcomers) =>
      `**Changes from the earlier grouping:** ${people(moved)} moved, ${people(newcomers)} new.`,
    movedRow: (person, from, to) => `${person}: from group ${from} to group ${to}`,
    newcomersRow: (p) => `New: ${p}`,
    groupHeading: (id, name, size) =>
      `${groupTitle("Group", id)}${name ? ` — ${name}` : ""} (${people(size)})`,
    memberNo: "#",
    memberName: "Name",
    mean: "Mean",
    distinct: (parts) => `**Different values:** ${parts}.`,
    distinctPart: (a, n) => `${a} ${n}`,
    shared: "**Shared:**",
    sharedPart: (c, p) => `${quote(c)}: ${p}`,
    noneShared: (a) => `**Shared:** none; no two members have the same ${a}.`,
    emptyGroup: "No members.",
    checkSummary: (p, g, sizes) => `${people(p)}, ${groups(g)} of ${sizes}.`,
    noGroups: (p) => `${people(p)}; no groups given.`,
    attributes: (parts) =>
      parts.length > 0 ? `**Attributes:** ${parts.join("; ")}.` : "**Attributes:** none.",
    attributePart: (name, use) => `${name} (${use})`,
    rules: (parts) =>
      parts.length > 0 ? `**Rules:** ${parts.join("; ")}.` : "**Rules:** none besides sizes.",
    apartRule: (n) => count(n, "keep-apart set", "keep-apart sets"),
    togetherRule: (n) => count(n, "keep-together set", "keep-together sets"),
    pinRule: (n) => count(n, "pin", "pins"),
    allowedRule: (n) => `${people(n)} limited to some groups`,
    incumbentRule: (n, w) => `repairing an earlier grouping of ${people(n)} (stability weight ${w})`,
    roundsHeadcount: (r, p) => `${count(r, "round", "rounds")}; ${people(p)} placed in the first.`,
    roundsHold: (forbid) =>
      `**Hard rules:** all hold in every round${forbid ? ", and no pair meets twice" : ""}.`,
    roundsBroken: (rounds, repeats, forbid) =>
      `**Hard rules:** ${[
        rounds.length > 0 ? `do not all hold in round ${list(rounds)}` : "",
        forbid && repeats > 0
          ? `${count(repeats, "pair meets", "pairs meet")} again, though repeats are forbidden`
          : "",
      ]
        .filter(Boolean)
        .join("; ")}.`,
    meetings: "Meetings",
    meetingsHeader: ["Figure", "Value"],
    meetingRows: {
      pairsMet: "Pairs who have met (history included)",
      newPairs: "Pairs who meet for the first time",
      repeatPairs: "Pairs who meet again",
      repeats: "Groupings that put together a pair who had met",
      maxMeetings: "Most meetings of any pair",
      cost: "Repeated-meetings cost",
      lowerBound: "Best possible cost",
      randomExpectation: "Cost of random groupings",
    },
    meetingsNote: (w, penalty, forbid) =>
      `A pair's meetings beyond the first cost ${penalty === "square" ? "their square" : "one each"} (weight ${w})${forbid ? "; a pair meeting twice is forbidden" : ""}.`,
    reach: (parts) => `**Reach:** on average each person meets ${parts}.`,
    reachPart: (a, mean) => `${mean} other ${a}`,
    roundsSearch: (s) =>
      `**Search:** ${s.mode === "joint" ? "all rounds together" : "round by round"}, ${num(s.iterations, 0)} moves tried in ${en.seconds(s.totalMs)} (seed ${s.seed}; ${en.stop[s.stopReason]}).`,
    roundHeading: (id, repeat) => `Round ${id}${repeat > 1 ? ` (meets ${repeat} times)` : ""}`,
    range: (min, max) => (min === max ? String(min) : `${min}–${max}`),
    exactly: (n) => `exactly ${n}`,
  },

  network: {
    title: "Network: who has met whom",
    measure: "Measure",
    value: "Value",
    before: "Before",
    after: "After",
    change: "Change",
    none: "–",
    rows: {
      people: "People",
      rounds: "Rounds",
      ties: "Pairs who have met",
      averagePeopleMet: "People met, on average",
      agencyPairCoverage: "Agency pairs with at least one tie",
      crossAgencyShare: "Ties that cross agencies",
      crossSectorShare: "Ties that cross sectors",
      agencyModularity: "Modularity of the agency partition (lower = more mixing)",
      repeatedPairs: "Pairs who met more than once",
    },
    widest: (n) => `Agencies with the widest reach (top ${n})`,
    narrowest: (n) => `Agencies with the narrowest reach (bottom ${n})`,
    agency: "Agency",
    agencyPeople: "People",
    connected: "Other agencies met",
    connectedBefore: "Other agencies met, before",
    connectedAfter: "after",
    ofAgencies: (n) => `of ${n}`,
    note: "Agencies and sectors met do not count a person's own agency or sector.",
    percentPoints: "pp",
  },

  cli: {
    usage: {
      no_command: () => "give a command: compose, check, score or network",
      unknown_command: (f) =>
        `unknown command ${quote(f.command)}.${f.suggestion ? ` Did you mean ${f.suggestion}?` : ""} The commands are compose, check, score and network.`,
      unknown_option: (f) =>
        `unknown option ${f.option} for tverr ${f.command}${f.suggestion ? `. Did you mean ${f.suggestion}?` : ""}`,
      option_before_command: (f) =>
        `${f.option}: give the command first (tverr compose ROSTER ${f.option} …); before it only --help, --version and --lang${f.suggestion ? `. Did you mean ${f.suggestion}?` : ""}`,
      needs_flag: (f) => `${f.flag} only works with ${f.needs}; give both, or leave ${f.flag} out`,
      exact_unsupported: (f) =>
        `--exact cannot prove the optimum with ${list(f.terms)}; leave --exact out, or those terms`,
      missing_value: (f) => `${f.flag} needs a value (${f.value})`,
      unexpected_value: (f) => `${f.flag} does not take a value`,
      expected_whole: (f) => `${f.flag}: expected a whole number of ${f.min} or more`,
      expected_integer: (f) => `${f.flag}: expected a whole number`,
      expected_weight: (f) => `${f.flag}: expected a weight of 0 or more, such as 2 or 0.5`,
      expected_seconds: (f) => `${f.flag}: expected seconds, more than 0 and at most ${f.max}`,
      expected_file: (f) => `${f.flag}: expected a file name`,
      expected_column: (f) => `${f.flag}: expected a column name`,
      expected_shape: (f) => `${f.flag}: expected ${f.shape}`,
      expected_choice: (f) => `${f.flag}: expected ${f.allowed.join(", ")}`,
      positionals: (f) =>
        `tverr ${f.command} takes ${f.expected === "roster" ? "one ROSTER file" : f.expected === "history" ? "one HISTORY file" : "a ROSTER and a GROUPS file"}; got ${count(f.got, "argument", "arguments")}`,
      one_stdin: () => "only one file can come from standard input (-)",
      output_is_input: (f) => `${f.flag}: ${f.file} is an input; write the result to another file`,
      no_groups: () =>
        "give the groups: --size N (people per group), --groups N (how many), or --min-size and --max-size",
      unknown_extension: (f) =>
        `${f.flag}: cannot write a .${f.extension} file here; write ${f.allowed.map((a) => `.${a}`).join(", ")} (or give --format)`,
      roster_required: () =>
        "--roster: give the roster (CSV or JSON) of the people HISTORY names; it says their agency and sector",
      before_and_new: () => "--before and --new-rounds: give one of them, not both",
      before_too_many: (f) =>
        `--before ${f.before}: ${f.file} has ${count(f.rounds, "round", "rounds")}; give fewer, so that some rounds are new`,
      stdin_tty: () => "stdin: nothing is piped in; give a file name instead of -",
      mapping_for_json: (f) =>
        `${f.config}: mapping: a mapping says how to read a CSV roster; ${f.file} is a JSON problem (give attributes under problem.attributes)`,
      json_not_object: (f) =>
        `${f.file}: expected a JSON object: a problem with people, groups and attributes`,
    },
    seeHelp: (command) => `(see tverr ${command ? `${command} ` : ""}--help)`,
    cannotRead: (file, reason) => `${file}: cannot read the file (${reason})`,
    cannotWrite: (file, reason) => `${file}: cannot write the file (${reason})`,
    fileReason: (code) =>
      code === "ENOENT"
        ? "no such file or folder"
        : code === "EACCES" || code === "EPERM"
          ? "permission denied"
          : code === "EISDIR"
            ? "it is a folder"
            : code === "ENOTDIR"
              ? "a part of the path is not a folder"
              : (code ?? "unknown error"),
    internal: (name) => `internal error (${name}); please report it, with the command you ran`,
    progress: (seconds, best, hard) =>
      `searching ${seconds} s · best score ${best} · ${hard === 0 ? "all hard rules hold" : `hard violations ${hard}`}`,
    columnsHeading: (file) => `${file}: how the columns are used:`,
    columnLine: (column, use) => `  ${column}: ${use}`,
    skippedRows: (n, file, lines) =>
      `${count(n, "row", "rows")} of ${file} left out: ${n === 1 ? "line" : "lines"} ${lines}.`,
    summary: (p, g, state, written) =>
      `${people(p)} in ${groups(g)}; ${state}.${written.length > 0 ? ` Wrote ${list(written)}.` : ""}`,
    roundsSummary: (r, p, state, newPairs, repeatPairs, written) =>
      `${count(r, "round", "rounds")} of ${people(p)}; ${state}; ${count(newPairs, "new pair", "new pairs")} met, ${count(repeatPairs, "pair", "pairs")} met again.${written.length > 0 ? ` Wrote ${list(written)}.` : ""}`,
    allHold: "every hard rule holds",
    allHoldRounds: "every hard rule holds in every round",
    broken: (n, parts) => `${count(n, "hard rule does", "hard rules do")} not hold (${parts})`,
    ruleCount: (rule, n) =>
      `${num(n, 0)} ${{ size: "group size", cap: "cap", min: "at-least", notAlone: "nobody-alone", apart: "keep-apart", together: "keep-together", togetherAllowed: "keep-together", pin: "pin", allowed: "allowed-group", repeat: "repeat" }[rule] ?? rule}`,
    roundBroken: (round, what) => `round ${round}: ${what}`,
    repeatsBroken: (n) => `${count(n, "pair meets", "pairs meet")} again, though --no-repeats forbids it`,
    failIfInfeasible: (state) => `${state}; nothing written (--fail-if-infeasible).`,
    infeasibleHint:
      "Run without --fail-if-infeasible to get the best grouping found and the list of what breaks.",
    infeasible: (n) =>
      `the hard rules cannot all hold (${count(n, "reason", "reasons")} found); nothing written (--fail-if-infeasible). Run tverr check with the same roster and options to see why, and what would fix it.`,
    checkHolds: (written) =>
      `no reason found why the hard rules could not all hold.${written ? ` Wrote ${written}.` : ""}`,
    checkFails: (n, written) =>
      `the hard rules cannot all hold (${count(n, "reason", "reasons")}).${written ? ` Wrote ${written}.` : ""}`,
    interrupted: (written) =>
      `interrupted: the best grouping found so far${written.length > 0 ? ` is written to ${list(written)}` : " is written"}.`,
    stopped: (reason) => `search ${reason}.`,
    exact: (status, bound) =>
      status === "optimal"
        ? "exact mode: proven optimal."
        : status === "infeasible"
          ? "exact mode: no grouping keeps every hard rule."
          : `exact mode: stopped at the time limit${bound ? `; no grouping can score below ${bound}` : "; nothing proven"}.`,
    unplaced: (line, name) =>
      `${line !== undefined ? `line ${line}` : ""}${name ? ` (${name})` : ""} is in no group`,
    networkSummary: (p, rounds, newRounds, agency, sector, written) =>
      `${people(p)}, ${count(rounds, "earlier round", "earlier rounds")}${newRounds !== undefined ? ` and ${count(newRounds, "new round", "new rounds")}` : ""}; agency: ${agency ?? "none"}, sector: ${sector ?? "none"}.${written ? ` Wrote ${written}.` : ""}`,
    mainHelp: `tverr — compose groups that mix across agencies and sectors, under hard rules

Usage:
  tverr compose ROSTER [options]         compose groups
  tverr check ROSTER [options]           check the roster and the rules without composing
  tverr score ROSTER GROUPS [options]    score a grouping made by hand
  tverr network HISTORY --roster ROSTER  who has met whom: the network, before and after
  tverr worker                           run compositions queued in PostgreSQL (DATABASE_URL)
  tverr COMMAND --help                   every option of a command, with examples
  tverr --version

ROSTER is a CSV exported from Excel (; , or tab; UTF-8 or Windows-1252), a JSON problem
(.json), or - for standard input. Messages are in Norwegian unless --lang en, TVERR_LANG=en
or an English LANG says otherwise.

Examples:
  tverr compose data/oslo-ledere.csv --size 6 --cap Virksomhet=1 --out grupper.csv --report rapport.md
  tverr check data/oslo-ledere.csv --groups 70 --cap Virksomhet=1
  tverr score data/oslo-ledere.csv mine-grupper.csv --report sammenligning.md
  tverr network samlinger.csv --roster data/oslo-ledere.csv --before 4

Exit codes: 0 done; 1 the hard rules do not all hold (the result is still written);
2 bad input or usage; 3 an internal error; 130 interrupted (the best grouping so far is written).
`,
    commandHelp: {
      compose: {
        usage: "tverr compose ROSTER [options]",
        about:
          "Compose groups from ROSTER and write them as CSV, JSON or a Markdown report. The search stops when nothing has improved for a while, or at --time.",
        examples: `  tverr compose data/oslo-ledere.csv --size 6 --apart data/oslo-hold-adskilt.csv \\
      --cap Virksomhet=1 --out grupper.csv --report rapport.md
  tverr compose roster.csv --groups 8 --spread Agency=3 --spread Sector --balance Tenure
  tverr compose roster.csv --size 6 --not-alone Gender:F=2 --similar Language
  tverr compose roster.csv --size 6 --repair published.csv --stability 5 -o new.csv
  tverr compose data/oslo-ledere.csv --size 6 --rounds 4 --history samlinger.csv \\
      --cap Virksomhet=1 --no-repeats --reach --out runder.csv --report runder.md`,
        exit: "Exit codes: 0 every hard rule holds; 1 some do not (the result is written, the violations listed); 2 bad input or usage; 130 interrupted.",
      },
      check: {
        usage: "tverr check ROSTER [options]",
        about:
          "Read the roster and the rules and look for reasons the hard rules cannot all hold, without composing. Prints what was read and the diagnosis with ways to fix it.",
        examples: `  tverr check data/oslo-ledere.csv --size 6 --cap Virksomhet=1
  tverr check roster.csv --groups 10 --at-least Gender:F=2`,
        exit: "Exit codes: 0 no reason found; 1 the rules cannot all hold; 2 bad input or usage.",
      },
      score: {
        usage: "tverr score ROSTER GROUPS [options]",
        about:
          "Score a grouping made by hand (GROUPS: a CSV with a person column — id, e-mail or name — and a group column, e.g. Navn;Gruppe) with the same report compose gives, to compare it with Tverr's.",
        examples: `  tverr score data/oslo-ledere.csv mine-grupper.csv --cap Virksomhet=1
  tverr score roster.csv hand.csv --min-size 5 --max-size 7 --report compare.md`,
        exit: "Exit codes: 0 every hard rule holds; 1 some do not; 2 bad input or usage.",
      },
      network: {
        usage: "tverr network HISTORY --roster ROSTER [options]",
        about:
          "Measure the has-met network of a meeting history: per agency, how many other agencies its people have met; overall, the share of agency pairs with a tie, the share of ties across sectors, and the modularity of the agency partition (falling = more mixing). With --before or --new-rounds, before and after side by side. Names agencies, never a person. HISTORY is a CSV of round, group, person (Runde;Gruppe;Navn or Round,Group,Person).",
        examples: `  tverr network samlinger.csv --roster data/oslo-ledere.csv
  tverr network samlinger.csv --roster data/oslo-ledere.csv --before 4 --out nettverk.md
  tverr network ifjor.csv --roster roster.csv --new-rounds i-aar.csv --format json`,
        exit: "Exit codes: 0 done; 2 bad input or usage.",
      },
    },
    groupHeadings: {
      groups: "Groups",
      columns: "Columns",
      rules: "Rules from files (CSV; people named by id, e-mail or a unique name)",
      search: "Search",
      rounds: "Rounds (gatherings where leaders meet new people)",
      input: "Input",
      output: "Output",
      general: "General",
    },
    flags: {
      size: "about N people per group",
      groups: "N groups",
      "min-size": "smallest group size",
      "max-size": "largest group size (alone: the fewest groups that fit)",
      spread: "mix the categories of COL across groups (repeatable)",
      balance: "balance the group means of the numbers in COL (repeatable)",
      "balance-spread": "balance the spread (variance) of the numbers in COL too (repeatable)",
      similar: "keep people with the same value of COL together (repeatable)",
      cap: "hard: at most K of any one category of COL (or of CATEGORY) per group",
      "at-least": "hard: at least K of CATEGORY in every group",
      "not-alone": "hard: every group has none of CATEGORY or at least K",
      apart: "keep apart: each row lists people never in one group (repeatable)",
      together: "keep together: each row lists people always in one group (repeatable)",
      pins: "person,group rows: these people go in these groups",
      repair: "an earlier grouping (person,group) to change as little as possible",
      stability: "weight of keeping people in their earlier group (with --repair)",
      config: 'JSON: {"mapping": {...}, "problem": {...}} in the engine\'s schema; flags win over it',
      "skip-invalid-rows": "leave out rows with problems (listed) instead of stopping",
      sheet: "the sheet of an Excel file (.xlsx) to read (default: the first)",
      seed: "seed of the search (default 1); same seed and input, same result",
      time: "longest search time in seconds (default 10)",
      iterations: "move budget; with it alone the run is exactly reproducible",
      "fail-if-infeasible": "when the hard rules cannot all hold, write nothing and exit 1",
      exact:
        "prove the optimum with the MIP solver (small problems; on a time-out the best found and a bound)",
      threads: "independent searches on N threads, the best wins",
      rounds: "compose N re-mixed rounds with the same groups, jointly",
      history: "earlier rounds: a CSV of round, group, person",
      "meetings-weight": "weight of repeated meetings (default 1)",
      "no-repeats": "hard: no pair meets twice (history included)",
      sequential: "compose the rounds one after another instead of jointly",
      reach: "reward the distinct agencies and sectors each person meets",
      format: "csv, json or md (default: from the --out extension; CSV when piped)",
      out: "write the result here instead of standard output (.csv, .json, .md)",
      report: "also write the Markdown report here",
      lang: "nb or en (default: TVERR_LANG, then LANG, else nb)",
      help: "this help",
      roster: "the roster CSV, or a JSON problem with people and their attributes",
      agency: "the column holding the agency (default: the first recognised one)",
      sector: "the column holding the sector (default: the first recognised one)",
      before: "the first N rounds of HISTORY come before; the rest are new",
      "new-rounds": "the new rounds, in a second CSV like HISTORY",
    },
    columnsNote:
      "Headers match ignoring case, accents and a unit in parentheses. Without --spread, --balance or --similar every recognised column is used with its default weight (agency 3, sector 2, others 1); with them, only the columns they name; --cap, --at-least and --not-alone add hard rules.",
  },
  http: {
    title: (status) =>
      ({
        400: "Bad request",
        401: "Unauthorized",
        404: "Not found",
        405: "Method not allowed",
        406: "Not acceptable",
        408: "Request timeout",
        409: "Conflict",
        413: "Content too large",
        414: "URI too long",
        415: "Unsupported media type",
        422: "Unprocessable content",
        429: "Too many requests",
        431: "Request header fields too large",
        500: "Internal server error",
        503: "Service unavailable",
      })[status] ?? "Error",
    detail: {
      invalid_input: (f) =>
        `${count(f.count, "issue", "issues")} in the request${f.listed < f.count ? `; the first ${f.listed} are listed` : ""}`,
      infeasible: (f) =>
        `The hard rules cannot all hold (${count(f.count, "reason", "reasons")}); the diagnoses say why and what would fix it`,
      shutting_down: () => "The server is shutting down",
      queue_full: () => "Every solver is busy and the queue is full",
      too_many_jobs: () => "Too many jobs are held; try again later",
      too_many_streams: () => "Too many event streams are open; poll the job instead",
      request_timeout: () => "The request did not arrive in time",
      uri_too_long: (f) => `The address is longer than ${num(f.max, 0)} bytes`,
      worker_lost: (f) =>
        `The job was stopped ${f.attempts === 1 ? "once" : `${f.attempts} times`} by a worker that died before it finished`,
      unauthorized: (f) =>
        f.reason === "missing"
          ? "This server needs a bearer token or API key"
          : f.reason === "token"
            ? {
                keys_unavailable: "The identity provider's keys could not be fetched",
                no_subject: "The token has no subject",
                expired: "The token has expired",
                claim: `The token's ${f.claim ?? ""} claim is not accepted`,
                algorithm: "The token's signature algorithm is not allowed",
                unknown_key: "The token is signed by a key the issuer does not list",
                signature: "The token's signature is not valid",
                invalid: "The token is not valid",
              }[f.token ?? "invalid"]
            : f.reason === "invalid_key"
              ? "The API key is not valid"
              : "The token or API key is not valid",
      rate_limited: (f) => `At most ${f.max} requests a minute; try again in ${f.seconds} s`,
      invalid_multipart: () => "The multipart body could not be read",
      invalid_json: (f) => (f.part ? `The ${f.part} part is not valid JSON` : "The body is not valid JSON"),
      job_not_found: () => "No such job; finished jobs expire",
      no_result: (f) => `The job has no result in that form (state: ${f.state})`,
      cancelled: (f) => `The job was cancelled (${f.reason})`,
      too_many_people: (f) => `${people(f.count)}; this server takes at most ${num(f.max, 0)}`,
      body_too_large: () => "The request body is larger than this server accepts",
      unsupported_media_type: () => "Send JSON, CSV (text/csv), an Excel workbook or multipart/form-data",
      not_acceptable: () => "This resource is available as JSON or CSV",
      not_found: (f) => `No route for ${f.method} ${f.path}`,
      method_not_allowed: () => "The method is not allowed here",
      bad_request: () => "The request cannot be read",
      too_large: () => "Part of the request is too large",
      internal: () => "Something went wrong on our side; the request id is in the log",
      exact_unsupported: (f) => `Exact mode cannot solve these terms: ${f.terms.join(", ")}`,
    },
  },
  csv: {
    group: "Group",
    round: "Round",
    change: "Change",
    moved: (from) => `moved from ${from}`,
    newcomer: "new",
  },
  workbook: enWorkbook,
  page: enPage,
};

function typeName(t: string | undefined): string {
  switch (t) {
    case "string":
      return "text";
    case "number":
    case "int":
      return "a number";
    case "boolean":
      return "true or false";
    case "array":
      return "a list";
    case "object":
    case "record":
      return "an object";
    case "null":
      return "null";
    default:
      return t ?? "a value";
  }
}

/** A column name as it would be typed after a flag. */
function quoteArg(column: string): string {
  return /^[\p{L}\p{N}_.-]+$/u.test(column) ? column : `"${column}"`;
}
