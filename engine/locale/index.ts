/**
 * Choosing a locale and wording data with it: issues (with where they are and a hint),
 * warnings, diagnoses with their fixes. Front ends call these; they never word data
 * themselves.
 */
import type { Diagnosis, DiagnosisData } from "../diagnose/types.js";
import { formatPath, type InputIssue } from "../errors.js";
import type { InputWarning } from "./codes.js";
import { en } from "./en.js";
import { nb } from "./nb.js";
import type { Involved, Locale, LocaleTag, WordedDiagnosis } from "./types.js";

export const LOCALES: Readonly<Record<LocaleTag, Locale>> = { nb, en };

/**
 * The locale for a language preference: an explicit tag, an Accept-Language header, or an
 * environment's LANG ("en_GB.UTF-8"). Norwegian (nb, nn, no) and anything not English is nb:
 * the users are Norwegian coordinators.
 */
export function pickLocale(...preferences: (string | undefined | null)[]): Locale {
  for (const preference of preferences) {
    if (!preference) continue;
    for (const part of preference.split(",")) {
      const tag = part.split(";")[0].trim().toLowerCase().replace("_", "-");
      if (tag === "" || tag === "*" || tag === "c" || tag === "posix") continue;
      if (tag.startsWith("en")) return en;
      if (tag.startsWith("nb") || tag.startsWith("nn") || tag.startsWith("no")) return nb;
    }
  }
  return nb;
}

/** "oslo.csv, line 12, column 3 (Virksomhet): the cell is empty … The header seems to be …". */
export function wordIssue(issue: InputIssue, locale: Locale): string {
  const where = locale.location({
    file: issue.file,
    line: issue.line,
    column: issue.column,
    columnName: issue.columnName,
    path: formatPath(issue.path),
  });
  const message = (locale.issue[issue.code] as (facts: unknown) => string)(issue.facts);
  const hint = wordHint(issue, locale);
  // The hint is its own sentence: end the message with a full stop before it.
  const joined = hint ? `${message.replace(/[.;:,]?$/, ".")} ${hint}` : message;
  return `${where ? `${where}: ` : ""}${joined}`;
}

/** The issue's hint in words (what the file looks like and what to do), if it has one. */
export function wordHint(issue: InputIssue, locale: Locale): string | undefined {
  return issue.hint ? (locale.hint[issue.hint.kind] as (h: unknown) => string)(issue.hint) : undefined;
}

/** The issue's message alone, without where it is (for a field next to which it is shown). */
export function issueMessage(issue: InputIssue, locale: Locale): string {
  return (locale.issue[issue.code] as (facts: unknown) => string)(issue.facts);
}

export function wordWarning(warning: InputWarning, locale: Locale): string {
  const where = locale.location({ file: warning.file, line: warning.line, column: warning.column, path: "" });
  const message = (locale.warning[warning.code] as (facts: unknown) => string)(warning.facts);
  return `${where ? `${where}: ` : ""}${message}`;
}

/** A diagnosis in words; `name` turns person ids into display names (default: ids as they are). */
export function wordDiagnosis(
  diagnosis: Diagnosis,
  locale: Locale,
  name: (id: string) => string = (id) => id,
): WordedDiagnosis {
  const d = diagnosis as DiagnosisData;
  const facts = { ...d.facts } as Record<string, unknown>;
  if (typeof facts.person === "string") facts.person = name(facts.person);
  const involved: Involved = { people: d.people.map(name), groups: d.groups };
  const message = (locale.diagnosis[d.code] as (f: unknown, w: Involved) => string)(facts, involved);
  const fixes = d.fixes.map((fix) => {
    const shown = "person" in fix ? { ...fix, person: name(fix.person) } : fix;
    const fixInvolved =
      "people" in fix && fix.people.length > 0 ? { ...involved, people: fix.people.map(name) } : involved;
    return (locale.fix[fix.kind] as (f: unknown, w: Involved) => string)(shown, fixInvolved);
  });
  return { message, fixes };
}

export type { Locale, LocaleTag } from "./types.js";
export { en, nb };
