/**
 * Markdown tables with padded columns, so they read in a terminal as well as rendered.
 * Numbers are right-aligned (`---:`), text left-aligned.
 */
export type Align = "left" | "right";

export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align?: readonly Align[],
): string {
  const width = header.map((h, c) => Math.max(3, h.length, ...rows.map((r) => (r[c] ?? "").length)));
  const side = (c: number): Align => align?.[c] ?? (c === 0 ? "left" : "right");
  const cell = (text: string, c: number) =>
    side(c) === "right" ? text.padStart(width[c]) : text.padEnd(width[c]);
  const line = (cells: readonly string[]) => `| ${cells.map((t, c) => cell(t, c)).join(" | ")} |`;
  const rule = `| ${width.map((w, c) => (side(c) === "right" ? `${"-".repeat(w - 1)}:` : "-".repeat(w))).join(" | ")} |`;
  return [line(header), rule, ...rows.map((r) => line(header.map((_, c) => r[c] ?? "")))].join("\n");
}
