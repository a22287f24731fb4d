/**
 * The page's only way out: the public /v1 API of the service that served it (same origin,
 * so the Content-Security-Policy's connect-src 'self' is all it needs). Every request says the
 * page's language (Accept-Language), so what the service words comes back in it. A problem
 * reply (RFC 9457) becomes an ApiError carrying the problem as data.
 */
import type {
  CheckResult,
  ComposeRequest,
  ComposeSettings,
  Job,
  NetworkResult,
  ProblemDetails,
  RosterPreview,
  ScoreResult,
  SidePart,
} from "./types.js";

export const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: ProblemDetails | undefined,
  ) {
    super(problem?.detail ?? `HTTP ${status}`);
    this.name = "ApiError";
  }
}

export type Lang = "nb" | "en";

async function call(path: string, init: RequestInit, lang: Lang): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("accept-language", lang);
  const response = await fetch(path, { ...init, headers, credentials: "same-origin" });
  if (!response.ok) {
    let problem: ProblemDetails | undefined;
    if ((response.headers.get("content-type") ?? "").includes("json")) {
      problem = (await response.json()) as ProblemDetails;
    }
    throw new ApiError(response.status, problem);
  }
  return response;
}

const json = (body: unknown): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json", accept: "application/json" },
  body: JSON.stringify(body),
});

/** Read a roster (CSV or .xlsx) with these settings: people, columns, problems, the request. */
export async function previewRoster(
  roster: Blob,
  settings: ComposeSettings,
  lang: Lang,
  options: { sheet?: string; sides?: Partial<Record<SidePart, Blob>> } = {},
): Promise<RosterPreview> {
  const form = new FormData();
  form.set("roster", roster);
  form.set("settings", JSON.stringify(settings));
  if (options.sheet) form.set("sheet", options.sheet);
  for (const [name, file] of Object.entries(options.sides ?? {})) if (file) form.set(name, file);
  const response = await call("/v1/rosters", { method: "POST", body: form }, lang);
  return (await response.json()) as RosterPreview;
}

export async function checkRequest(request: ComposeRequest, lang: Lang): Promise<CheckResult> {
  return (await (await call("/v1/checks", json(request), lang)).json()) as CheckResult;
}

/** Start a composition as a job (`Prefer: respond-async`); its id. */
export async function startComposition(request: ComposeRequest, lang: Lang): Promise<string> {
  const init = json(request);
  (init.headers as Record<string, string>).prefer = "respond-async";
  const response = await call("/v1/compositions", init, lang);
  const job = (await response.json()) as Job & { kind?: string };
  return job.id;
}

export async function getJob(id: string, lang: Lang): Promise<Job> {
  return (await (await call(`/v1/jobs/${encodeURIComponent(id)}`, {}, lang)).json()) as Job;
}

export async function cancelJob(id: string, lang: Lang): Promise<void> {
  await call(`/v1/jobs/${encodeURIComponent(id)}`, { method: "DELETE" }, lang);
}

/**
 * Follow a job's server-sent events until it ends. Read with fetch rather than EventSource,
 * so the request carries the page's headers and stops with the page's AbortSignal.
 */
export async function followJob(
  id: string,
  lang: Lang,
  onEvent: (event: string, job: Job) => void,
  signal: AbortSignal,
): Promise<void> {
  const response = await call(
    `/v1/jobs/${encodeURIComponent(id)}/events`,
    { headers: { accept: "text/event-stream" }, signal },
    lang,
  );
  const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
  if (!reader) return;
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end = buffer.indexOf("\n\n");
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = "message";
      const data: string[] = [];
      for (const line of block.split("\n")) {
        if (line.startsWith("event:")) event = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).trimStart());
      }
      if (data.length > 0) onEvent(event, JSON.parse(data.join("\n")) as Job);
      end = buffer.indexOf("\n\n");
    }
  }
}

/** Score a grouping (person id → group id) under the request's rules: the same report. */
export async function evaluate(
  request: ComposeRequest,
  assignment: Record<string, string>,
  lang: Lang,
): Promise<ScoreResult> {
  return (await (
    await call("/v1/evaluations", json({ ...problemPart(request), assignment }), lang)
  ).json()) as ScoreResult;
}

/** The has-met network of a history, and with new rounds before and after. */
export async function networkOf(body: unknown, lang: Lang): Promise<NetworkResult> {
  return (await (await call("/v1/networks", json(body), lang)).json()) as NetworkResult;
}

/** Groupings the page holds, written by the service as .xlsx or CSV. */
export async function exportFile(body: unknown, accept: typeof XLSX | "text/csv", lang: Lang): Promise<Blob> {
  const init = json(body);
  (init.headers as Record<string, string>).accept = accept;
  return (await call("/v1/exports", init, lang)).blob();
}

/** The parts of a compose request that say how to search, not what the problem is. */
const SEARCH_PARTS = ["rounds", "history", "meetings", "reach", "exact", "threads", "roundsMode"];

/** A compose request without its search parts: the problem a grouping is scored against. */
export function problemPart(request: ComposeRequest): ComposeRequest {
  const out: ComposeRequest = { ...request };
  for (const key of SEARCH_PARTS) delete out[key];
  return out;
}
