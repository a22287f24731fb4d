/** Number formats shared by the benchmark tables. */

/** 12345 → "12,345"; a non-integer keeps one decimal. */
export function count(x: number): string {
  if (!Number.isFinite(x)) return "–";
  const rounded = Math.abs(x - Math.round(x)) < 1e-6 ? Math.round(x) : Math.round(x * 10) / 10;
  return rounded.toLocaleString("en-US");
}

/** 9_210_000 → "9.21 M". */
export function rate(x: number): string {
  return Number.isFinite(x) ? `${(x / 1e6).toFixed(2)} M` : "–";
}

export function seconds(ms: number, digits = 2): string {
  return Number.isFinite(ms) ? (ms / 1000).toFixed(digits) : "–";
}

export function fixed(x: number, digits: number): string {
  return Number.isFinite(x) ? x.toFixed(digits) : "–";
}

/** A growth factor: 10.4 → "×10.4". */
export function times(x: number): string {
  return Number.isFinite(x) ? `×${x < 10 ? x.toFixed(2) : x.toFixed(1)}` : "–";
}
