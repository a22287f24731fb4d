/**
 * The words of two later front ends, kept beside the Locale type so a missing wording fails
 * the typecheck as everywhere else: the workbook Tverr writes (sheet names; the columns are
 * `Locale["csv"]`'s) and the coordinators' page (its own labels, explanations and buttons;
 * everything it says about a grouping, a rule or a diagnosis comes from the rest of the
 * locale). `nbPage.ts` and `enPage.ts` implement them.
 */

export interface WorkbookWords {
  groupsSheet: string;
  roundSheet: (round: string) => string;
  summarySheet: string;
}

export type { PageWords } from "./pageWords.js";
