/**
 * `npm run data:family -- --shape NAME --n 10000 [--seed 1] --out roster.csv`: one roster of
 * the benchmark family as a spreadsheet saved by Excel in a Norwegian locale (`;`, UTF-8 with
 * a byte-order mark, CRLF, decimal comma), for trying `tverr compose` on a family shape, e.g.
 *
 *   npm run data:family -- --shape issue12 --n 10000 --out /tmp/issue12.csv
 *   npx tverr compose /tmp/issue12.csv --min-size 5 --max-size 6 --time 2 --out /tmp/grupper.csv
 *
 * A shape's group sizing (--size 6, or --min-size 5 --max-size 6) and cap (--cap Virksomhet=1)
 * are compose options; every column but Utdanning is recognised with its default weight.
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { toCsv } from "./csv.js";
import { familyTable, generateFamilyRoster } from "./family.js";
import { FAMILY_SHAPES, familyShape } from "./familyShapes.js";

const { values } = parseArgs({
  options: {
    shape: { type: "string" },
    n: { type: "string", default: "10000" },
    seed: { type: "string", default: "1" },
    out: { type: "string" },
  },
});
if (!values.shape || !values.out) {
  throw new Error(
    `usage: npm run data:family -- --shape NAME --n N [--seed S] --out FILE.csv (shapes: ${FAMILY_SHAPES.map((s) => s.name).join(", ")})`,
  );
}
const roster = generateFamilyRoster(familyShape(values.shape), Number(values.n), Number(values.seed));
const { header, rows } = familyTable(roster);
writeFileSync(
  values.out,
  toCsv(header, rows, { delimiter: ";", bom: true, lineEnding: "\r\n", decimal: "," }),
);
process.stderr.write(`${values.out}: ${rows.length} people, ${roster.agencySizes.length} agencies\n`);
