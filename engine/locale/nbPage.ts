/**
 * Bokmål for arbeidsboka Tverr skriver og for koordinatorenes nettside (pageTypes.ts). Samme
 * ordvalg som nb.ts: «regel» for det som må holde, «mål» for det som vektes, «samling» for en
 * runde med grupper.
 */
import { formatNumber } from "./format.js";
import type { PageWords, WorkbookWords } from "./pageTypes.js";

const intl = "nb-NO";
const num = (x: number, digits = 2) => formatNumber(intl, x, digits);
const count = (n: number, one: string, many: string) => `${num(n, 0)} ${n === 1 ? one : many}`;
const people = (n: number) => count(n, "person", "personer");
const quote = (s: string) => `«${s}»`;

export const nbWorkbook: WorkbookWords = {
  groupsSheet: "Grupper",
  roundSheet: (round) => `Runde ${round}`,
  summarySheet: "Sammendrag",
};

const duration = (seconds: number): string => {
  if (seconds % 86_400 === 0) return count(seconds / 86_400, "døgn", "døgn");
  if (seconds % 3_600 === 0) return count(seconds / 3_600, "time", "timer");
  if (seconds % 60 === 0) return count(seconds / 60, "minutt", "minutter");
  return count(seconds, "sekund", "sekunder");
};

export const nbPage: PageWords = {
  app: {
    tagline: "Refleksjonsgrupper på tvers av virksomheter og sektorer",
    skip: "Hopp til innholdet",
    otherLanguage: "English",
    stepsLabel: "Steg",
    stepTitle: (step) => step,
    privacy: (kept) =>
      `Deltakerlista sendes bare til denne tjenesten, og ingen andre steder. Tjenesten lagrer ikke lista; en sammensetning og resultatet glemmes ${kept} etter at den er ferdig. Nettleseren husker bare innstillingene dine, aldri deltakerne.`,
    duration,
    busy: "Arbeider …",
    offline: "Fikk ikke kontakt med tjenesten. Prøv igjen om litt.",
    showAll: (n) => `Vis alle ${num(n, 0)}`,
  },
  steps: {
    roster: "Deltakerliste",
    rules: "Grupper og regler",
    groups: "Gruppene",
    rounds: "Flere samlinger",
    compare: "Sammenlign",
    export: "Ta med tilbake",
  },
  roster: {
    title: "Deltakerlista",
    intro:
      "Velg deltakerlista som CSV-fil eller Excel-fil (.xlsx). Tverr leser hvem som er med og hvilke kolonner lista har, og sier fra om alt som må rettes før gruppene settes sammen.",
    fileLabel: "Deltakerliste (CSV eller Excel)",
    fileHint: "Første rad er kolonneoverskriftene, deretter én rad per person.",
    dropHint: "… eller slipp fila her",
    chosen: (file) => `Valgt: ${file}`,
    sheetLabel: "Ark",
    sheetOption: (name, rows, hidden) =>
      `${name} (${count(rows, "rad", "rader")}${hidden ? ", skjult" : ""})`,
    skipInvalid: "Hopp over rader med feil (de listes opp)",
    read: (n, file, format, sheet) =>
      `${people(n)} lest fra ${file}${format === "xlsx" && sheet ? `, arket ${quote(sheet)}` : ""}.`,
    columnsTitle: "Kolonnene og hvordan de brukes",
    columnHeader: ["Kolonne", "Brukes slik"],
    unused: "brukes ikke (velg under «Grupper og regler»)",
    problemsTitle: "Fila må rettes",
    problemsIntro: "Rett dette i fila og velg den på nytt, eller hopp over radene med feil.",
    problemsCaption: "Problemer i fila, med linje og kolonne",
    problemHeader: ["Linje", "Kolonne", "Hva er galt", "Hva du kan gjøre"],
    skippedTitle: (n) => `${count(n, "rad", "rader")} utelatt`,
    warningsTitle: "Verdt å se på",
    peopleTitle: (n) => `Deltakerne (${num(n, 0)})`,
    lineHeader: "Linje",
    showAll: (n) => `Vis alle ${num(n, 0)}`,
    showFewer: "Vis færre",
    next: "Videre: grupper og regler",
  },
  rules: {
    title: "Hva gruppene må være",
    intro:
      "Velg størrelse, hva som skal blandes og hvor mye det teller, og reglene som må holde. «Sjekk» sier om reglene kan holde alle sammen, og hva som kan endres hvis ikke.",
    sizeLegend: "Størrelse",
    bySize: "Omtrent så mange per gruppe",
    byCount: "Så mange grupper",
    sizeLabel: "Personer per gruppe",
    countLabel: "Antall grupper",
    columnsLegend: "Kolonnene: hva som skal blandes",
    columnsIntro:
      "Vekten sier hvor mye et mål teller mot de andre: 0 teller ikke, 10 teller mest. Et tak er en regel som alltid må holde.",
    goalLabel: "Bruk",
    goals: {
      mix: "Bland på tvers av gruppene",
      similar: "Hold like sammen",
      balance: "Balanser gjennomsnittet",
      off: "Ikke bruk",
    },
    weightLabel: "Vekt",
    weightValue: (w) => `vekt ${num(w, 1)}`,
    weightHelp: {
      mix: (c) => `Hvor viktig det er at hver gruppe har så mange ulike verdier i ${c} som mulig.`,
      similar: (c) =>
        `Hvor viktig det er at personer med samme verdi i ${c} havner i samme gruppe (for eksempel språk eller sted).`,
      balance: (c) => `Hvor viktig det er at gruppene har omtrent samme gjennomsnitt av ${c}.`,
      off: (c) => `${c} brukes ikke når gruppene settes sammen, men følger med i fila du laster ned.`,
    },
    capLabel: "Høyst så mange med samme verdi per gruppe",
    capHint: "Tomt: ingen grense. 1 betyr at ingen gruppe har to med samme verdi.",
    spreadToo: "Balanser spredningen også (ikke bare gjennomsnittet)",
    categoryLegend: "Regler for enkeltverdier",
    categoryIntro:
      "For én verdi i en kolonne: høyst så mange per gruppe, minst så mange i hver gruppe, eller ingen alene (ingen, eller minst så mange).",
    ruleKindLabel: "Regel",
    ruleKinds: { cap: "Høyst", atLeast: "Minst", notAlone: "Ingen alene: ingen eller minst" },
    ruleColumnLabel: "Kolonne",
    ruleValueLabel: "Verdi",
    ruleCountLabel: "Antall",
    ruleText: {
      cap: (c, v, n) => `Høyst ${num(n, 0)} med ${c} ${quote(v)} per gruppe`,
      atLeast: (c, v, n) => `Minst ${num(n, 0)} med ${c} ${quote(v)} i hver gruppe`,
      notAlone: (c, v, n) => `Ingen med ${c} ${quote(v)} alene: ingen eller minst ${num(n, 0)} i en gruppe`,
    },
    addRule: "Legg til regelen",
    remove: "Fjern",
    removeRule: (rule) => `Fjern regelen: ${rule}`,
    peopleLegend: "Personer: hold adskilt, hold sammen, lås",
    setTitle: { apart: "Hold adskilt", together: "Hold sammen" },
    setHint: {
      apart: "Ingen to av disse i samme gruppe (for eksempel en direktør og hennes leder).",
      together: "Alle disse i samme gruppe.",
    },
    addSet: { apart: "Legg til som hold adskilt", together: "Legg til som hold sammen" },
    setFile: {
      apart: "… eller en fil der hver rad lister personer som holdes adskilt",
      together: "… eller en fil der hver rad lister personer som holdes sammen",
    },
    removeSet: (p) => `Fjern settet ${p}`,
    pickLabel: "Finn person",
    pickHint: "Skriv noen bokstaver i navnet og velg.",
    matches: "Treff",
    chosen: "Valgt",
    removePerson: (name) => `Fjern ${name}`,
    pinTitle: "Lås til gruppe",
    pinHint: "Denne personen skal i denne gruppa.",
    pinGroupLabel: "Gruppe",
    addPin: "Lås",
    pinText: (name, group) => `${name} i gruppe ${group}`,
    removePin: (name) => `Lås opp ${name}`,
    pinFile: "… eller en fil med person og gruppe",
    peopleSummary: (apart, together) =>
      `${count(apart, "sett holdes adskilt", "sett holdes adskilt")}, ${count(together, "sett holdes sammen", "sett holdes sammen")}.`,
    repairTitle: "Reparer en tidligere inndeling",
    repairHint:
      "Har noen sluttet eller kommet til? Velg den forrige inndelingen (person og gruppe), så flyttes så få som mulig.",
    repairLabel: "Tidligere inndeling (CSV eller Excel, valgfritt)",
    repairRead: (n) => `${people(n)} fra den tidligere inndelingen`,
    repairRemove: "Ikke reparer",
    searchLegend: "Søk",
    timeLabel: "Søk i høyst (sekunder)",
    timeHint: "Søket stopper før hvis det ikke blir bedre.",
    check: "Sjekk",
    checking: "Sjekker …",
    checkHolds: (p, g, sizes) =>
      `Reglene kan holde: ${people(p)} i ${count(g, "gruppe", "grupper")} på ${sizes}. Fant ingen grunn til at de ikke skulle holde.`,
    checkFails: (n) =>
      `Reglene kan ikke holde alle sammen (${count(n, "grunn", "grunner")}). Velg en endring:`,
    advice: "Forslag",
    applied: (fix) => `Endret: ${fix}`,
  },
  groups: {
    title: "Gruppene",
    empty: "Ingen grupper ennå. Velg deltakerliste og regler, og sett sammen gruppene.",
    compose: "Sett sammen grupper",
    recompose: (pinned) =>
      pinned > 0 ? `Sett sammen på nytt (${people(pinned)} blir der de er låst)` : "Sett sammen på nytt",
    starting: "Starter …",
    progress: (elapsed, hard, soft) =>
      `Søker: ${elapsed}. Beste så langt: ${hard === 0 ? "alle regler holder" : `${count(hard, "regelbrudd", "regelbrudd")}`}, avstand til det beste mulige ${soft}.`,
    progressLabel: "Søketid brukt",
    cancel: "Avbryt",
    cancelled: "Avbrutt: viser den beste inndelingen som ble funnet.",
    failed: "Sammensetningen feilet.",
    undo: "Angre",
    redo: "Gjør om",
    editHelp:
      "Dra en person til en annen gruppe, eller til en person for å bytte plass. Med tastaturet: velg en person (Enter), og velg gruppe. Hver endring vurderes før du bestemmer deg. Ctrl+Z angrer, Ctrl+Y gjør om.",
    edited: (n) => `Endret for hånd: ${count(n, "endring", "endringer")}.`,
    selected: (name, group) => `${name} i gruppe ${group} er valgt.`,
    moveTo: "Flytt til",
    chooseGroup: "Velg gruppe",
    move: "Flytt",
    clearSelection: "Avbryt valget",
    swapHint: "… eller velg en person i en annen gruppe for å bytte plass.",
    moveHere: "Flytt hit",
    moveHereLabel: (name, group) => `(${name} til gruppe ${group})`,
    pendingTitle: "Endringen (ikke lagret ennå)",
    moveText: (name, from, to) => `${name} flyttes fra gruppe ${from} til gruppe ${to}.`,
    swapText: (a, ga, b, gb) => `${a} (gruppe ${ga}) og ${b} (gruppe ${gb}) bytter plass.`,
    scoring: "Vurderer endringen …",
    qualityChange: (before, after, change) =>
      `Samlet kvalitet: ${before} → ${after} (${change} prosentpoeng).`,
    breaks: (n) => `Bryter ${n === 1 ? "en regel" : `${num(n, 0)} regler`}:`,
    mends: (n) => `Retter ${n === 1 ? "et regelbrudd" : `${num(n, 0)} regelbrudd`}:`,
    noRuleChange: "Ingen regler brytes eller rettes.",
    keep: "Behold endringen",
    discard: "Forkast",
    cardsTitle: (g) => `${count(g, "gruppe", "grupper")}`,
    details: "Målene i detalj: kvalitet, verdi og grense",
    brokenHere: "Regler som ikke holder i gruppa",
    repeats: (column) => `går igjen i gruppa: samme ${column}`,
    pin: (name, group) => `Lås ${name} i gruppe ${group}`,
    unpin: (name) => `Lås opp ${name}`,
    distinct: (a, n, size) => `${a}: ${num(n, 0)} ulike av ${num(size, 0)}`,
    mean: (a, mean) => `${a}: snitt ${mean}`,
  },
  rounds: {
    title: "Flere samlinger",
    intro:
      "Sett sammen flere samlinger på én gang, så lederne møter nye folk fra nye virksomheter hver gang. Tidligere samlinger tas med, så ingen møter de samme igjen unødig.",
    countLabel: "Antall samlinger",
    historyLabel: "Tidligere samlinger (CSV eller Excel, valgfritt)",
    historyHint: "Én rad per person per samling, med kolonnene Runde, Gruppe og Navn (eller E-post).",
    historyRead: (n) => `${count(n, "tidligere samling", "tidligere samlinger")} lest`,
    historyRemove: "Ta bort de tidligere samlingene",
    compose: (n) => `Sett sammen ${count(n, "samling", "samlinger")}`,
    empty: "Ingen samlinger satt sammen ennå.",
    perRoundTitle: "Hva hver samling gir",
    perRoundHeader: [
      "Samling",
      "Nye personer møtt per leder (snitt)",
      "Nye virksomheter møtt per leder (snitt)",
      "Møter som gjentas",
      "Regler",
    ],
    roundName: (id) => `Samling ${id}`,
    held: "holder",
    notHeld: "holder ikke",
    networkTitle: "Hvem har møtt hvem",
    networkIntro:
      "Hver sirkel er en virksomhet (større: flere ledere), farget etter sektor. En linje betyr at ledere fra de to virksomhetene har møttes; tykkere: flere par.",
    networkBefore: (c, pairs) => `Før: ${num(c, 0)} av ${num(pairs, 0)} virksomhetspar har møttes`,
    networkAfter: (c, pairs) => `Etter: ${num(c, 0)} av ${num(pairs, 0)} virksomhetspar har møttes`,
    networkDescription:
      "Virksomhetene står i en ring, ordnet etter sektor. Linjene viser hvilke virksomheter som har ledere som har møttes.",
    legend: "Sektorer",
    noSector: "uten sektor",
    heatmapTitle: "Forbindelser mellom virksomheter",
    heatmapIntro:
      "Hver rute er et par av virksomheter: jo mørkere, jo flere ledere fra de to som har møttes.",
    heatmapCaption: "Virksomhet × virksomhet etter samlingene",
    heatmapDescription:
      "Et rutenett med virksomhetene langs begge akser, ordnet etter sektor; mørkere ruter betyr flere par av ledere som har møttes.",
    groupsTitle: "Gruppene i hver samling",
    fileName: "Samlinger",
  },
  compare: {
    title: "Sammenlign to inndelinger",
    intro:
      "A er gruppene på kortene (med endringene dine). B er en inndeling laget et annet sted, eller Tverrs med andre vekter. Begge vurderes med de samme reglene.",
    fromFile: "B fra en fil",
    fileLabel: "Inndeling (CSV eller Excel med person og gruppe)",
    fileHint: "For eksempel en inndeling laget for hånd i Excel.",
    fromWeights: "B med andre vekter",
    weightFor: (c) => `Vekt for ${c}`,
    composeB: "Sett sammen B",
    otherWeights: "andre vekter",
    none: "Velg B for å sammenligne.",
    tableCaption: (b) => `A (gruppene på kortene) og B (${b}) side om side`,
    header: ["", "A", (b) => `B (${b})`],
    rulesRow: "Regler",
    allHold: "alle holder",
    broken: (n) => `${num(n, 0)} holder ikke`,
    weightShort: (a, b) => `vekt ${a} / ${b}`,
    overallRow: "Samlet",
    groupsRow: "Grupper",
    brokenInB: "Regler som ikke holder i B",
  },
  export: {
    title: "Ta med tilbake",
    intro:
      "Last ned gruppene som Excel-fil eller CSV, eller skriv ut en rapport (eller lagre den som PDF fra utskriften).",
    groupsTitle: "Gruppene",
    roundsTitle: (n) => (n === 1 ? "Samlingen" : `De ${num(n, 0)} samlingene`),
    xlsx: "Last ned Excel (.xlsx)",
    csv: "Last ned CSV",
    xlsxHint:
      "Excel-fila har et ark med gruppene (én rad per person, med kolonnene fra deltakerlista) og et ark med sammendraget.",
    csvHint: "CSV-fila er semikolondelt, slik kommandolinja skriver den, og åpnes i Excel.",
    roundsHint:
      "Ett ark med én rad per person per samling, ett ark per samling og et sammendrag med møtene og nettverket.",
    print: "Skriv ut rapporten",
    printHint: "Rapporten under skrives ut uten knapper og menyer.",
    reportTitle: "Rapport: grupper på tvers",
    reportMade: (date, file) => `Laget ${date}${file ? ` fra ${file}` : ""}.`,
  },
};
