/**
 * Number, list and time formatting shared by the locales: Intl for numbers (a decimal comma
 * and a narrow no-break space between thousands in nb-NO), lists shortened after a few items.
 */

/** How many items a list shows before "and N more". */
export const SHOWN = 5;

const formats = new Map<string, Intl.NumberFormat>();

export function formatNumber(intl: string, x: number, digits = 2): string {
  const key = `${intl}:${digits}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(intl, { maximumFractionDigits: digits });
    formats.set(key, f);
  }
  const s = f.format(x);
  return s === "-0" || s === "−0" ? "0" : s;
}

/**
 * "a, b and c" in the locale's words; past SHOWN + 1 items, "a, b, c, d, e and 7 more".
 * `more(n)` words the rest.
 */
export function joinList(items: readonly string[], conjunction: string, more: (n: number) => string): string {
  const shown = items.length > SHOWN + 1 ? items.slice(0, SHOWN) : [...items];
  const hidden = items.length - shown.length;
  if (hidden > 0) return `${shown.join(", ")} ${conjunction} ${more(hidden)}`;
  if (shown.length <= 1) return shown.join("");
  return `${shown.slice(0, -1).join(", ")} ${conjunction} ${shown[shown.length - 1]}`;
}

/** Seconds with two decimals below a second, one above. */
export function formatSeconds(intl: string, ms: number): string {
  return `${formatNumber(intl, ms / 1000, ms < 1000 ? 2 : 1)} s`;
}

/** A value a term report shows: three decimals, never a misleading 0 for a small amount. */
export function formatAmount(intl: string, x: number): string {
  if (x !== 0 && Math.abs(x) < 0.001)
    return x > 0 ? `< ${formatNumber(intl, 0.001, 3)}` : `> ${formatNumber(intl, -0.001, 3)}`;
  return formatNumber(intl, x, 3);
}

/**
 * A quality percentage that never claims more than is true: 100% only at the bound, and
 * otherwise rounded down to one decimal (99.96% shows as 99.9%, not 100%).
 */
export function formatQuality(intl: string, quality: number, atBound: boolean): string {
  if (atBound) return formatNumber(intl, 100, 0);
  const shown = Math.min(99.9, Math.floor(quality * 10) / 10);
  return formatNumber(intl, shown, 1);
}

/**
 * A group named in a sentence: "Group 3", but a label that already says it is a group
 * ("Gruppe 1", "group A") as it is, so that a coordinator's own labels do not read
 * "Group Gruppe 1".
 */
export function groupTitle(word: string, id: string): string {
  return /^\s*(gruppe|group)\b/i.test(id) ? id : `${word} ${id}`;
}
