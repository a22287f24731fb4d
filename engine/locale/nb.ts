/**
 * Norsk bokmål. Alt en koordinator leser, med samme form som `en.ts`.
 *
 * Ordvalg: «regel» for det som må holde (høyst 1 per virksomhet, holdes adskilt), «mål» for
 * det som vektes (blanding, balanse), «gruppe», «runde» (samling), «virksomhet», «sektor».
 */

import type { Shortlist } from "./codes.js";
import { formatNumber, formatQuality, formatSeconds, groupTitle, joinList } from "./format.js";
import { nbPage, nbWorkbook } from "./nbPage.js";
import type { Locale, TermFigures, TermName } from "./types.js";

const intl = "nb-NO";
const num = (x: number, digits = 2) => formatNumber(intl, x, digits);
const count = (n: number, one: string, many: string) => `${num(n, 0)} ${n === 1 ? one : many}`;
const list = (items: readonly string[], word: "and" | "or" = "and") =>
  joinList(items, word === "and" ? "og" : "eller", (n) => `${num(n, 0)} ${n === 1 ? "annen" : "andre"}`);
const quote = (s: string) => `«${s}»`;
/** En kortliste i ord: "A, B, C og 4 til". */
const shortlisted = (l: Shortlist) => [...l.items, ...(l.more > 0 ? [`og ${l.more} til`] : [])].join(", ");
/** I stedet for kolonnenavn som ville vært en persons celler. */
const dataLine = (line: number) =>
  `linje ${line} ser ut som en persons data, ikke en overskrift: legg til en overskriftsrad med kolonnenavnene`;
const people = (n: number) => count(n, "person", "personer");
const groups = (n: number) => count(n, "gruppe", "grupper");
/** «gruppe 3» eller «gruppe 1, 2 og 3»; «alle grupper» når lista er tom. */
const groupRef = (ids: readonly string[]) =>
  ids.length === 0 ? "alle grupper" : ids.length === 1 ? `gruppe ${ids[0]}` : `gruppe ${list(ids)}`;
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const attr = (a: string, c: string) => `${a} ${quote(c)}`;

/** The roles a mapping gives a column, as `mapping_column_twice` names them. */
const mappingRole: Record<string, string> = {
  id: "være id",
  name: "være navn",
  email: "være e-post",
  attribute: "være en egenskap",
  ignore: "ikke brukes",
};

const termName = (t: TermName): string => {
  switch (t.term) {
    case "spread":
      return `Blanding av ${t.label}`;
    case "similar":
      return `${t.label} holdt samlet`;
    case "balance":
      return `Balanse i ${t.label}`;
    case "variance":
      return `Balansert spredning i ${t.label}`;
    case "notAlone":
      return `Ingen alene: ${attr(t.attribute ?? "", t.category ?? "")}`;
    case "pairwise":
      return "Parønsker";
    case "distance":
      return "Mangfold (avstander i gruppene)";
    case "stability":
      return "Stabilitet (personer flyttet)";
  }
};

const status = (t: TermFigures): string => {
  if (!t.boundApplies) return "grensen forutsetter gruppestørrelsene, som denne inndelingen bryter";
  if (t.atBound) return "optimal";
  const above = t.raw - t.lowerBound;
  switch (t.term) {
    case "spread":
    case "similar":
      return `${num(Math.round(above * 100) / 100)} par fra det beste mulige`;
    case "stability":
      return `${people(t.raw)} flyttet`;
    case "notAlone":
      return `${people(t.raw)} mangler`;
    default:
      return `${num(above, 3)} fra det beste mulige`;
  }
};

export const nb: Locale = {
  tag: "nb",
  intl,
  num,
  list,
  count,
  quote,
  seconds: (ms) => formatSeconds(intl, ms),
  percent: (q, atBound) => (q === null ? "–" : `${formatQuality(intl, q, atBound)} %`),

  issue: {
    schema: (f) => nb.schema(f),
    bad_delimiter: () => "skilletegnet må være ett tegn, for eksempel ; , eller tabulator",
    empty_file: () => "fila er tom: første linje skal være kolonneoverskriftene",
    binary_file: (f) =>
      f.format === "xlsx" || f.format === "xls" || f.format === "ods"
        ? "dette er en Excel-arbeidsbok, ikke en CSV-fil: lagre den som CSV (semikolondelt) i Excel, eller last den opp på nettsiden"
        : f.format === "pdf"
          ? "dette er en PDF-fil: eksporter deltakerlista fra Excel som CSV"
          : "dette er ikke en tekstfil: eksporter deltakerlista fra Excel som CSV",
    header_blank: () => "kolonnen har ingen overskrift",
    header_duplicate: (f) => `samme overskrift som kolonne ${f.first}`,
    title_row: () => "raden ligner en tittel, ikke overskrifter",
    row_width: (f) =>
      `overskriften har ${count(f.expected, "felt", "felt")}, men raden har ${num(f.found, 0)}`,
    csv_quote_not_closed: () =>
      'et felt i anførselstegn avsluttes aldri (åpnende " mangler en avsluttende " før slutten av fila)',
    csv_text_after_quote: () =>
      'tekst etter avsluttende anførselstegn i et felt (skriv " som "" inne i anførselstegn)',
    csv_quote_in_field: () =>
      'anførselstegn midt i et felt uten anførselstegn (sett feltet i anførselstegn og skriv " som "")',
    csv_record_too_long: () => "raden er for lang (er skilletegnet riktig?)",
    csv_unreadable: (f) => `CSV-fila kan ikke leses her (${f.reason})`,
    file_too_large: (f) =>
      `fila er for stor: høyst ${num(f.limit, 0)} ${f.unit === "rows" ? "rader" : f.unit === "columns" ? "kolonner" : "byte"}`,
    mapping_column_missing: (f) =>
      `viser til kolonnen ${quote(f.name)}, som ikke finnes i deltakerlista; ${f.columns ? `kolonnene er: ${shortlisted(f.columns)}` : dataLine(f.dataLine)}`,
    // The facts name roles by code (id, name, email, attribute, ignore): worded here, not spliced in.
    mapping_column_twice: (f) =>
      `kolonnen ${quote(f.name)} skal både ${mappingRole[f.first] ?? f.first} og ${(mappingRole[f.second] ?? f.second).replace(/^være /, "")}; velg én`,
    no_rows: () => "ingen deltakere: deltakerlista har overskrifter, men ingen rader under dem",
    cell_empty: () => "cellen er tom, men alle trenger en verdi her",
    cell_not_email: () => "ikke en e-postadresse",
    cell_not_number: () => "forventet et tall, fant tekst",
    totals_row: (f) => {
      if (f.empty.length === 0) return "raden mangler verdier som alle trenger";
      const named = f.empty.every((e) => e.name !== undefined && e.name !== "");
      const columns = list(f.empty.map((e) => (named ? quote(e.name ?? "") : num(e.column, 0))));
      return f.empty.length === 1
        ? `cellen i ${named ? "kolonnen" : "kolonne"} ${columns} er tom, men alle trenger en verdi der`
        : `cellene i ${named ? "kolonnene" : "kolonne"} ${columns} er tomme, men alle trenger en verdi der`;
    },
    duplicate_row: (f) =>
      `samme person som på linje ${f.first} (samme ${f.same === "id" ? "id" : f.same === "email" ? "e-post" : "navn og e-post"})`,
    person_not_found: () => "passer ikke med noen i deltakerlista (verken id, e-post eller navn)",
    person_ambiguous: (f) => `navnet passer med ${people(f.count)}; bruk id eller e-post`,
    person_again: (f) =>
      f.column !== undefined
        ? `samme person som i kolonne ${f.column}`
        : `samme person som på linje ${f.line}`,
    set_too_small: (f) => `en gruppe av personer trenger minst to, fant ${num(f.found, 0)}`,
    side_file_columns: (f) =>
      f.kind === "grouping"
        ? `forventet en personkolonne (Person, Id, E-post, Navn eller Name) og en gruppekolonne (Gruppe eller Group); ${f.columns ? `fant: ${shortlisted(f.columns)}` : dataLine(f.dataLine)}`
        : `forventet en rundekolonne (Runde, Samling eller Round), en gruppekolonne (Gruppe eller Group) og en personkolonne (Person, Id, E-post, Navn eller Name); ${f.columns ? `fant: ${shortlisted(f.columns)}` : dataLine(f.dataLine)}`,
    person_twice_in_round: (f) =>
      f.sameGroup
        ? `samme person som på linje ${f.line}, i samme gruppe i samme runde`
        : `samme person som på linje ${f.line}: en person kan bare være i én gruppe per runde`,
    duplicate_id: (f) =>
      f.kind === "person"
        ? `samme id som people[${f.first}]`
        : f.kind === "group"
          ? `samme gruppe-id som groups.list[${f.first}]`
          : `samme runde-id som rounds[${f.first}]`,
    attribute_not_numeric: (f) =>
      `${quote(f.attribute)} er et tall-felt: forventet et tall eller null, fant tekst`,
    unknown_person: () => "finnes ikke blant deltakerne",
    unknown_group: () => "viser ikke til noen av gruppene",
    unknown_attribute: (f) => `det finnes ingen egenskap ${quote(f.attribute)}`,
    listed_twice: () => "samme person står to ganger",
    pair_same_person: () => "et par må være to forskjellige personer",
    groups_conflict: (f) => `oppgi bare én av count, size og list (fant ${f.given.join(", ")})`,
    groups_missing: () =>
      "oppgi hvor mange grupper (count), hvor store (size) eller størrelsene (minSize og maxSize)",
    groups_list_with_sizes: () => "med list må hver gruppe ha sin egen minSize og maxSize",
    min_above_max: (f) => `minste størrelse (${num(f.min, 0)}) er større enn største (${num(f.max, 0)})`,
    groups_above_people: (f) =>
      `${groups(f.groups)} for ${people(f.people)}: det kan ikke være flere grupper enn personer`,
    size_above_people: (f) =>
      `grupper på ${num(f.size, 0)} krever flere enn de ${num(f.people, 0)} som er med`,
    distance_rows: (f) =>
      `forventet ${count(f.expected, "rad", "rader")} (én per person), fant ${num(f.found, 0)}`,
    distance_columns: (f) => `forventet ${count(f.expected, "kolonne", "kolonner")}, fant ${num(f.found, 0)}`,
    distance_diagonal: () => "diagonalen må være 0 (avstanden fra en person til seg selv)",
    distance_asymmetric: (f) => `ikke symmetrisk: [${f.row}][${f.column}] er ulik [${f.column}][${f.row}]`,
    number_too_large: (f) => `tallet er for stort: høyst ${num(f.limit, 0)}`,
    exact_too_large: (f) =>
      `eksakt modus er for små problemer: personer × grupper er ${num(f.cells, 0)}, høyst ${num(f.limit, 0)}; dropp eksakt modus for å søke i stedet`,
    unknown_category: (f) => `ingen har denne verdien av ${quote(f.attribute)}`,
    rounds_only: (f) => `${f.part} gjelder bare runder; oppgi runder også`,
    incumbent_with_rounds: () =>
      "en tidligere inndeling som skal repareres (incumbent) kan ikke kombineres med runder",
    round_empty: () => "en runde trenger minst én person",
    group_in_no_round: () => "viser til en gruppe som ikke finnes i noen runde",
    person_unplaced: (f) => `${people(f.count)} er ikke i noen gruppe; alle må ha en gruppe`,
    above_limit: (f) =>
      `for mange ${{ people: "personer", rounds: "runder", groups: "grupper", cells: "celler", length: "tegn", items: "elementer", placements: "plasseringer (personer × runder)", pairs: "par i gruppene (en gruppe på k personer er k(k−1)/2 par)", threads: "tråder", attributes: "egenskaper" }[f.what]}: høyst ${num(f.limit, 0)}${f.what === "placements" ? "; sett sammen færre runder om gangen" : ""}`,
    not_applicable: (f) =>
      f.reason === "csv_only"
        ? `${f.part} gjelder bare en deltakerliste i CSV eller Excel; oppgi det i problemet i stedet`
        : f.reason === "json_only"
          ? `${f.part} gjelder bare et JSON-problem`
          : f.reason === "rounds_only"
            ? `${f.part} gjelder bare runder; oppgi runder også`
            : f.reason === "xlsx_only"
              ? `${f.part} gjelder bare en Excel-fil (.xlsx); en CSV-fil har ingen ark`
              : `${f.part} gjelder bare én inndeling`,
    json_syntax: (f) =>
      `ikke gyldig JSON: ${{ value: "forventet en verdi", unclosedString: "en tekststreng avsluttes aldri", controlInString: "linjeskift eller kontrolltegn inne i en tekststreng", badEscape: "ugyldig escape i en tekststreng", propertyName: "forventet et feltnavn i doble anførselstegn", colon: "forventet : etter et feltnavn", objectEnd: "forventet , eller }", arrayEnd: "forventet , eller ]", trailing: "uventet tekst etter slutten av JSON-teksten", end: "teksten slutter for tidlig" }[f.reason]}`,
    column_kind: (f) =>
      f.expected === "numeric"
        ? `kolonnen ${quote(f.column)} inneholder ikke tall: den kan ikke balanseres`
        : `kolonnen ${quote(f.column)} balanseres som tall: en grense trenger kategorier`,
    column_conflict: (f) => `kolonnen ${quote(f.column)} skal både ${f.first} og ${f.second}; velg én`,
    category_not_found: (f) => `ingen har den verdien i kolonnen ${quote(f.column)}`,
    workbook_unreadable: () =>
      "Excel-fila kan ikke leses (den kan være skadet eller passordbeskyttet): åpne den i Excel og lagre den på nytt som .xlsx",
    sheet_not_found: (f) =>
      `arbeidsboka har ikke det arket; arkene er: ${shortlisted({ ...f.sheets, items: f.sheets.items.map(quote) })}`,
  },

  schema: (f) => {
    switch (f.zod) {
      case "invalid_type":
        if (f.received === "undefined") return `mangler: forventet ${typeName(f.expected)}`;
        if (f.received === "Infinity" || f.received === "NaN") return "forventet et endelig tall";
        return `forventet ${typeName(f.expected)}, fant ${typeName(f.received)}`;
      case "too_small":
        if (f.origin === "string" && f.minimum === 1) return "kan ikke være tom";
        if (f.origin === "array") return `forventet minst ${count(f.minimum ?? 0, "element", "elementer")}`;
        return f.inclusive === false
          ? `må være større enn ${num(f.minimum ?? 0)}`
          : `må være minst ${num(f.minimum ?? 0)}`;
      case "too_big":
        if (f.origin === "string") return `for lang: høyst ${count(f.maximum ?? 0, "tegn", "tegn")}`;
        if (f.origin === "array") return `for mange: høyst ${count(f.maximum ?? 0, "element", "elementer")}`;
        return `må være høyst ${num(f.maximum ?? 0)}`;
      case "unrecognized_keys":
        return `${f.keys && f.keys.length > 1 ? "ukjente felt" : "ukjent felt"}: ${(f.keys ?? []).join(", ")}`;
      case "invalid_value":
        return `forventet en av: ${(f.values ?? []).join(", ")}`;
      case "invalid_union":
        return "passer ikke med noen av de tillatte formene";
      case "invalid_format":
        return `ikke gyldig ${f.format ?? "verdi"}`;
      case "not_multiple_of":
        return "ikke et heltall";
      case "invalid_key":
        return "en nøkkel er ugyldig";
      case "invalid_element":
        return "et element er ugyldig";
      default:
        return "ugyldig";
    }
  },

  hint: {
    header_below: (h) => `Overskriftene ser ut til å stå på linje ${h.line}: slett radene over dem.`,
    merged_cells: () =>
      "Dette ser ut som sammenslåtte celler: fyll verdien ned i hver rad (hver rad trenger sin egen verdi).",
    totals_row: () => "Dette ser ut som en sumrad: slett den.",
    number_with_unit: () => "Skriv bare tallet, uten enhet (55, ikke 55 år).",
    excel_file: () => "Lagre arket som CSV (semikolondelt) i Excel.",
    wrong_delimiter: (h) => `Er skilletegnet ${quote(h.delimiter)}?`,
  },

  location: (w) => {
    // A column without a line: a skipped roster row, listed under its line already.
    if (w.line !== undefined || w.column !== undefined) {
      const where = [
        w.file,
        w.line !== undefined ? `linje ${w.line}` : undefined,
        w.column !== undefined ? `kolonne ${w.column}${w.columnName ? ` (${w.columnName})` : ""}` : undefined,
      ].filter(Boolean);
      return where.join(", ");
    }
    return [w.file, w.path || undefined].filter(Boolean).join(": ");
  },

  warning: {
    probable_duplicate: (f) =>
      `samme navn og ${f.column} som på linje ${f.first}: er dette én person registrert to ganger? Begge er tatt med`,
    rows_skipped: (f) => `${count(f.count, "rad", "rader")} er utelatt (se lista)`,
    column_unused: (f) => `kolonnen ${quote(f.column)} brukes ikke`,
    merged_filled: (f) =>
      `sammenslåtte celler: verdien gjelder hver av de ${num(f.rows, 0)} radene (til og med rad ${f.last}) og er fylt ned`,
    title_row_skipped: () =>
      "raden er sammenslåtte celler over overskriftene (en tittel) og er ikke lest som data",
  },

  columnUse: (u) => {
    switch (u.use) {
      case "id":
        return "id for hver person";
      case "name":
        return "navnet";
      case "firstName":
        return "fornavn";
      case "lastName":
        return "etternavn";
      case "email":
        return "e-post (kobler personer i andre filer)";
      case "ignored":
        return "ignoreres (tas med i resultatfila)";
      case "unused":
        return `brukes ikke (bland med --spread ${quoteArg(u.column)}, balanser tall med --balance ${quoteArg(u.column)})`;
      case "attribute": {
        const s = u.spec;
        if (!s) return "egenskap";
        if (s.kind === "numeric") {
          return `balanseres, vekt ${num(s.weight)}${s.varianceWeight ? `, også spredningen (vekt ${num(s.varianceWeight)})` : ""}`;
        }
        const rules: string[] = [];
        if (s.maxPerGroup !== undefined) rules.push(`høyst ${s.maxPerGroup} per gruppe`);
        for (const [c, k] of Object.entries(s.maxPerGroupByCategory ?? {}))
          rules.push(`høyst ${k} ${quote(c)}`);
        for (const [c, k] of Object.entries(s.minPerGroup ?? {})) rules.push(`minst ${k} ${quote(c)}`);
        for (const [c, k] of Object.entries(s.notAlone?.categories ?? {}))
          rules.push(`ingen eller minst ${k} ${quote(c)}`);
        const goal =
          s.weight === 0
            ? "bare regler"
            : s.goal === "similar"
              ? `holdes samlet, vekt ${num(s.weight)}`
              : `blandes, vekt ${num(s.weight)}`;
        return [goal, ...rules].join(", ");
      }
    }
  },

  diagnosis: {
    no_groups: (f) =>
      `Ingen grupper er satt opp (${people(f.people)} skal fordeles): oppgi hvor mange grupper, eller hvor store`,
    size_vs_headcount: (f) => {
      const theGroups = f.groups === 1 ? "den ene gruppen" : `de ${f.groups} gruppene`;
      return f.bound === "min"
        ? `Det er ${people(f.people)}, men ${theGroups} trenger minst ${num(f.total, 0)}${f.groups === 1 ? "" : " til sammen"}: ${people(f.difference)} for lite`
        : `Det er ${people(f.people)}, men ${theGroups} har plass til høyst ${num(f.total, 0)}${f.groups === 1 ? "" : " til sammen"}: ${people(f.difference)} for mye`;
    },
    cap_vs_count: (f) =>
      f.categories === 1
        ? `${f.category} har ${people(f.count)}, det er ${groups(f.groups)}, og høyst ${f.cap} per gruppe er tillatt`
        : `${count(f.categories, "verdi", "verdier")} av ${f.attribute} har flere personer enn ${groups(f.groups)} med høyst ${f.cap} i hver har plass til; den største, ${f.category}, har ${people(f.count)}`,
    not_alone_vs_count: (f) =>
      `${attr(f.attribute, f.category)} har ${people(f.count)}, færre enn de ${f.min} en gruppe må ha hvis den har noen: ${f.count === 1 ? "personen" : "de"} kan ikke unngå å være alene`,
    cap_vs_size: (f, w) =>
      `${capitalise(groupRef(w.groups))} må ha minst ${people(f.minSize)}, men med grensene for ${f.attribute} kan en gruppe ha høyst ${num(f.capacity, 0)}`,
    min_vs_supply: (f) => {
      const has = f.count === 0 ? "har ingen" : `har ${people(f.count)}`;
      const each = f.groups === 1 ? "den ene gruppen trenger" : `hver av de ${f.groups} gruppene trenger`;
      return `${f.category} ${has}, men ${each} minst ${f.min}`;
    },
    min_vs_cap: (f) =>
      `Hver gruppe trenger minst ${f.min} fra ${f.category}, men høyst ${f.cap} per gruppe er tillatt`,
    min_vs_size: (f, w) =>
      `Minstekravene for ${f.attribute} krever minst ${people(f.needed)} i hver gruppe, men ${groupRef(w.groups)} har plass til høyst ${num(f.maxSize, 0)}`,
    together_too_large: (f, w) => {
      const who = `${list(w.people)} skal være i samme gruppe (${people(f.size)})`;
      return f.restricted === 1
        ? `${who}, men kan bare plasseres i ${groupRef(w.groups)}, som har plass til høyst ${num(f.maxSize, 0)}`
        : `${who}, men ingen gruppe har plass til mer enn ${num(f.maxSize, 0)}`;
    },
    together_apart_conflict: (_f, w) =>
      `${list(w.people)} skal både være i samme gruppe (holdes sammen) og i forskjellige grupper (holdes adskilt)`,
    together_pin_conflict: (_f, w) =>
      `${list(w.people)} skal være i samme gruppe, men er låst til ${groupRef(w.groups)}`,
    together_allowed_conflict: (_f, w) =>
      `${list(w.people)} skal være i samme gruppe, men ingen gruppe er tillatt for alle`,
    together_vs_cap: (f, w) =>
      `${list(w.people)} skal være i samme gruppe, men ${f.count} av dem har ${f.attribute} ${f.category}, og høyst ${f.cap} per gruppe er tillatt`,
    pin_vs_allowed: (f, w) =>
      `${f.person} er låst til gruppe ${f.group}, men kan bare være i ${groupRef(w.groups.filter((g) => g !== f.group))}`,
    pins_vs_capacity: (f, w) =>
      `${capitalise(people(f.people))} (${list(w.people)}) kan bare plasseres i ${groupRef(w.groups)}, som har plass til høyst ${num(f.capacity, 0)}: ${num(f.excess, 0)} for mange`,
    pin_vs_cap: (f, w) =>
      `${capitalise(people(f.count))} med ${f.attribute} ${f.category} (${list(w.people)}) kan bare plasseres i gruppe ${f.group}, men høyst ${f.cap} per gruppe er tillatt`,
    pin_vs_min: (f) =>
      `${capitalise(people(f.forced))} kan bare plasseres i gruppe ${f.group}, som har plass til høyst ${num(f.maxSize, 0)}, og minstekravene for ${f.attribute} krever ${num(f.needed, 0)} til der: ${num(f.excess, 0)} for mange`,
    pin_vs_apart: (f, w) =>
      `${list(w.people)} skal holdes adskilt, men ${f.count === 2 ? "begge" : "alle"} kan bare plasseres i gruppe ${f.group}`,
    apart_vs_groups: (f, w) =>
      `${list(w.people)} skal holdes adskilt (${people(f.size)}), men det er bare ${groups(f.groups)}`,
  },

  fix: {
    set_cap: (f) =>
      f.category !== undefined
        ? `Tillat ${f.cap} fra ${f.category} per gruppe (bare for denne verdien av ${f.attribute}; de andre beholder grensen).`
        : `Tillat ${f.cap} per gruppe.`,
    set_group_count: (f) =>
      `Lag ${groups(f.count)} (${f.minSize === f.maxSize ? `grupper på ${f.minSize}` : `grupper på ${f.minSize}–${f.maxSize}`}).`,
    set_minimum: (f) =>
      f.min > 0
        ? `Senk minstekravet for ${f.category} til ${f.min} per gruppe.`
        : `Fjern minstekravet for ${f.category}.`,
    set_size: (f) =>
      `${f.bound === "min" ? "Senk minste" : "Øk største"} størrelse for ${groupRef(f.groups)} til ${f.size}.`,
    change_sizes: (f) =>
      `${f.bound === "min" ? "Senk minstestørrelsene" : "Øk maksstørrelsene"}${f.groups.length > 0 ? ` for ${groupRef(f.groups)}` : ""} med ${num(f.by, 0)} til sammen.`,
    raise_caps: (f) => `Øk grensene for ${f.attribute}.`,
    lower_minimums: (f) => `Senk minstekravene for ${f.attribute} med ${num(f.by, 0)} til sammen.`,
    split_together: () => "Del opp dem som skal holdes sammen.",
    remove_from_apart: (f, w) =>
      f.count !== undefined
        ? `Ta ${people(f.count)} ut av dem som skal holdes adskilt.`
        : f.keepOne
          ? `Behold bare én av ${list(w.people)} blant dem som skal holdes adskilt.`
          : `Ta ${list(w.people, "or")} ut av dem som skal holdes adskilt.`,
    set_not_alone: (f) =>
      f.min >= 2
        ? `Krev minst ${f.min} fra ${f.category} i en gruppe som har noen.`
        : `Fjern regelen om at ingen fra ${f.category} skal være alene, eller gjør den til et ønske (myk).`,
    pin_together: () => "Lås dem til samme gruppe.",
    allow_common_group: () => "Gi dem en felles tillatt gruppe.",
    pin_person: (f) =>
      `Lås ${f.person} til ${f.groups.length === 1 ? groupRef(f.groups) : `en av ${groupRef(f.groups)}`}.`,
    allow_person: (f) => `Tillat ${f.person} i gruppe ${f.group}.`,
    release: (f) => `La ${num(f.count, 0)} av dem plasseres i andre grupper.`,
    pin_fewer: (f) => `Lås færre til gruppe ${f.group}.`,
    pin_elsewhere: (f, w) =>
      f.allButOne
        ? "Lås alle unntatt én av dem til andre grupper."
        : `Lås ${list(w.people, "or")} til en annen gruppe.`,
  },

  violation: {
    size: (v) =>
      `${groupTitle("Gruppe", v.group)} har ${people(v.size)}; den skal ha ${v.minSize === v.maxSize ? `nøyaktig ${v.minSize}` : `${v.minSize}–${v.maxSize}`}.`,
    cap: (v, name) =>
      `${groupTitle("Gruppe", v.group)} har ${v.count} med ${attr(v.attribute, v.category)}, høyst ${v.cap} er tillatt: ${list(v.people.map(name))}.`,
    min: (v) =>
      `${groupTitle("Gruppe", v.group)} har ${v.count} med ${attr(v.attribute, v.category)}, minst ${v.min} kreves.`,
    notAlone: (v, name) =>
      `${groupTitle("Gruppe", v.group)} har ${v.count} med ${attr(v.attribute, v.category)} (${list(v.people.map(name))}): ingen eller minst ${v.min} kreves.`,
    apart: (v, name) =>
      `${name(v.people[0])} og ${name(v.people[1])} er begge i gruppe ${v.group}, men skal holdes adskilt.`,
    together: (v, name) =>
      `${list(v.people.map(name))} skal holdes sammen, men er i gruppe ${list(v.groups)}.`,
    togetherAllowed: (v, name) =>
      `${list(v.people.map(name))} skal holdes sammen, men de tillatte gruppene for ${list(v.restricted.map(name))} har ingen felles.`,
    pin: (v, name) => `${name(v.person)} er låst til gruppe ${v.pinnedTo}, men er i gruppe ${v.group}.`,
    allowed: (v, name) => `${name(v.person)} er i gruppe ${v.group}, der vedkommende ikke er tillatt.`,
    repeat: (v, name) =>
      `${name(v.people[0])} og ${name(v.people[1])} møtes igjen i runde ${v.round} (gruppe ${v.group}); de møttes i ${v.before}.`,
  },

  term: {
    name: termName,
    value: {
      spread: "par i samme gruppe med samme verdi",
      similar: "minus parene i samme gruppe med samme verdi",
      balance: "spredningen i gruppenes gjennomsnitt",
      variance: "spredningen i gruppenes varians",
      notAlone: "personer som mangler der en verdi står alene",
      pairwise: "parvekter i gruppene",
      distance: "minus avstandene i gruppene",
      stability: "personer flyttet",
    },
    kind: {
      spread: "blanding",
      similar: "holdt samlet",
      balance: "balanse",
      variance: "balansert spredning",
      notAlone: "ingen alene",
      pairwise: "parønsker",
      distance: "mangfold",
      stability: "stabilitet",
    },
    status,
  },

  stop: {
    timeLimit: "stoppet ved tidsgrensen",
    iterationLimit: "stoppet ved grensen for antall flytt",
    aborted: "stoppet tidlig",
    optimal: "stoppet: bevist optimal",
    stalled: "stoppet: ingen forbedring på en stund",
    nothingToMove: "ingenting kunne flyttes",
  },

  report: {
    title: "Grupper",
    checkTitle: "Sjekk",
    roundsTitle: "Grupper over flere runder",
    summary: "Oppsummering",
    groups: "Gruppene",
    headcount: (p, g, sizes) => `${people(p)} i ${groups(g)} (${sizes} per gruppe).`,
    hardHold: "**Regler:** alle holder.",
    hardBroken: (n) => `**Regler:** ${n === 1 ? "1 regel holder" : `${num(n, 0)} regler holder`} ikke:`,
    diagnosesIntro: (n) =>
      `**Hvorfor ikke alle regler kan holde** (${count(n, "grunn", "grunner")}, funnet før søket):`,
    checkFails: (n) => `**Reglene kan ikke holde alle sammen** (${count(n, "grunn", "grunner")}):`,
    checkHolds:
      "**Fant ingen grunn til at reglene ikke skulle kunne holde.** Sjekken ser etter de vanlige konfliktene; å sette sammen gruppene bekrefter det ved å finne en inndeling.",
    fix: "Forslag",
    termsIntro:
      "**Mål.** Kvalitet: 100 % er det beste mulige (den nedre grensen), 0 % er ikke bedre enn en tilfeldig inndeling.",
    termHeader: ["Mål", "Vekt", "Kvalitet", "Verdi", "Beste mulige", "Status"],
    noTerms: "**Mål:** ingen.",
    boundNote: "Et mål med beste mulige verdi er bevist optimalt.",
    valueNote: (parts) => `Verdi: ${parts}.`,
    andMore: (n) => `og ${num(n, 0)} ${n === 1 ? "annen" : "andre"}`,
    negativeNote: "Under 0 %: dårligere enn en tilfeldig inndeling ville vært i snitt.",
    overallOptimal: "**Samlet:** bevist optimal: alle regler holder og alle mål er på sin grense.",
    overall: (q) => `**Samlet:** vektet kvalitet ${q}.`,
    search: (s) =>
      `**Søk:** ${num(s.iterations, 0)} flytt prøvd på ${nb.seconds(s.totalMs)} (frø ${s.seed}; ${nb.stop[s.stopReason]}); beste funnet etter ${nb.seconds(s.timeToBestMs)}.`,
    skipped: (n) => `**Rader utelatt** fra deltakerlista (${num(n, 0)}):`,
    skippedRow: (line, reasons) => `linje ${line}: ${reasons}`,
    warnings: "**Verdt å se på:**",
    changes: (moved, newcomers) =>
      `**Endringer fra den tidligere inndelingen:** ${people(moved)} flyttet, ${people(newcomers)} nye.`,
    movedRow: (person, from, to) => `${person}: fra gruppe ${from} til gruppe ${to}`,
    newcomersRow: (p) => `Nye: ${p}`,
    groupHeading: (id, name, size) =>
      `${groupTitle("Gruppe", id)}${name ? ` – ${name}` : ""} (${people(size)})`,
    memberNo: "Nr.",
    memberName: "Navn",
    mean: "Snitt",
    distinct: (parts) => `**Ulike verdier:** ${parts}.`,
    distinctPart: (a, n) => `${a} ${n}`,
    shared: "**Felles:**",
    sharedPart: (c, p) => `${quote(c)}: ${p}`,
    noneShared: (a) => `**Felles:** ingen; ingen to har samme ${a}.`,
    emptyGroup: "Ingen medlemmer.",
    checkSummary: (p, g, sizes) => `${people(p)}, ${groups(g)} på ${sizes}.`,
    noGroups: (p) => `${people(p)}; ingen grupper oppgitt.`,
    attributes: (parts) =>
      parts.length > 0 ? `**Egenskaper:** ${parts.join("; ")}.` : "**Egenskaper:** ingen.",
    attributePart: (name, use) => `${name} (${use})`,
    rules: (parts) =>
      parts.length > 0 ? `**Regler:** ${parts.join("; ")}.` : "**Regler:** ingen utover størrelsene.",
    apartRule: (n) => count(n, "sett som holdes adskilt", "sett som holdes adskilt"),
    togetherRule: (n) => count(n, "sett som holdes sammen", "sett som holdes sammen"),
    pinRule: (n) => count(n, "person låst til gruppe", "personer låst til gruppe"),
    allowedRule: (n) => `${people(n)} begrenset til noen grupper`,
    incumbentRule: (n, w) => `reparerer en tidligere inndeling av ${people(n)} (vekt på stabilitet ${w})`,
    roundsHeadcount: (r, p) => `${count(r, "runde", "runder")}; ${people(p)} plassert i den første.`,
    roundsHold: (forbid) =>
      `**Regler:** alle holder i alle runder${forbid ? ", og ingen møtes to ganger" : ""}.`,
    roundsBroken: (rounds, repeats, forbid) =>
      `**Regler:** ${[
        rounds.length > 0 ? `holder ikke alle i runde ${list(rounds)}` : "",
        forbid && repeats > 0
          ? `${count(repeats, "par møtes", "par møtes")} igjen, selv om det er forbudt`
          : "",
      ]
        .filter(Boolean)
        .join("; ")}.`,
    meetings: "Møter",
    meetingsHeader: ["Tall", "Verdi"],
    meetingRows: {
      pairsMet: "Par som har møttes (tidligere runder medregnet)",
      newPairs: "Par som møtes for første gang",
      repeatPairs: "Par som møtes igjen",
      repeats: "Inndelinger som setter sammen et par som har møttes",
      maxMeetings: "Flest møter for ett par",
      cost: "Kostnad for gjentatte møter",
      lowerBound: "Beste mulige kostnad",
      randomExpectation: "Kostnad for tilfeldige inndelinger",
    },
    meetingsNote: (w, penalty, forbid) =>
      `Et pars møter etter det første koster ${penalty === "square" ? "kvadratet av antallet" : "én hver"} (vekt ${w})${forbid ? "; at et par møtes to ganger er forbudt" : ""}.`,
    reach: (parts) => `**Rekkevidde:** i snitt møter hver person ${parts}.`,
    reachPart: (a, mean) => `${mean} andre ${a}`,
    roundsSearch: (s) =>
      `**Søk:** ${s.mode === "joint" ? "alle runder samtidig" : "én runde om gangen"}, ${num(s.iterations, 0)} flytt prøvd på ${nb.seconds(s.totalMs)} (frø ${s.seed}; ${nb.stop[s.stopReason]}).`,
    roundHeading: (id, repeat) => `Runde ${id}${repeat > 1 ? ` (møtes ${repeat} ganger)` : ""}`,
    range: (min, max) => (min === max ? String(min) : `${min}–${max}`),
    exactly: (n) => `nøyaktig ${n}`,
  },

  network: {
    title: "Nettverk: hvem har møtt hvem",
    measure: "Mål",
    value: "Verdi",
    before: "Før",
    after: "Etter",
    change: "Endring",
    none: "–",
    rows: {
      people: "Personer",
      rounds: "Runder",
      ties: "Par som har møttes",
      averagePeopleMet: "Personer møtt, i snitt",
      agencyPairCoverage: "Virksomhetspar med minst én forbindelse",
      crossAgencyShare: "Forbindelser på tvers av virksomheter",
      crossSectorShare: "Forbindelser på tvers av sektorer",
      agencyModularity: "Modularitet etter virksomhet (lavere = mer blanding)",
      repeatedPairs: "Par som har møttes mer enn én gang",
    },
    widest: (n) => `Virksomhetene med størst rekkevidde (topp ${n})`,
    narrowest: (n) => `Virksomhetene med minst rekkevidde (bunn ${n})`,
    agency: "Virksomhet",
    agencyPeople: "Personer",
    connected: "Andre virksomheter møtt",
    connectedBefore: "Andre virksomheter møtt, før",
    connectedAfter: "etter",
    ofAgencies: (n) => `av ${n}`,
    note: "Virksomheter og sektorer man har møtt, regner ikke med egen virksomhet eller sektor.",
    percentPoints: "p.p.",
  },

  cli: {
    usage: {
      no_command: () => "oppgi en kommando: compose, check, score eller network",
      unknown_command: (f) =>
        `ukjent kommando ${quote(f.command)}.${f.suggestion ? ` Mente du ${f.suggestion}?` : ""} Kommandoene er compose, check, score og network.`,
      unknown_option: (f) =>
        `ukjent valg ${f.option} for tverr ${f.command}${f.suggestion ? `. Mente du ${f.suggestion}?` : ""}`,
      option_before_command: (f) =>
        `${f.option}: oppgi kommandoen først (tverr compose ROSTER ${f.option} …); foran den gjelder bare --help, --version og --lang${f.suggestion ? `. Mente du ${f.suggestion}?` : ""}`,
      needs_flag: (f) => `${f.flag} virker bare sammen med ${f.needs}; oppgi begge, eller ta bort ${f.flag}`,
      exact_unsupported: (f) =>
        `--exact kan ikke bevise optimum med ${list(f.terms)}; ta bort --exact, eller disse leddene`,
      missing_value: (f) => `${f.flag} trenger en verdi (${f.value})`,
      unexpected_value: (f) => `${f.flag} tar ingen verdi`,
      expected_whole: (f) => `${f.flag}: forventet et heltall på ${f.min} eller mer`,
      expected_integer: (f) => `${f.flag}: forventet et heltall`,
      expected_weight: (f) => `${f.flag}: forventet en vekt på 0 eller mer, for eksempel 2 eller 0,5`,
      expected_seconds: (f) => `${f.flag}: forventet sekunder, mer enn 0 og høyst ${f.max}`,
      expected_file: (f) => `${f.flag}: forventet et filnavn`,
      expected_column: (f) => `${f.flag}: forventet et kolonnenavn`,
      expected_shape: (f) => `${f.flag}: forventet ${f.shape}`,
      expected_choice: (f) => `${f.flag}: forventet ${f.allowed.join(", ")}`,
      positionals: (f) =>
        `tverr ${f.command} tar ${f.expected === "roster" ? "én deltakerliste (ROSTER)" : f.expected === "history" ? "én historikkfil (HISTORY)" : "en deltakerliste (ROSTER) og en gruppefil (GROUPS)"}; fikk ${count(f.got, "argument", "argumenter")}`,
      one_stdin: () => "bare én fil kan komme fra standard inn (-)",
      output_is_input: (f) => `${f.flag}: ${f.file} er en inndatafil; skriv resultatet til en annen fil`,
      no_groups: () =>
        "oppgi gruppene: --size N (personer per gruppe), --groups N (hvor mange) eller --min-size og --max-size",
      unknown_extension: (f) =>
        `${f.flag}: kan ikke skrive en .${f.extension}-fil her; skriv ${f.allowed.map((a) => `.${a}`).join(", ")} (eller oppgi --format)`,
      roster_required: () =>
        "--roster: oppgi deltakerlista (CSV eller JSON) for personene i HISTORY; den sier hvilken virksomhet og sektor de hører til",
      before_and_new: () => "--before og --new-rounds: oppgi én av dem, ikke begge",
      before_too_many: (f) =>
        `--before ${f.before}: ${f.file} har ${count(f.rounds, "runde", "runder")}; oppgi færre, så noen runder er nye`,
      stdin_tty: () => "standard inn: ingenting sendes inn; oppgi et filnavn i stedet for -",
      mapping_for_json: (f) =>
        `${f.config}: mapping: en mapping sier hvordan en CSV-deltakerliste leses; ${f.file} er et JSON-problem (oppgi egenskaper under problem.attributes)`,
      json_not_object: (f) =>
        `${f.file}: forventet et JSON-objekt: et problem med people, groups og attributes`,
    },
    seeHelp: (command) => `(se tverr ${command ? `${command} ` : ""}--help)`,
    cannotRead: (file, reason) => `${file}: kan ikke lese fila (${reason})`,
    cannotWrite: (file, reason) => `${file}: kan ikke skrive fila (${reason})`,
    fileReason: (code) =>
      code === "ENOENT"
        ? "fila eller mappa finnes ikke"
        : code === "EACCES" || code === "EPERM"
          ? "mangler tilgang"
          : code === "EISDIR"
            ? "det er en mappe"
            : code === "ENOTDIR"
              ? "en del av stien er ikke en mappe"
              : (code ?? "ukjent feil"),
    internal: (name) => `intern feil (${name}); meld fra om den, med kommandoen du kjørte`,
    progress: (seconds, best, hard) =>
      `søker ${seconds} s · beste poengsum ${best} · ${hard === 0 ? "alle regler holder" : `regelbrudd ${hard}`}`,
    columnsHeading: (file) => `${file}: slik brukes kolonnene:`,
    columnLine: (column, use) => `  ${column}: ${use}`,
    skippedRows: (n, file, lines) =>
      `${count(n, "rad", "rader")} i ${file} utelatt: ${n === 1 ? "linje" : "linjene"} ${lines}.`,
    summary: (p, g, state, written) =>
      `${people(p)} i ${groups(g)}; ${state}.${written.length > 0 ? ` Skrev ${list(written)}.` : ""}`,
    roundsSummary: (r, p, state, newPairs, repeatPairs, written) =>
      `${count(r, "runde", "runder")} med ${people(p)}; ${state}; ${num(newPairs, 0)} nye par møttes, ${num(repeatPairs, 0)} par møttes igjen.${written.length > 0 ? ` Skrev ${list(written)}.` : ""}`,
    allHold: "alle regler holder",
    allHoldRounds: "alle regler holder i alle runder",
    broken: (n, parts) => `${count(n, "regel holder", "regler holder")} ikke (${parts})`,
    ruleCount: (rule, n) =>
      `${num(n, 0)} ${{ size: "gruppestørrelse", cap: "grense", min: "minstekrav", notAlone: "ingen-alene", apart: "holdes adskilt", together: "holdes sammen", togetherAllowed: "holdes sammen", pin: "låst gruppe", allowed: "tillatt gruppe", repeat: "gjentatt møte" }[rule] ?? rule}`,
    roundBroken: (round, what) => `runde ${round}: ${what}`,
    repeatsBroken: (n) => `${count(n, "par møtes", "par møtes")} igjen, selv om --no-repeats forbyr det`,
    failIfInfeasible: (state) => `${state}; ingenting skrevet (--fail-if-infeasible).`,
    infeasibleHint:
      "Kjør uten --fail-if-infeasible for å få den beste inndelingen som ble funnet og lista over hva som brytes.",
    infeasible: (n) =>
      `reglene kan ikke holde alle sammen (${count(n, "grunn", "grunner")} funnet); ingenting skrevet (--fail-if-infeasible). Kjør tverr check med samme deltakerliste og valg for å se hvorfor, og hva som kan løse det.`,
    checkHolds: (written) =>
      `fant ingen grunn til at reglene ikke skulle kunne holde.${written ? ` Skrev ${written}.` : ""}`,
    checkFails: (n, written) =>
      `reglene kan ikke holde alle sammen (${count(n, "grunn", "grunner")}).${written ? ` Skrev ${written}.` : ""}`,
    interrupted: (written) =>
      `avbrutt: den beste inndelingen så langt${written.length > 0 ? ` er skrevet til ${list(written)}` : " er skrevet ut"}.`,
    stopped: (reason) => `søket ${reason}.`,
    exact: (status, bound) =>
      status === "optimal"
        ? "eksakt modus: bevist optimal."
        : status === "infeasible"
          ? "eksakt modus: ingen inndeling holder alle regler."
          : `eksakt modus: stoppet ved tidsgrensen${bound ? `; ingen inndeling kan få lavere poengsum enn ${bound}` : "; ingenting bevist"}.`,
    unplaced: (line, name) =>
      `${line !== undefined ? `linje ${line}` : ""}${name ? ` (${name})` : ""} er ikke i noen gruppe`,
    networkSummary: (p, rounds, newRounds, agency, sector, written) =>
      `${people(p)}, ${count(rounds, "tidligere runde", "tidligere runder")}${newRounds !== undefined ? ` og ${count(newRounds, "ny runde", "nye runder")}` : ""}; virksomhet: ${agency ?? "ingen"}, sektor: ${sector ?? "ingen"}.${written ? ` Skrev ${written}.` : ""}`,
    mainHelp: `tverr — sett sammen grupper på tvers av virksomheter og sektorer, innenfor faste regler

Bruk:
  tverr compose ROSTER [valg]            sett sammen grupper
  tverr check ROSTER [valg]              sjekk deltakerlista og reglene uten å sette sammen
  tverr score ROSTER GROUPS [valg]       gi poeng til en inndeling laget for hånd
  tverr network HISTORY --roster ROSTER  hvem har møtt hvem: nettverket, før og etter
  tverr worker                           kjør sammensetninger som står i kø i PostgreSQL (DATABASE_URL)
  tverr KOMMANDO --help                  alle valg for en kommando, med eksempler
  tverr --version

ROSTER er en CSV-fil eksportert fra Excel (; , eller tabulator; UTF-8 eller Windows-1252), et
JSON-problem (.json), eller - for standard inn. Meldingene er på norsk med mindre --lang en,
TVERR_LANG=en eller en engelsk LANG sier noe annet.

Eksempler:
  tverr compose data/oslo-ledere.csv --size 6 --cap Virksomhet=1 --out grupper.csv --report rapport.md
  tverr check data/oslo-ledere.csv --groups 70 --cap Virksomhet=1
  tverr score data/oslo-ledere.csv mine-grupper.csv --report sammenligning.md
  tverr network samlinger.csv --roster data/oslo-ledere.csv --before 4

Avslutningskoder: 0 ferdig; 1 ikke alle regler holder (resultatet er likevel skrevet);
2 feil i inndata eller bruk; 3 intern feil; 130 avbrutt (den beste inndelingen så langt er skrevet).
`,
    commandHelp: {
      compose: {
        usage: "tverr compose ROSTER [valg]",
        about:
          "Sett sammen grupper fra ROSTER og skriv dem som CSV, JSON eller en rapport i Markdown. Søket stopper når ingenting er blitt bedre på en stund, eller ved --time.",
        examples: `  tverr compose data/oslo-ledere.csv --size 6 --apart data/oslo-hold-adskilt.csv \\
      --cap Virksomhet=1 --out grupper.csv --report rapport.md
  tverr compose deltakere.csv --groups 8 --spread Virksomhet=3 --spread Sektor --balance Ansiennitet
  tverr compose deltakere.csv --size 6 --not-alone Kjønn:K=2 --similar Språk
  tverr compose deltakere.csv --size 6 --repair publisert.csv --stability 5 -o ny.csv
  tverr compose data/oslo-ledere.csv --size 6 --rounds 4 --history samlinger.csv \\
      --cap Virksomhet=1 --no-repeats --reach --out runder.csv --report runder.md`,
        exit: "Avslutningskoder: 0 alle regler holder; 1 noen holder ikke (resultatet er skrevet, bruddene listet); 2 feil i inndata eller bruk; 130 avbrutt.",
      },
      check: {
        usage: "tverr check ROSTER [valg]",
        about:
          "Les deltakerlista og reglene og se etter grunner til at reglene ikke kan holde alle sammen, uten å sette sammen grupper. Viser hva som ble lest, og diagnosen med forslag til løsning.",
        examples: `  tverr check data/oslo-ledere.csv --size 6 --cap Virksomhet=1
  tverr check deltakere.csv --groups 10 --at-least Kjønn:K=2`,
        exit: "Avslutningskoder: 0 ingen grunn funnet; 1 reglene kan ikke holde alle sammen; 2 feil i inndata eller bruk.",
      },
      score: {
        usage: "tverr score ROSTER GROUPS [valg]",
        about:
          "Gi poeng til en inndeling laget for hånd (GROUPS: en CSV med en personkolonne – id, e-post eller navn – og en gruppekolonne, for eksempel Navn;Gruppe) med samme rapport som compose gir, så den kan sammenlignes med Tverrs.",
        examples: `  tverr score data/oslo-ledere.csv mine-grupper.csv --cap Virksomhet=1
  tverr score deltakere.csv for-haand.csv --min-size 5 --max-size 7 --report sammenligning.md`,
        exit: "Avslutningskoder: 0 alle regler holder; 1 noen holder ikke; 2 feil i inndata eller bruk.",
      },
      network: {
        usage: "tverr network HISTORY --roster ROSTER [valg]",
        about:
          "Mål nettverket av hvem som har møtt hvem i tidligere samlinger: per virksomhet hvor mange andre virksomheter de har møtt; samlet andelen virksomhetspar med en forbindelse, andelen forbindelser på tvers av sektorer, og modulariteten etter virksomhet (synkende = mer blanding). Med --before eller --new-rounds: før og etter side om side. Navngir virksomheter, aldri personer. HISTORY er en CSV med runde, gruppe, person (Runde;Gruppe;Navn).",
        examples: `  tverr network samlinger.csv --roster data/oslo-ledere.csv
  tverr network samlinger.csv --roster data/oslo-ledere.csv --before 4 --out nettverk.md
  tverr network ifjor.csv --roster deltakere.csv --new-rounds i-aar.csv --format json`,
        exit: "Avslutningskoder: 0 ferdig; 2 feil i inndata eller bruk.",
      },
    },
    groupHeadings: {
      groups: "Grupper",
      columns: "Kolonner",
      rules: "Regler fra filer (CSV; personer oppgitt med id, e-post eller et navn bare én har)",
      search: "Søk",
      rounds: "Runder (samlinger der lederne møter nye)",
      input: "Inndata",
      output: "Utdata",
      general: "Generelt",
    },
    flags: {
      size: "omtrent N personer per gruppe",
      groups: "N grupper",
      "min-size": "minste gruppestørrelse",
      "max-size": "største gruppestørrelse (alene: færrest mulig grupper)",
      spread: "bland verdiene i KOL på tvers av gruppene (kan gjentas)",
      balance: "balanser gruppenes gjennomsnitt av tallene i KOL (kan gjentas)",
      "balance-spread": "balanser også spredningen (variansen) av tallene i KOL (kan gjentas)",
      similar: "hold personer med samme verdi i KOL sammen (kan gjentas)",
      cap: "regel: høyst K av hver verdi i KOL (eller av VERDI) per gruppe",
      "at-least": "regel: minst K av VERDI i hver gruppe",
      "not-alone": "regel: hver gruppe har ingen av VERDI eller minst K",
      apart: "hold adskilt: hver rad lister personer som aldri skal i samme gruppe (kan gjentas)",
      together: "hold sammen: hver rad lister personer som alltid skal i samme gruppe (kan gjentas)",
      pins: "rader med person,gruppe: disse personene skal i disse gruppene",
      repair: "en tidligere inndeling (person,gruppe) som skal endres så lite som mulig",
      stability: "vekt på å la personer bli i sin tidligere gruppe (med --repair)",
      config: 'JSON: {"mapping": {...}, "problem": {...}} i motorens format; valgene går foran',
      "skip-invalid-rows": "utelat rader med feil (de listes) i stedet for å stoppe",
      sheet: "arket i en Excel-fil (.xlsx) som skal leses (standard: det første)",
      seed: "frø for søket (standard 1); samme frø og inndata gir samme resultat",
      time: "lengste søketid i sekunder (standard 10)",
      iterations: "antall flytt; med dette alene blir kjøringen nøyaktig gjentakbar",
      "fail-if-infeasible": "når reglene ikke kan holde alle sammen: skriv ingenting, avslutt med 1",
      exact:
        "bevis det optimale med MIP-løseren (små problemer; ved tidsgrense: det beste funnet og en grense)",
      threads: "uavhengige søk på N tråder, det beste vinner",
      rounds: "sett sammen N runder med de samme gruppene, samtidig",
      history: "tidligere runder: en CSV med runde, gruppe, person",
      "meetings-weight": "vekt på gjentatte møter (standard 1)",
      "no-repeats": "regel: ingen par møtes to ganger (tidligere runder medregnet)",
      sequential: "sett sammen rundene én etter én i stedet for samtidig",
      reach: "belønn hvor mange ulike virksomheter og sektorer hver person møter",
      format: "csv, json eller md (standard: etter endelsen på --out; CSV når utdata sendes videre)",
      out: "skriv resultatet hit i stedet for til standard ut (.csv, .json, .md)",
      report: "skriv også rapporten i Markdown hit",
      lang: "nb eller en (standard: TVERR_LANG, så LANG, ellers nb)",
      help: "denne hjelpen",
      roster: "deltakerlista som CSV, eller et JSON-problem med personer og egenskaper",
      agency: "kolonnen med virksomheten (standard: den første som gjenkjennes)",
      sector: "kolonnen med sektoren (standard: den første som gjenkjennes)",
      before: "de første N rundene i HISTORY kommer før; resten er nye",
      "new-rounds": "de nye rundene, i en CSV som HISTORY",
    },
    columnsNote:
      "Overskrifter sammenlignes uten hensyn til store og små bokstaver, aksenter og en enhet i parentes. Uten --spread, --balance eller --similar brukes alle kjente kolonner med standardvekt (virksomhet 3, sektor 2, andre 1); med dem bare kolonnene de nevner; --cap, --at-least og --not-alone legger til regler.",
  },
  http: {
    title: (status) =>
      ({
        400: "Ugyldig forespørsel",
        401: "Ikke autorisert",
        404: "Ikke funnet",
        405: "Metoden er ikke tillatt",
        406: "Kan ikke levere i ønsket format",
        408: "Tidsavbrudd for forespørselen",
        409: "Konflikt",
        413: "For stort innhold",
        414: "For lang adresse",
        415: "Innholdstypen støttes ikke",
        422: "Kan ikke behandles",
        429: "For mange forespørsler",
        431: "For store overskriftsfelt",
        500: "Intern feil",
        503: "Tjenesten er utilgjengelig",
      })[status] ?? "Feil",
    detail: {
      invalid_input: (f) =>
        `${count(f.count, "feil", "feil")} i forespørselen${f.listed < f.count ? `; de første ${f.listed} er listet` : ""}`,
      infeasible: (f) =>
        `Reglene kan ikke holde alle sammen (${count(f.count, "grunn", "grunner")}); diagnosene sier hvorfor og hva som kan løse det`,
      shutting_down: () => "Tjenesten stenger ned",
      queue_full: () => "Alle løserne er opptatt og køen er full",
      too_many_jobs: () => "For mange jobber holdes; prøv igjen senere",
      too_many_streams: () => "For mange hendelsesstrømmer er åpne; spør etter jobben i stedet",
      request_timeout: () => "Forespørselen kom ikke fram i tide",
      uri_too_long: (f) => `Adressen er lengre enn ${num(f.max, 0)} byte`,
      worker_lost: (f) =>
        `Jobben ble stoppet ${f.attempts === 1 ? "én gang" : `${f.attempts} ganger`} av en arbeidsprosess som døde før den var ferdig`,
      unauthorized: (f) =>
        f.reason === "missing"
          ? "Tjenesten krever et token eller en API-nøkkel"
          : f.reason === "token"
            ? {
                keys_unavailable: "Nøklene til identitetstjenesten kunne ikke hentes",
                no_subject: "Tokenet har ikke noe subjekt (sub)",
                expired: "Tokenet er utløpt",
                claim: `Tokenets ${f.claim ?? ""}-krav godtas ikke`,
                algorithm: "Tokenets signaturalgoritme er ikke tillatt",
                unknown_key: "Tokenet er signert med en nøkkel utstederen ikke oppgir",
                signature: "Tokenets signatur er ikke gyldig",
                invalid: "Tokenet er ikke gyldig",
              }[f.token ?? "invalid"]
            : f.reason === "invalid_key"
              ? "API-nøkkelen er ikke gyldig"
              : "Tokenet eller API-nøkkelen er ikke gyldig",
      rate_limited: (f) => `Høyst ${f.max} forespørsler i minuttet; prøv igjen om ${f.seconds} s`,
      invalid_multipart: () => "Flerdelt innhold (multipart) kunne ikke leses",
      invalid_json: (f) => (f.part ? `Delen ${f.part} er ikke gyldig JSON` : "Innholdet er ikke gyldig JSON"),
      job_not_found: () => "Ingen slik jobb; ferdige jobber slettes etter en stund",
      no_result: (f) => `Jobben har ikke noe resultat i den formen (tilstand: ${f.state})`,
      cancelled: (f) => `Jobben ble avbrutt (${f.reason})`,
      too_many_people: (f) => `${people(f.count)}; tjenesten tar høyst ${num(f.max, 0)}`,
      body_too_large: () => "Innholdet er større enn tjenesten tar imot",
      unsupported_media_type: () =>
        "Send JSON, CSV (text/csv), en Excel-arbeidsbok eller multipart/form-data",
      not_acceptable: () => "Ressursen finnes som JSON eller CSV",
      not_found: (f) => `Ingen rute for ${f.method} ${f.path}`,
      method_not_allowed: () => "Metoden er ikke tillatt her",
      bad_request: () => "Forespørselen kan ikke leses",
      too_large: () => "En del av forespørselen er for stor",
      internal: () => "Noe gikk galt hos oss; forespørselens id står i loggen",
      exact_unsupported: (f) => `Eksakt modus kan ikke løse disse målene: ${f.terms.join(", ")}`,
    },
  },
  csv: {
    group: "Gruppe",
    round: "Runde",
    change: "Endring",
    moved: (from) => `flyttet fra ${from}`,
    newcomer: "ny",
  },
  workbook: nbWorkbook,
  page: nbPage,
};

function typeName(t: string | undefined): string {
  switch (t) {
    case "string":
      return "tekst";
    case "number":
    case "int":
      return "et tall";
    case "boolean":
      return "true eller false";
    case "array":
      return "en liste";
    case "object":
    case "record":
      return "et objekt";
    case "null":
      return "null";
    default:
      return t ?? "en verdi";
  }
}

/** Et kolonnenavn slik det skrives etter et flagg. */
function quoteArg(column: string): string {
  return /^[\p{L}\p{N}_.-]+$/u.test(column) ? column : `"${column}"`;
}
