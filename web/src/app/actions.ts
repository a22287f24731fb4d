/**
 * What the coordinator's actions do: each one a few calls to the public /v1 API and a new
 * state. The service assembles every request from the roster and the settings; the engine
 * checks, composes and scores; the page keeps the results and shows them.
 */
import { LOCALES, type Locale } from "../../../engine/page.js";
import {
  ApiError,
  cancelJob,
  checkRequest,
  evaluate,
  exportFile,
  followJob,
  getJob,
  type Lang,
  networkOf,
  previewRoster,
  problemPart,
  startComposition,
  XLSX,
} from "../api.js";
import {
  applyFix,
  columnsFrom,
  composeSettings,
  type PageSettings,
  type PeopleRules,
  saveSettings,
} from "../settings.js";
import type { Store } from "../store.js";
import type {
  ComposeRequest,
  Fix,
  Job,
  RosterPreview,
  RoundsComposition,
  SingleComposition,
} from "../types.js";
import type { AppState, Change, Failure, Grouping, RoundStat, Run, Snapshot, StepId } from "./model.js";

const failureOf = (error: unknown): Failure =>
  error instanceof ApiError && error.problem ? { problem: error.problem } : { offline: true };

/** How long to wait after a change of settings before reading the roster again. */
const REFRESH_DELAY_MS = 300;

export class Actions {
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private previewSeq = 0;

  constructor(
    private readonly store: Store<AppState>,
    private readonly storage: Storage | undefined,
  ) {}

  get state(): AppState {
    return this.store.state;
  }

  locale(): Locale {
    return LOCALES[this.state.lang];
  }

  go(step: StepId): void {
    this.store.set({ step });
  }

  setLang(lang: Lang): void {
    this.store.set({ lang });
    document.documentElement.lang = lang;
    // What the service worded (columns, problems with the file, the check) is read again.
    if (this.state.roster) void this.refreshNow();
    if (this.state.check?.result) void this.check();
  }

  // --- the roster ----------------------------------------------------------------------------

  async chooseRoster(file: File): Promise<void> {
    this.store.set({
      roster: { file, loading: true, sides: {} },
      check: undefined,
      grouping: undefined,
      rounds: undefined,
      compare: undefined,
      pinned: {},
      people: { apart: [], together: [], pins: {} },
    });
    await this.refreshNow({ firstRead: true });
  }

  async chooseSheet(sheet: string): Promise<void> {
    const roster = this.state.roster;
    if (!roster) return;
    this.store.set({ roster: { ...roster, sheet, loading: true } });
    await this.refreshNow({ firstRead: true });
  }

  /** A side file (keep apart, together, pins, an earlier grouping, a history) read against the roster. */
  async chooseSide(part: keyof RosterStateSides, file: File | undefined): Promise<void> {
    const roster = this.state.roster;
    if (!roster) return;
    const sides = { ...roster.sides };
    if (file) sides[part] = file;
    else delete sides[part];
    this.store.set({ roster: { ...roster, sides } });
    const preview = await this.refreshNow();
    if (!preview) return;
    const people = { ...this.state.people };
    const read = preview.sides;
    if (part === "apart") people.apart = file ? [...people.apart, ...(read.apart ?? [])] : people.apart;
    if (part === "together")
      people.together = file ? [...people.together, ...(read.together ?? [])] : people.together;
    if (part === "pins") people.pins = { ...people.pins, ...(read.pins ?? {}) };
    if (part === "incumbent") people.incumbent = file ? read.incumbent : undefined;
    if (part === "history") people.history = file ? read.history : undefined;
    // Read once: the sets are now the page's rules, and the file is not sent again.
    const now = this.state.roster;
    if (now) {
      const kept = { ...now.sides };
      delete kept[part];
      this.store.set({ roster: { ...now, sides: kept } });
    }
    this.setPeople(people);
  }

  updateSettings(change: (settings: PageSettings) => PageSettings): void {
    const settings = change(this.state.settings);
    this.store.set({ settings, check: undefined });
    saveSettings(this.storage, settings);
    this.scheduleRefresh();
  }

  setPeople(people: PeopleRules): void {
    this.store.set({ people, check: undefined });
    this.scheduleRefresh();
  }

  private scheduleRefresh(): void {
    if (!this.state.roster) return;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refreshNow(), REFRESH_DELAY_MS);
  }

  /** Read the roster with the current settings: the preview and the request they make. */
  async refreshNow(options: { firstRead?: boolean } = {}): Promise<RosterPreview | undefined> {
    const roster = this.state.roster;
    if (!roster) return undefined;
    clearTimeout(this.refreshTimer);
    const seq = ++this.previewSeq;
    this.store.set({ roster: { ...roster, loading: true } });
    const known =
      !options.firstRead &&
      Object.keys(this.state.settings.columns).length > 0 &&
      roster.preview !== undefined;
    try {
      const preview = await previewRoster(
        roster.file,
        composeSettings(this.state.settings, this.singlePeople(), { columnsKnown: known, rounds: false }),
        this.state.lang,
        { ...(roster.sheet ? { sheet: roster.sheet } : {}), sides: roster.sides },
      );
      if (seq !== this.previewSeq) return preview;
      if (!known) {
        // The first read: the columns as the engine recognised them become the settings.
        const settings = {
          ...this.state.settings,
          columns: columnsFrom(preview.columns, this.state.settings.columns),
        };
        this.store.set({ settings });
        saveSettings(this.storage, settings);
      }
      const now = this.state.roster;
      if (now) this.store.set({ roster: { ...now, loading: false, preview, failure: undefined } });
      return preview;
    } catch (error) {
      if (seq === this.previewSeq) {
        const now = this.state.roster;
        if (now)
          this.store.set({
            roster: { ...now, loading: false, preview: undefined, failure: failureOf(error) },
          });
      }
      return undefined;
    }
  }

  /** The people rules for one grouping: the rules' pins and the pins made on the cards. */
  private singlePeople(): PeopleRules {
    return { ...this.state.people, pins: { ...this.state.people.pins, ...this.state.pinned } };
  }

  /** The compose request the service assembles from the roster and the settings. */
  private async request(
    rounds: boolean,
    settings = this.state.settings,
  ): Promise<ComposeRequest | undefined> {
    const roster = this.state.roster;
    if (!roster) return undefined;
    const people = rounds ? this.state.people : this.singlePeople();
    try {
      const preview = await previewRoster(
        roster.file,
        composeSettings(settings, people, { columnsKnown: true, rounds }),
        this.state.lang,
        { ...(roster.sheet ? { sheet: roster.sheet } : {}), sides: {} },
      );
      return preview.request;
    } catch (error) {
      this.store.set({ runFailure: failureOf(error) });
      return undefined;
    }
  }

  // --- the check -----------------------------------------------------------------------------

  /** Ask the engine whether the rules can hold; `applied` says which fix was just applied. */
  async check(applied?: string): Promise<void> {
    const kept = applied !== undefined ? { applied } : {};
    this.store.set({ check: { loading: true, ...kept } });
    const request = await this.request(false);
    if (!request) {
      this.store.set({
        check: { loading: false, ...kept, failure: this.state.runFailure ?? { offline: true } },
      });
      return;
    }
    try {
      const result = await checkRequest(request, this.state.lang);
      this.store.set({ check: { loading: false, ...kept, result } });
    } catch (error) {
      this.store.set({ check: { loading: false, ...kept, failure: failureOf(error) } });
    }
  }

  /** Apply a fix the check offered (one click), and check again. */
  async fix(fix: Fix, text: string): Promise<void> {
    const applied = applyFix(fix, this.state.settings, this.state.people);
    if (!applied) return;
    this.store.set({ settings: applied.settings, people: applied.people });
    saveSettings(this.storage, applied.settings);
    await this.refreshNow();
    await this.check(text);
  }

  // --- composing -----------------------------------------------------------------------------

  /** Compose one grouping (or the rounds, or grouping B of a comparison) as a job, with progress. */
  async compose(purpose: Run["purpose"], settings = this.state.settings): Promise<void> {
    if (this.state.run && !isDone(this.state.run)) return;
    const abort = new AbortController();
    const run: Run = {
      purpose,
      state: "starting",
      timeLimitMs: Math.round(settings.timeSeconds * 1000),
      startedAt: performance.now(),
      abort,
    };
    this.store.set({ run, runFailure: undefined });
    const request = await this.request(purpose === "rounds", settings);
    if (!request) {
      this.store.set({ run: { ...run, state: "failed" } });
      return;
    }
    let job: Job | undefined;
    try {
      const id = await startComposition(request, this.state.lang);
      this.updateRun({ jobId: id, state: "queued" });
      await followJob(
        id,
        this.state.lang,
        (_event, now) =>
          this.updateRun({ state: now.state, ...(now.progress ? { progress: now.progress } : {}) }),
        abort.signal,
      ).catch((error: unknown) => {
        if (!abort.signal.aborted) throw error;
      });
      job = await getJob(id, this.state.lang);
    } catch (error) {
      this.store.set({ runFailure: failureOf(error) });
      this.updateRun({ state: "failed" });
      return;
    }
    this.updateRun({ state: job.state });
    if (job.error) this.store.set({ runFailure: { problem: job.error } });
    if (!job.result) return;
    if (job.result.kind === "rounds") this.showRounds(request, job.result);
    else if (purpose === "compare") this.showComparison(job.result, settings);
    else this.showGrouping(request, job.result);
  }

  private updateRun(patch: Partial<Run>): void {
    const run = this.state.run;
    if (run) this.store.set({ run: { ...run, ...patch } });
  }

  async cancel(): Promise<void> {
    const run = this.state.run;
    if (!run?.jobId || isDone(run)) return;
    try {
      await cancelJob(run.jobId, this.state.lang);
    } catch {
      // Already finished: its result is fetched as usual.
    }
  }

  private showGrouping(request: ComposeRequest, composed: SingleComposition): void {
    const current: Snapshot = { assignment: { ...composed.assignment }, report: composed };
    const version = (this.state.grouping?.version ?? 0) + 1;
    this.store.set({ grouping: { request, composed, current, undo: [], redo: [], version }, step: "groups" });
  }

  private showRounds(request: ComposeRequest, result: RoundsComposition): void {
    this.store.set({ rounds: { request, result, shown: 0 }, step: "rounds" });
    void this.roundStats();
  }

  // --- changing the grouping by hand ---------------------------------------------------------

  select(person: string | undefined): void {
    const grouping = this.state.grouping;
    if (grouping) this.store.set({ grouping: { ...grouping, selected: person } });
  }

  /** Score a move or a swap at once; it is kept only when the coordinator confirms it. */
  async propose(change: Change): Promise<void> {
    const grouping = this.state.grouping;
    if (!grouping) return;
    const assignment = { ...grouping.current.assignment };
    if (change.kind === "move") assignment[change.person] = change.to;
    else {
      assignment[change.a] = change.groupB;
      assignment[change.b] = change.groupA;
    }
    this.store.set({
      grouping: {
        ...grouping,
        selected: undefined,
        pending: { change, assignment, report: grouping.current.report, loading: true },
      },
    });
    try {
      const report = await evaluate(this.scoringRequest(grouping), assignment, this.state.lang);
      const now = this.state.grouping;
      if (now?.pending && now.pending.assignment === assignment) {
        this.store.set({ grouping: { ...now, pending: { ...now.pending, report, loading: false } } });
      }
    } catch (error) {
      const now = this.state.grouping;
      if (now) this.store.set({ grouping: { ...now, pending: undefined }, runFailure: failureOf(error) });
    }
  }

  /** The request a grouping is scored against: the one it was composed with, today's pins. */
  private scoringRequest(grouping: Grouping): ComposeRequest {
    const rules = (grouping.request.rules ?? {}) as Record<string, unknown>;
    return problemPart({ ...grouping.request, rules: { ...rules, pins: this.singlePeople().pins } });
  }

  keep(): void {
    const grouping = this.state.grouping;
    const pending = grouping?.pending;
    if (!grouping || !pending || pending.loading) return;
    this.store.set({
      grouping: {
        ...grouping,
        undo: [...grouping.undo, grouping.current],
        redo: [],
        current: { assignment: pending.assignment, report: pending.report },
        pending: undefined,
      },
    });
  }

  discard(): void {
    const grouping = this.state.grouping;
    if (grouping) this.store.set({ grouping: { ...grouping, pending: undefined } });
  }

  undo(): void {
    const grouping = this.state.grouping;
    const previous = grouping?.undo.at(-1);
    if (!grouping || !previous) return;
    this.store.set({
      grouping: {
        ...grouping,
        undo: grouping.undo.slice(0, -1),
        redo: [...grouping.redo, grouping.current],
        current: previous,
        pending: undefined,
      },
    });
  }

  redo(): void {
    const grouping = this.state.grouping;
    const next = grouping?.redo.at(-1);
    if (!grouping || !next) return;
    this.store.set({
      grouping: {
        ...grouping,
        redo: grouping.redo.slice(0, -1),
        undo: [...grouping.undo, grouping.current],
        current: next,
        pending: undefined,
      },
    });
  }

  /**
   * Pin a person where they are on the cards (or let them go again). The grouping's score
   * stands (the person is where the pin says); the pin counts when scoring a change and when
   * composing again.
   */
  togglePin(person: string): void {
    const grouping = this.state.grouping;
    if (!grouping) return;
    const pinned = { ...this.state.pinned };
    if (pinned[person] !== undefined) delete pinned[person];
    else pinned[person] = grouping.current.assignment[person];
    this.store.set({ pinned });
  }

  // --- several gatherings --------------------------------------------------------------------

  /** Per round: new people and agencies each leader meets, and meetings that repeat. */
  async roundStats(): Promise<void> {
    const rounds = this.state.rounds;
    if (!rounds) return;
    const history = ((rounds.request.history as { rounds?: unknown[] } | undefined)?.rounds ?? []) as {
      round: string;
      groups: Record<string, string[]>;
    }[];
    const people = rounds.request.people;
    const stats: RoundStat[] = [];
    try {
      for (let k = 0; k < rounds.result.composed.length; k++) {
        const before = [...history, ...rounds.result.composed.slice(0, k)];
        const result = await networkOf(
          { people, history: { rounds: before }, newRounds: [rounds.result.composed[k]] },
          this.state.lang,
        );
        if (result.kind !== "comparison") continue;
        const { before: b, after: a } = result.comparison;
        const n = Math.max(1, a.people.length);
        let newPeople = 0;
        let newAgencies = 0;
        a.people.forEach((p, i) => {
          newPeople += p.peopleMet - (b.people[i]?.peopleMet ?? 0);
          newAgencies += p.agenciesMet - (b.people[i]?.agenciesMet ?? 0);
        });
        stats.push({
          round: rounds.result.rounds[k]?.id ?? String(k + 1),
          newPeople: newPeople / n,
          newAgencies: newAgencies / n,
          repeats: a.overall.repeatedMeetings - b.overall.repeatedMeetings,
          feasible: rounds.result.rounds[k]?.feasible ?? true,
        });
      }
    } catch (error) {
      this.store.set({ runFailure: failureOf(error) });
      return;
    }
    const now = this.state.rounds;
    if (now) this.store.set({ rounds: { ...now, stats } });
  }

  showRound(index: number): void {
    const rounds = this.state.rounds;
    if (rounds) this.store.set({ rounds: { ...rounds, shown: index } });
  }

  // --- comparing -----------------------------------------------------------------------------

  /** B: a grouping from a file (person and group), scored under the same rules. */
  async compareFile(file: File): Promise<void> {
    const grouping = this.state.grouping;
    const roster = this.state.roster;
    if (!grouping || !roster) return;
    this.store.set({ compare: { ...this.compareState(), loading: true, failure: undefined } });
    try {
      const preview = await previewRoster(
        roster.file,
        composeSettings(this.state.settings, this.singlePeople(), { columnsKnown: true, rounds: false }),
        this.state.lang,
        { ...(roster.sheet ? { sheet: roster.sheet } : {}), sides: { grouping: file } },
      );
      const assignment = preview.sides.grouping ?? {};
      const report = await evaluate(this.scoringRequest(grouping), assignment, this.state.lang);
      this.store.set({
        compare: { ...this.compareState(), loading: false, b: { label: file.name, report } },
      });
    } catch (error) {
      this.store.set({ compare: { ...this.compareState(), loading: false, failure: failureOf(error) } });
    }
  }

  setCompareWeight(column: string, weight: number): void {
    const compare = this.compareState();
    this.store.set({ compare: { ...compare, weights: { ...compare.weights, [column]: weight } } });
  }

  /** B: composed again with other weights (the same rules). */
  async compareWeights(): Promise<void> {
    const compare = this.compareState();
    const columns = Object.fromEntries(
      Object.entries(this.state.settings.columns).map(([name, c]) => [
        name,
        { ...c, weight: compare.weights[name] ?? c.weight },
      ]),
    );
    this.store.set({ compare: { ...compare, loading: true, failure: undefined } });
    await this.compose("compare", { ...this.state.settings, columns });
    const now = this.compareState();
    this.store.set({ compare: { ...now, loading: false } });
  }

  private compareState(): NonNullable<AppState["compare"]> {
    return this.state.compare ?? { loading: false, weights: {} };
  }

  private showComparison(result: SingleComposition, settings: PageSettings): void {
    const weights = Object.fromEntries(Object.entries(settings.columns).map(([name, c]) => [name, c.weight]));
    const label = this.locale().page.compare.otherWeights;
    this.store.set({
      compare: { ...this.compareState(), loading: false, b: { label, report: result, weights } },
    });
  }

  // --- taking it back ------------------------------------------------------------------------

  async download(what: "groups" | "rounds", format: "xlsx" | "csv"): Promise<void> {
    const table = this.state.roster?.preview?.table;
    let body: unknown;
    if (what === "groups") {
      const grouping = this.state.grouping;
      if (!grouping) return;
      body = {
        request: this.scoringRequest(grouping),
        groupings: [{ assignment: grouping.current.assignment }],
        table,
      };
    } else {
      const rounds = this.state.rounds;
      if (!rounds) return;
      body = {
        request: rounds.request,
        groupings: rounds.result.rounds.map((r) => ({ round: r.id, assignment: r.assignment })),
        table,
      };
    }
    try {
      const blob = await exportFile(body, format === "xlsx" ? XLSX : "text/csv", this.state.lang);
      const words = this.locale().workbook;
      const name = `${(what === "groups" ? words.groupsSheet : this.locale().page.rounds.fileName).toLowerCase()}.${format}`;
      saveBlob(blob, name);
    } catch (error) {
      this.store.set({ runFailure: failureOf(error) });
    }
  }
}

type RosterStateSides = NonNullable<AppState["roster"]>["sides"];

export const isDone = (run: Run) =>
  run.state === "succeeded" || run.state === "failed" || run.state === "cancelled";

function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
