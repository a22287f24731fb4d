/** The help texts of `tverr` and its commands, with examples. */
import type { CommandName } from "./args.js";

export const mainHelp = `tverr — compose groups that mix across agencies and sectors, under hard rules

Usage:
  tverr compose ROSTER [options]        compose groups
  tverr check ROSTER [options]          check the roster and the rules without composing
  tverr score ROSTER GROUPS [options]   score a grouping made by hand
  tverr network HISTORY --roster ROSTER  who has met whom: the network measures, before/after
  tverr COMMAND --help                  options of a command
  tverr --version

ROSTER is a CSV exported from Excel (; , or tab; UTF-8 or Windows-1252), a JSON problem
(.json), or - for standard input.

Examples:
  tverr compose data/oslo-ledere.csv --size 6 --cap Virksomhet=1 --out grupper.csv --report rapport.md
  tverr check data/oslo-ledere.csv --groups 70 --cap Virksomhet=1
  tverr score data/oslo-ledere.csv mine-grupper.csv --report sammenligning.md
  tverr network samlinger.csv --roster data/oslo-ledere.csv --before 4

Exit codes: 0 done; 1 the hard rules do not all hold (the result is still written);
2 bad input or usage; 3 an internal error.
`;

const columns = `Columns (headers match ignoring case and accents; Navn/Name, Virksomhet/Agency, Sektor/Sector,
Rolle/Role, Kjønn/Gender and Ansiennitet/Tenure are recognised):
  --spread COL[=WEIGHT]     mix the categories of COL across groups (repeatable)
  --balance COL[=WEIGHT]    balance the numbers in COL across groups (repeatable)
  --cap COL=K               hard: at most K of any one category of COL per group
  --cap COL:CATEGORY=K      hard: at most K of that category per group
  --at-least COL:CATEGORY=K hard: at least K of that category in every group
  Without --spread or --balance, every recognised column is mixed or balanced with its default
  weight. With them, only the columns they name are; --cap and --at-least add hard rules.`;

const rules = `Rules from files (CSV; people named by id, e-mail or a unique name):
  --apart FILE              keep apart: each row lists people never in one group (repeatable)
  --together FILE           keep together: each row lists people always in one group (repeatable)
  --pins FILE               person,group rows: these people go in these groups`;

const configText = `  --config FILE             JSON: {"mapping": {...}, "problem": {"groups", "attributes", "rules",
                            "options", ...}} in the engine's schema; flags win over it`;

const sizes = `Groups:
  --size N                  about N people per group
  --groups N                N groups
  --min-size N, --max-size N  size bounds (alone: the fewest groups that fit)`;

export const commandHelp: Record<CommandName, string> = {
  compose: `tverr compose ROSTER [options]

Compose groups from ROSTER and write them as CSV, JSON or a Markdown report.

${sizes}

${columns}

${rules}
  --repair FILE             an earlier grouping (person,group) to change as little as possible
  --stability W             weight of keeping people in their earlier group (with --repair)

Search:
  --seed N                  seed of the search (default 1); same seed and input, same result
  --time SECONDS            time limit (default 10)
  --iterations N            move budget; with it alone the run is exactly reproducible
  --fail-if-infeasible      when the hard rules cannot all hold, write nothing and exit 1

Rounds (gatherings where leaders meet new people):
  --rounds N                compose N re-mixed rounds with the same groups, jointly
  --history FILE            earlier rounds: a CSV of round, group, person (Runde;Gruppe;Navn or
                            Round,Group,Person); with it alone, one new round
  --meetings-weight W       weight of repeated meetings (default 1; square of the repeats)
  --no-repeats              hard: no pair meets twice (history included); exit 1 when broken
  --sequential              compose the rounds one after another instead of jointly
  With rounds, the CSV starts with a Round column (one row per person per round), JSON is the
  engine's rounds result, and the report shows each round, the meetings and the network
  before and after.

Output:
  --format csv|json|md      default: from the --out extension; Markdown on standard output
  -o, --out FILE            write the result here instead of standard output
  --report FILE             also write the Markdown report here
${configText}

Examples:
  tverr compose data/oslo-ledere.csv --size 6 --apart data/oslo-hold-adskilt.csv \\
      --cap Virksomhet=1 --out grupper.csv --report rapport.md
  tverr compose roster.csv --groups 8 --spread Agency=3 --spread Sector --balance Tenure
  tverr compose roster.csv --size 6 --repair published.csv --stability 5 -o new.csv
  cat roster.csv | tverr compose - --size 5 --format json > result.json
  tverr compose data/oslo-ledere.csv --size 6 --rounds 4 --history samlinger.csv \\
      --cap Virksomhet=1 --no-repeats --out runder.csv --report runder.md

Exit codes: 0 every hard rule holds; 1 some do not, or with --no-repeats a pair meets twice
(the result is written, the violations listed); 2 bad input or usage.
`,
  check: `tverr check ROSTER [options]

Read the roster and the rules and look for reasons the hard rules cannot all hold, without
composing. Prints what was read and the diagnosis with ways to fix it.

${sizes}

${columns}

${rules}
  --repair FILE, --stability W   as for compose

Output:
  --format md|json          default md
  -o, --out FILE            write here instead of standard output
${configText}

Examples:
  tverr check data/oslo-ledere.csv --size 6 --cap Virksomhet=1
  tverr check roster.csv --groups 10 --at-least Gender:F=2

Exit codes: 0 no reason found; 1 the rules cannot all hold; 2 bad input or usage.
`,
  score: `tverr score ROSTER GROUPS [options]

Score a grouping made by hand (GROUPS: a CSV with a person column — id, e-mail or name — and
a group column, e.g. Navn;Gruppe) with the same report compose gives, to compare it with
Tverr's. Groups are the labels in GROUPS; each should hold as many people as an even split
would, unless --min-size/--max-size say otherwise.

Groups:
  --min-size N, --max-size N  size bounds of every group

${columns}

${rules}
  --repair FILE, --stability W   score against an earlier grouping too

Output:
  --format csv|json|md      default: from the --out extension; Markdown on standard output
  -o, --out FILE            write here instead of standard output
  --report FILE             also write the Markdown report here
${configText}

Examples:
  tverr score data/oslo-ledere.csv mine-grupper.csv --cap Virksomhet=1
  tverr score roster.csv hand.csv --min-size 5 --max-size 7 --report compare.md

Exit codes: 0 every hard rule holds; 1 some do not; 2 bad input or usage.
`,
  network: `tverr network HISTORY --roster ROSTER [options]

Measure the "has met" network of a meeting history: who has met whom across agencies and
sectors. Prints, per agency, how many other agencies its people have met, and overall: the
share of agency pairs with at least one tie, the share of ties that cross sectors, and the
modularity of the agency partition (falling = more mixing). With --before or --new-rounds,
the same figures before and after the new rounds, side by side. The report names agencies,
never a person.

HISTORY is a CSV of round, group, person (headers such as Runde;Gruppe;Navn or
Round,Group,Person; people named by id, e-mail or a unique name), or - for standard input.

Input:
  --roster ROSTER           the roster CSV, or a JSON problem (.json) with people and their
                            attributes; required
  --agency COL              the column (attribute) holding the agency; default: the first
                            recognised one (Virksomhet, Etat, Bydel, Agency, ...)
  --sector COL              the column holding the sector; default: the first recognised one
                            (Sektor, Byrådsavdeling, Sector, ...)

Before and after:
  --before N                the first N rounds of HISTORY come before; the rest are new
  --new-rounds FILE         the new rounds, in a second CSV like HISTORY

Output:
  --format md|json          default: from the --out extension; Markdown on standard output
  -o, --out FILE            write here instead of standard output

Examples:
  tverr network samlinger.csv --roster data/oslo-ledere.csv
  tverr network samlinger.csv --roster data/oslo-ledere.csv --before 4 --out nettverk.md
  tverr network ifjor.csv --roster roster.csv --new-rounds i-aar.csv --format json
  cat samlinger.csv | tverr network - --roster problem.json --agency Etat --sector Avdeling

Exit codes: 0 done; 2 bad input or usage.
`,
};
