/**
 * The coordinators' page's own words: its headings, labels, buttons and explanations. What it
 * says about a roster, a rule, a diagnosis, a term or a grouping comes from the rest of the
 * locale (`wordIssue`, `locale.violation`, `locale.term`, `locale.report`, …), so the page
 * words data exactly as the CLI and the service do.
 */

export type PageStep = "roster" | "rules" | "groups" | "rounds" | "compare" | "export";
export type ColumnGoalWord = "mix" | "similar" | "balance" | "off";
export type CategoryRuleWord = "cap" | "atLeast" | "notAlone";

export interface PageWords {
  app: {
    tagline: string;
    skip: string;
    /** The button to the other language, written in that language. */
    otherLanguage: string;
    stepsLabel: string;
    stepTitle: (step: string) => string;
    /** What happens to the roster, and how long the service keeps a result. */
    privacy: (kept: string) => string;
    /** A duration in words: "1 time", "30 minutter". */
    duration: (seconds: number) => string;
    busy: string;
    offline: string;
    /** Unfold a long list. */
    showAll: (n: number) => string;
  };
  steps: Record<PageStep, string>;
  roster: {
    title: string;
    intro: string;
    fileLabel: string;
    fileHint: string;
    dropHint: string;
    chosen: (file: string) => string;
    sheetLabel: string;
    sheetOption: (name: string, rows: number, hidden: boolean) => string;
    skipInvalid: string;
    read: (people: number, file: string, format: "csv" | "xlsx", sheet?: string) => string;
    columnsTitle: string;
    columnHeader: [string, string];
    unused: string;
    problemsTitle: string;
    problemsIntro: string;
    problemsCaption: string;
    /** Line, column, what is wrong, what to do. */
    problemHeader: [string, string, string, string];
    skippedTitle: (n: number) => string;
    warningsTitle: string;
    peopleTitle: (n: number) => string;
    lineHeader: string;
    showAll: (n: number) => string;
    showFewer: string;
    next: string;
  };
  rules: {
    title: string;
    intro: string;
    sizeLegend: string;
    bySize: string;
    byCount: string;
    sizeLabel: string;
    countLabel: string;
    columnsLegend: string;
    columnsIntro: string;
    goalLabel: string;
    goals: Record<ColumnGoalWord, string>;
    weightLabel: string;
    weightValue: (weight: number) => string;
    /** What the weight of a column used this way does. */
    weightHelp: Record<ColumnGoalWord, (column: string) => string>;
    capLabel: string;
    capHint: string;
    spreadToo: string;
    categoryLegend: string;
    categoryIntro: string;
    ruleKindLabel: string;
    ruleKinds: Record<CategoryRuleWord, string>;
    ruleColumnLabel: string;
    ruleValueLabel: string;
    ruleCountLabel: string;
    ruleText: Record<CategoryRuleWord, (column: string, category: string, count: number) => string>;
    addRule: string;
    remove: string;
    removeRule: (rule: string) => string;
    peopleLegend: string;
    setTitle: Record<"apart" | "together", string>;
    setHint: Record<"apart" | "together", string>;
    addSet: Record<"apart" | "together", string>;
    setFile: Record<"apart" | "together", string>;
    removeSet: (people: string) => string;
    pickLabel: string;
    pickHint: string;
    matches: string;
    chosen: string;
    removePerson: (name: string) => string;
    pinTitle: string;
    pinHint: string;
    pinGroupLabel: string;
    addPin: string;
    pinText: (name: string, group: string) => string;
    removePin: (name: string) => string;
    pinFile: string;
    peopleSummary: (apart: number, together: number, name: (id: string) => string) => string;
    repairTitle: string;
    repairHint: string;
    repairLabel: string;
    repairRead: (people: number) => string;
    repairRemove: string;
    searchLegend: string;
    timeLabel: string;
    timeHint: string;
    check: string;
    checking: string;
    checkHolds: (people: number, groups: number, sizes: string) => string;
    checkFails: (n: number) => string;
    advice: string;
    applied: (fix: string) => string;
  };
  groups: {
    title: string;
    empty: string;
    compose: string;
    recompose: (pinned: number) => string;
    starting: string;
    progress: (elapsed: string, bestHard: number, bestSoft: string) => string;
    progressLabel: string;
    cancel: string;
    cancelled: string;
    failed: string;
    undo: string;
    redo: string;
    editHelp: string;
    edited: (changes: number) => string;
    selected: (name: string, group: string) => string;
    moveTo: string;
    chooseGroup: string;
    move: string;
    clearSelection: string;
    swapHint: string;
    moveHere: string;
    moveHereLabel: (name: string, group: string) => string;
    pendingTitle: string;
    moveText: (name: string, from: string, to: string) => string;
    swapText: (a: string, groupA: string, b: string, groupB: string) => string;
    scoring: string;
    qualityChange: (before: string, after: string, change: string) => string;
    breaks: (n: number) => string;
    mends: (n: number) => string;
    noRuleChange: string;
    keep: string;
    discard: string;
    cardsTitle: (groups: number) => string;
    /** The fold over the terms' table. */
    details: string;
    brokenHere: string;
    repeats: (column: string) => string;
    pin: (name: string, group: string) => string;
    unpin: (name: string) => string;
    distinct: (attribute: string, distinct: number, size: number) => string;
    mean: (attribute: string, mean: string) => string;
  };
  rounds: {
    title: string;
    intro: string;
    countLabel: string;
    historyLabel: string;
    historyHint: string;
    historyRead: (rounds: number) => string;
    historyRemove: string;
    compose: (rounds: number) => string;
    empty: string;
    perRoundTitle: string;
    /** Round, new people met per leader, new agencies met per leader, repeated meetings, rules. */
    perRoundHeader: [string, string, string, string, string];
    roundName: (id: string) => string;
    held: string;
    notHeld: string;
    networkTitle: string;
    networkIntro: string;
    /** Agency pairs with a tie, of all agency pairs. */
    networkBefore: (connected: number, pairs: number) => string;
    networkAfter: (connected: number, pairs: number) => string;
    networkDescription: string;
    legend: string;
    noSector: string;
    heatmapTitle: string;
    heatmapIntro: string;
    heatmapCaption: string;
    heatmapDescription: string;
    groupsTitle: string;
    /** The file name of the rounds' workbook (without extension). */
    fileName: string;
  };
  compare: {
    title: string;
    intro: string;
    fromFile: string;
    fileLabel: string;
    fileHint: string;
    fromWeights: string;
    weightFor: (column: string) => string;
    composeB: string;
    otherWeights: string;
    none: string;
    tableCaption: (b: string) => string;
    header: [string, string, (b: string) => string];
    rulesRow: string;
    allHold: string;
    broken: (n: number) => string;
    weightShort: (a: string, b: string) => string;
    overallRow: string;
    groupsRow: string;
    brokenInB: string;
  };
  export: {
    title: string;
    intro: string;
    groupsTitle: string;
    roundsTitle: (rounds: number) => string;
    xlsx: string;
    csv: string;
    xlsxHint: string;
    csvHint: string;
    roundsHint: string;
    print: string;
    printHint: string;
    reportTitle: string;
    reportMade: (date: string, file: string) => string;
  };
}
