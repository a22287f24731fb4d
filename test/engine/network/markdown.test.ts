/** The network report: pinned output for a small before/after case and a single network. */
import { describe, expect, it } from "vitest";
import { en, nb } from "../../../engine/locale/index.js";
import {
  compareNetworks,
  comparisonMarkdown,
  measureNetwork,
  meetingGraphsBeforeAfter,
  networkMarkdown,
} from "../../../engine/network/index.js";
import type { Person } from "../../../engine/problem/schema.js";

/*
 * Six people: Bydel Frogner {p1, p2}, UKE|x {p3, p4}, Oslo VAV {p5, p6}; sector S1 for p1–p4.
 * Round 1: {p1, p2, p3}, {p4, p5, p6}: W = 6, inside 2, every agency degree 4 → Q = 1/3 − 3·(1/3)² = 0.
 * Round 2: {p1, p4, p5}, {p2, p3, p6}: p2–p3 meet again. W = 12, inside 2 (p1–p2, p5–p6),
 *   agency degrees 8 each → Q = 2/12 − 3·(8/24)² = 1/6 − 1/3 = −1/6.
 */
const people: Person[] = [1, 2, 3, 4, 5, 6].map((i) => ({
  id: `p${i}`,
  attributes: {
    Virksomhet: i <= 2 ? "Bydel Frogner" : i <= 4 ? "UKE|x" : "Oslo VAV",
    Sektor: i <= 4 ? "S1" : "S2",
  },
}));
const { before, after } = meetingGraphsBeforeAfter(
  people,
  { rounds: [{ round: "1", groups: { a: ["p1", "p2", "p3"], b: ["p4", "p5", "p6"] } }] },
  [{ round: "2", groups: { a: ["p1", "p4", "p5"], b: ["p2", "p3", "p6"] } }],
);

describe("network report", () => {
  it("before and after, with top and bottom agencies", () => {
    expect(comparisonMarkdown(compareNetworks(before, after), en, { agencies: 2 })).toBe(
      [
        "## Network: who has met whom",
        "",
        "| Measure | Before | After | Change |",
        "|---|---:|---:|---:|",
        "| People | 6 | 6 | ±0 |",
        "| Rounds | 1 | 2 | +1 |",
        "| Pairs who have met | 6 | 10 | +4 |",
        "| People met, on average | 2 | 3.3 | +1.3 |",
        "| Agency pairs with at least one tie | 66.7 % (2 / 3) | 100 % (3 / 3) | +33.3 pp |",
        "| Ties that cross agencies | 66.7 % | 80 % | +13.3 pp |",
        "| Ties that cross sectors | 33.3 % | 50 % | +16.7 pp |",
        "| Modularity of the agency partition (lower = more mixing) | 0 | -0.167 | -0.167 |",
        "| Pairs who met more than once | 0 | 2 | +2 |",
        "",
        "### Agencies with the widest reach (top 2)",
        "",
        "| Agency | People | Other agencies met, before | after |",
        "|---|---:|---:|---:|",
        "| Bydel Frogner | 2 | 1 | 2 of 2 |",
        "| Oslo VAV | 2 | 1 | 2 of 2 |",
        "",
        "### Agencies with the narrowest reach (bottom 1)",
        "",
        "| Agency | People | Other agencies met, before | after |",
        "|---|---:|---:|---:|",
        "| UKE\\|x | 2 | 2 | 2 of 2 |",
        "",
        "Agencies and sectors met do not count a person's own agency or sector.",
        "",
      ].join("\n"),
    );
  });

  it("one network, every agency once", () => {
    const text = networkMarkdown(measureNetwork(before), en);
    expect(text).toContain("| Modularity of the agency partition (lower = more mixing) | 0 |");
    expect(text).toContain("### Agencies with the widest reach (top 3)");
    expect(text).not.toContain("narrowest");
    expect(text).toContain("| UKE\\|x | 2 | 2 of 2 |");
    expect(text).not.toMatch(/p\d/);
  });

  it("in Norwegian: decimal commas, one minus sign per row, «p.p.» for percentage points", () => {
    const text = comparisonMarkdown(compareNetworks(before, after), nb, { agencies: 2 });
    expect(text).toContain("## Nettverk: hvem har møtt hvem");
    expect(text).toContain("| Personer møtt, i snitt | 2 | 3,3 | +1,3 |");
    expect(text).toContain("| Forbindelser på tvers av virksomheter | 66,7 % | 80 % | +13,3 p.p. |");
    expect(text).toContain("| Modularitet etter virksomhet (lavere = mer blanding) | 0 | −0,167 | −0,167 |");
    expect(text).toContain("| UKE\\|x | 2 | 2 | 2 av 2 |");
  });
});
