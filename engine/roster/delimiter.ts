/**
 * Guess the field delimiter of a roster: `;` (Excel in a Norwegian locale), tab or `,`.
 *
 * Counts each candidate outside double-quoted sections over the first records (a record may
 * span lines inside quotes). A candidate that gives the same, non-zero count on every record
 * wins; `;` is preferred, then tab, then `,` (a Norwegian decimal comma or "Etternavn,
 * Fornavn" makes commas common inside fields). With no consistent candidate, the one whose
 * count matches the header's on the most records wins, so the field-count errors point at the
 * few broken lines rather than at all of them.
 */

export type Delimiter = ";" | "," | "\t";

/** In order of preference. */
export const DELIMITERS: readonly Delimiter[] = [";", "\t", ","];

const SAMPLE_RECORDS = 20;
const SAMPLE_CHARS = 64 * 1024;

export function sniffDelimiter(text: string): Delimiter {
  const counts = sampleCounts(text);
  if (counts.length === 0) return ";";
  const consistent = DELIMITERS.find((d) => {
    const first = counts[0][d];
    return first > 0 && counts.every((c) => c[d] === first);
  });
  if (consistent) return consistent;
  let best: Delimiter = ";";
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const header = counts[0][d];
    if (header === 0) continue;
    const score = counts.filter((c) => c[d] === header).length;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

type Counts = Record<Delimiter, number>;

/** Per non-blank record of the sample: how often each candidate occurs outside quotes. */
function sampleCounts(text: string): Counts[] {
  const out: Counts[] = [];
  let current: Counts = { ";": 0, ",": 0, "\t": 0 };
  let blank = true;
  let quoted = false;
  const end = Math.min(text.length, SAMPLE_CHARS);
  for (let i = 0; i < end && out.length < SAMPLE_RECORDS; i++) {
    const c = text[i];
    if (c === '"') {
      quoted = !quoted;
      blank = false;
    } else if (quoted) {
      // inside quotes nothing counts
    } else if (c === "\n" || c === "\r") {
      if (!blank) out.push(current);
      current = { ";": 0, ",": 0, "\t": 0 };
      blank = true;
    } else if (c === ";" || c === "," || c === "\t") {
      current[c]++;
    } else if (c.trim() !== "" && c !== "\uFEFF") {
      blank = false;
    }
  }
  if (!blank && out.length < SAMPLE_RECORDS && end === text.length) out.push(current);
  return out;
}
