/**
 * English for the workbook Tverr writes and for the coordinators' page (pageTypes.ts). The
 * same choice of words as en.ts: "rule" for what must hold, "goal" for what is weighed,
 * "gathering" for one round of groups.
 */
import { formatNumber } from "./format.js";
import type { PageWords, WorkbookWords } from "./pageTypes.js";

const intl = "en-GB";
const num = (x: number, digits = 2) => formatNumber(intl, x, digits);
const count = (n: number, one: string, many: string) => `${num(n, 0)} ${n === 1 ? one : many}`;
const people = (n: number) => count(n, "person", "people");
const quote = (s: string) => `“${s}”`;

export const enWorkbook: WorkbookWords = {
  groupsSheet: "Groups",
  roundSheet: (round) => `Round ${round}`,
  summarySheet: "Summary",
};

const duration = (seconds: number): string => {
  if (seconds % 86_400 === 0) return count(seconds / 86_400, "day", "days");
  if (seconds % 3_600 === 0) return count(seconds / 3_600, "hour", "hours");
  if (seconds % 60 === 0) return count(seconds / 60, "minute", "minutes");
  return count(seconds, "second", "seconds");
};

export const enPage: PageWords = {
  app: {
    tagline: "Reflection groups across agencies and sectors",
    skip: "Skip to the content",
    otherLanguage: "Norsk",
    stepsLabel: "Steps",
    stepTitle: (step) => step,
    privacy: (kept) =>
      `The roster is sent to this service only, and nowhere else. The service does not store it; a composition and its result are forgotten ${kept} after it finishes. Your browser remembers your settings only, never the people.`,
    duration,
    busy: "Working …",
    offline: "Could not reach the service. Try again in a moment.",
    showAll: (n) => `Show all ${num(n, 0)}`,
  },
  steps: {
    roster: "Roster",
    rules: "Groups and rules",
    groups: "The groups",
    rounds: "Several gatherings",
    compare: "Compare",
    export: "Take it back",
  },
  roster: {
    title: "The roster",
    intro:
      "Choose the roster as a CSV file or an Excel file (.xlsx). Tverr reads who is in it and which columns it has, and tells you everything to fix before the groups are composed.",
    fileLabel: "Roster (CSV or Excel)",
    fileHint: "The first row holds the column headers, then one row per person.",
    dropHint: "… or drop the file here",
    chosen: (file) => `Chosen: ${file}`,
    sheetLabel: "Sheet",
    sheetOption: (name, rows, hidden) => `${name} (${count(rows, "row", "rows")}${hidden ? ", hidden" : ""})`,
    skipInvalid: "Skip rows with problems (they are listed)",
    read: (n, file, format, sheet) =>
      `${people(n)} read from ${file}${format === "xlsx" && sheet ? `, sheet ${quote(sheet)}` : ""}.`,
    columnsTitle: "The columns and how they are used",
    columnHeader: ["Column", "Used as"],
    unused: "not used (choose under “Groups and rules”)",
    problemsTitle: "The file needs fixing",
    problemsIntro: "Fix these in the file and choose it again, or skip the rows with problems.",
    problemsCaption: "Problems in the file, by line and column",
    problemHeader: ["Line", "Column", "What is wrong", "What to do"],
    skippedTitle: (n) => `${count(n, "row", "rows")} left out`,
    warningsTitle: "Worth a look",
    peopleTitle: (n) => `The people (${num(n, 0)})`,
    lineHeader: "Line",
    showAll: (n) => `Show all ${num(n, 0)}`,
    showFewer: "Show fewer",
    next: "Next: groups and rules",
  },
  rules: {
    title: "What the groups must be",
    intro:
      "Choose the size, what to mix and how much it counts, and the rules that must hold. “Check” tells whether the rules can all hold, and what to change if not.",
    sizeLegend: "Size",
    bySize: "About this many per group",
    byCount: "This many groups",
    sizeLabel: "People per group",
    countLabel: "Number of groups",
    columnsLegend: "The columns: what to mix",
    columnsIntro:
      "The weight says how much a goal counts against the others: 0 does not count, 10 counts most. A cap is a rule that must always hold.",
    goalLabel: "Use",
    goals: {
      mix: "Mix across the groups",
      similar: "Keep alike together",
      balance: "Balance the average",
      off: "Do not use",
    },
    weightLabel: "Weight",
    weightValue: (w) => `weight ${num(w, 1)}`,
    weightHelp: {
      mix: (c) => `How much it matters that each group has as many different values of ${c} as possible.`,
      similar: (c) =>
        `How much it matters that people with the same value of ${c} are in the same group (a language or a site, say).`,
      balance: (c) => `How much it matters that the groups have about the same average ${c}.`,
      off: (c) => `${c} is not used to compose the groups, but stays in the file you download.`,
    },
    capLabel: "At most this many with the same value per group",
    capHint: "Empty: no limit. 1 means no group has two with the same value.",
    spreadToo: "Balance the spread too (not only the average)",
    categoryLegend: "Rules for single values",
    categoryIntro:
      "For one value of a column: at most this many per group, at least this many in every group, or no one alone (none, or at least this many).",
    ruleKindLabel: "Rule",
    ruleKinds: { cap: "At most", atLeast: "At least", notAlone: "No one alone: none or at least" },
    ruleColumnLabel: "Column",
    ruleValueLabel: "Value",
    ruleCountLabel: "Number",
    ruleText: {
      cap: (c, v, n) => `At most ${num(n, 0)} with ${c} ${quote(v)} per group`,
      atLeast: (c, v, n) => `At least ${num(n, 0)} with ${c} ${quote(v)} in every group`,
      notAlone: (c, v, n) => `No one with ${c} ${quote(v)} alone: none or at least ${num(n, 0)} in a group`,
    },
    addRule: "Add the rule",
    remove: "Remove",
    removeRule: (rule) => `Remove the rule: ${rule}`,
    peopleLegend: "People: keep apart, keep together, pin",
    setTitle: { apart: "Keep apart", together: "Keep together" },
    setHint: {
      apart: "No two of these in the same group (a director and her manager, say).",
      together: "All of these in the same group.",
    },
    addSet: { apart: "Add as keep apart", together: "Add as keep together" },
    setFile: {
      apart: "… or a file whose rows list people to keep apart",
      together: "… or a file whose rows list people to keep together",
    },
    removeSet: (p) => `Remove the set ${p}`,
    pickLabel: "Find a person",
    pickHint: "Type a few letters of the name and choose.",
    matches: "Matches",
    chosen: "Chosen",
    removePerson: (name) => `Remove ${name}`,
    pinTitle: "Pin to a group",
    pinHint: "This person goes in this group.",
    pinGroupLabel: "Group",
    addPin: "Pin",
    pinText: (name, group) => `${name} in group ${group}`,
    removePin: (name) => `Unpin ${name}`,
    pinFile: "… or a file of person and group",
    peopleSummary: (apart, together) =>
      `${count(apart, "set kept apart", "sets kept apart")}, ${count(together, "set kept together", "sets kept together")}.`,
    repairTitle: "Repair an earlier grouping",
    repairHint:
      "Has someone left or joined? Choose the earlier grouping (person and group), and as few people as possible are moved.",
    repairLabel: "Earlier grouping (CSV or Excel, optional)",
    repairRead: (n) => `${people(n)} from the earlier grouping`,
    repairRemove: "Do not repair",
    searchLegend: "Search",
    timeLabel: "Search for at most (seconds)",
    timeHint: "The search stops earlier when it no longer improves.",
    check: "Check",
    checking: "Checking …",
    checkHolds: (p, g, sizes) =>
      `The rules can hold: ${people(p)} in ${count(g, "group", "groups")} of ${sizes}. No reason found why they could not.`,
    checkFails: (n) => `The rules cannot all hold (${count(n, "reason", "reasons")}). Choose a change:`,
    advice: "Suggestion",
    applied: (fix) => `Changed: ${fix}`,
  },
  groups: {
    title: "The groups",
    empty: "No groups yet. Choose the roster and the rules, and compose the groups.",
    compose: "Compose groups",
    recompose: (pinned) =>
      pinned > 0 ? `Compose again (${people(pinned)} stay where pinned)` : "Compose again",
    starting: "Starting …",
    progress: (elapsed, hard, soft) =>
      `Searching: ${elapsed}. Best so far: ${hard === 0 ? "every rule holds" : count(hard, "rule broken", "rules broken")}, distance to the best possible ${soft}.`,
    progressLabel: "Search time used",
    cancel: "Cancel",
    cancelled: "Cancelled: showing the best grouping found.",
    failed: "The composition failed.",
    undo: "Undo",
    redo: "Redo",
    editHelp:
      "Drag a person to another group, or onto a person to swap places. With the keyboard: pick a person (Enter), then choose a group. Each change is scored before you decide. Ctrl+Z undoes, Ctrl+Y redoes.",
    edited: (n) => `Changed by hand: ${count(n, "change", "changes")}.`,
    selected: (name, group) => `${name} in group ${group} is picked.`,
    moveTo: "Move to",
    chooseGroup: "Choose a group",
    move: "Move",
    clearSelection: "Cancel the pick",
    swapHint: "… or pick a person in another group to swap places.",
    moveHere: "Move here",
    moveHereLabel: (name, group) => `(${name} to group ${group})`,
    pendingTitle: "The change (not kept yet)",
    moveText: (name, from, to) => `${name} moves from group ${from} to group ${to}.`,
    swapText: (a, ga, b, gb) => `${a} (group ${ga}) and ${b} (group ${gb}) swap places.`,
    scoring: "Scoring the change …",
    qualityChange: (before, after, change) =>
      `Overall quality: ${before} → ${after} (${change} percentage points).`,
    breaks: (n) => `Breaks ${n === 1 ? "a rule" : `${num(n, 0)} rules`}:`,
    mends: (n) => `Mends ${n === 1 ? "a broken rule" : `${num(n, 0)} broken rules`}:`,
    noRuleChange: "No rule is broken or mended.",
    keep: "Keep the change",
    discard: "Discard",
    cardsTitle: (g) => count(g, "group", "groups"),
    details: "The goals in detail: quality, value and bound",
    brokenHere: "Rules that do not hold in the group",
    repeats: (column) => `repeats in the group: the same ${column}`,
    pin: (name, group) => `Pin ${name} in group ${group}`,
    unpin: (name) => `Unpin ${name}`,
    distinct: (a, n, size) => `${a}: ${num(n, 0)} different of ${num(size, 0)}`,
    mean: (a, mean) => `${a}: mean ${mean}`,
  },
  rounds: {
    title: "Several gatherings",
    intro:
      "Compose several gatherings at once, so the leaders meet new people from new agencies each time. Earlier gatherings are taken into account, so nobody meets the same people again without need.",
    countLabel: "Number of gatherings",
    historyLabel: "Earlier gatherings (CSV or Excel, optional)",
    historyHint: "One row per person per gathering, with the columns Round, Group and Name (or E-mail).",
    historyRead: (n) => `${count(n, "earlier gathering", "earlier gatherings")} read`,
    historyRemove: "Remove the earlier gatherings",
    compose: (n) => `Compose ${count(n, "gathering", "gatherings")}`,
    empty: "No gatherings composed yet.",
    perRoundTitle: "What each gathering adds",
    perRoundHeader: [
      "Gathering",
      "New people met per leader (mean)",
      "New agencies met per leader (mean)",
      "Repeated meetings",
      "Rules",
    ],
    roundName: (id) => `Gathering ${id}`,
    held: "hold",
    notHeld: "do not hold",
    networkTitle: "Who has met whom",
    networkIntro:
      "Each circle is an agency (larger: more leaders), coloured by sector. A line means leaders of the two agencies have met; thicker: more pairs.",
    networkBefore: (c, pairs) => `Before: ${num(c, 0)} of ${num(pairs, 0)} agency pairs have met`,
    networkAfter: (c, pairs) => `After: ${num(c, 0)} of ${num(pairs, 0)} agency pairs have met`,
    networkDescription:
      "The agencies stand on a ring, ordered by sector. The lines show which agencies have leaders who have met.",
    legend: "Sectors",
    noSector: "no sector",
    heatmapTitle: "Ties between agencies",
    heatmapIntro: "Each cell is a pair of agencies: the darker, the more leaders of the two have met.",
    heatmapCaption: "Agency × agency after the gatherings",
    heatmapDescription:
      "A grid with the agencies along both axes, ordered by sector; darker cells mean more pairs of leaders who have met.",
    groupsTitle: "The groups of each gathering",
    fileName: "Gatherings",
  },
  compare: {
    title: "Compare two groupings",
    intro:
      "A is the grouping on the cards (with your changes). B is a grouping made elsewhere, or Tverr's with other weights. Both are scored under the same rules.",
    fromFile: "B from a file",
    fileLabel: "Grouping (CSV or Excel with person and group)",
    fileHint: "For instance a grouping made by hand in Excel.",
    fromWeights: "B with other weights",
    weightFor: (c) => `Weight of ${c}`,
    composeB: "Compose B",
    otherWeights: "other weights",
    none: "Choose B to compare.",
    tableCaption: (b) => `A (the groups on the cards) and B (${b}) side by side`,
    header: ["", "A", (b) => `B (${b})`],
    rulesRow: "Rules",
    allHold: "all hold",
    broken: (n) => `${num(n, 0)} do not hold`,
    weightShort: (a, b) => `weight ${a} / ${b}`,
    overallRow: "Overall",
    groupsRow: "Groups",
    brokenInB: "Rules that do not hold in B",
  },
  export: {
    title: "Take it back",
    intro:
      "Download the groups as an Excel file or as CSV, or print a report (or save it as PDF from the print dialog).",
    groupsTitle: "The groups",
    roundsTitle: (n) => (n === 1 ? "The gathering" : `The ${num(n, 0)} gatherings`),
    xlsx: "Download Excel (.xlsx)",
    csv: "Download CSV",
    xlsxHint:
      "The Excel file has a sheet of the groups (one row per person, with the roster's own columns) and a sheet with the summary.",
    csvHint: "The CSV file is semicolon-separated, as the command line writes it, and opens in Excel.",
    roundsHint:
      "A sheet with one row per person per gathering, a sheet per gathering, and a summary with the meetings and the network.",
    print: "Print the report",
    printHint: "The report below prints without buttons and menus.",
    reportTitle: "Report: groups across agencies",
    reportMade: (date, file) => `Made ${date}${file ? ` from ${file}` : ""}.`,
  },
};
