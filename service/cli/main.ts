/**
 * `tverr`: the command line front end of the engine. `main(argv, io)` runs one command and
 * returns its exit code; `io` is injectable so tests run it in-process. Commands load
 * lazily, so `--version` and `--help` start fast. Errors are printed as `tverr: …` lines
 * (file, line and column where known), never as a stack trace, and never with a
 * participant's name, e-mail or attribute value. Words come from the locale: --lang, then
 * TVERR_LANG, then LANG; Norwegian unless one of them says English.
 */
import { readFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { type Locale, pickLocale } from "../../engine/index.js";
import type { Context } from "./context.js";
import { EXIT, FileError, UsageError } from "./errors.js";
import { type FlagSpec, type ParsedFlags, parseFlags, renderHelp, suggestion } from "./flags.js";
import type { Reader } from "./input.js";
import { type CliIo, nodeIo } from "./io.js";

type CommandName = "compose" | "check" | "score" | "network";
const COMMANDS: readonly CommandName[] = ["compose", "check", "score", "network"];

interface CommandModule {
  flags: FlagSpec[];
  run(parsed: ParsedFlags, ctx: Context): Promise<number>;
}

const load: Record<CommandName, () => Promise<CommandModule>> = {
  compose: () => import("./commands/compose.js"),
  check: () => import("./commands/check.js"),
  score: () => import("./commands/score.js"),
  network: () => import("./commands/network.js"),
};

export interface MainOptions {
  /** The environment (TVERR_LANG, LANG); default process.env. */
  env?: Record<string, string | undefined>;
  /** Aborted to stop a search early (Ctrl-C). */
  signal?: AbortSignal;
}

export async function main(
  argv: string[],
  partial: Partial<CliIo> = {},
  options: MainOptions = {},
): Promise<number> {
  const io = withDefaults(partial);
  const env = options.env ?? process.env;
  let locale = pickLocale(langFlag(argv), env.TVERR_LANG, env.LC_ALL, env.LANG);
  let command: CommandName | undefined;
  const ctx: Context = {
    io,
    read: reader(io),
    locale,
    origins: {},
    ...(options.signal ? { signal: options.signal } : {}),
  };
  let code: number;
  try {
    const [first, ...rest] = withoutLeadingLang(argv);
    if (first === undefined) {
      await io.stderr.write(locale.cli.mainHelp);
      throw new UsageError("no_command", {});
    } else if (first === "--help" || first === "-h" || first === "help") {
      const topic = rest.find((a) => (COMMANDS as readonly string[]).includes(a)) as CommandName | undefined;
      await io.stdout.write(
        topic ? renderHelp(topic, (await load[topic]()).flags, locale) : locale.cli.mainHelp,
      );
      code = EXIT.ok;
    } else if (first === "--version" || first === "-V" || first === "-v") {
      await io.stdout.write(`tverr ${version()}\n`);
      code = EXIT.ok;
    } else if ((COMMANDS as readonly string[]).includes(first)) {
      command = first as CommandName;
      const module = await load[command]();
      const parsed = parseFlags(command, module.flags, rest);
      ctx.given = new Set(parsed.values.keys());
      const lang = parsed.values.get("lang") as string | undefined;
      if (lang) locale = ctx.locale = pickLocale(lang);
      if (parsed.values.get("help") === true) {
        await io.stdout.write(renderHelp(command, module.flags, locale));
        code = EXIT.ok;
      } else code = await module.run(parsed, ctx);
    } else if (first === "worker") {
      code = await (await import("../workerProcess.js")).runWorker(rest, io);
    } else if (first.startsWith("-")) {
      // Before a command only --help, --version and --lang are options: what comes first must
      // be a command.
      throw new UsageError("option_before_command", {
        option: first,
        ...suggestion(first.replace(/^-+/, ""), ["help", "version", "lang"], "--"),
      });
    } else {
      throw new UsageError("unknown_command", { command: first, ...suggestion(first, COMMANDS) });
    }
  } catch (error) {
    code = await reportError(error, command, ctx);
  }
  io.exit(code);
  return code;
}

async function reportError(error: unknown, command: CommandName | undefined, ctx: Context): Promise<number> {
  const L: Locale = ctx.locale;
  const lines = (list: string[]) => ctx.io.stderr.write(list.map((l) => `tverr: ${l}\n`).join(""));
  if (error instanceof UsageError) {
    const words = L.cli.usage[error.code as keyof typeof L.cli.usage] as (f: unknown) => string;
    await lines([words(error.facts), L.cli.seeHelp(error.command ?? command)]);
    return EXIT.input;
  }
  if (error instanceof FileError) {
    const reason = L.cli.fileReason(error.reason);
    await lines([
      error.mode === "read" ? L.cli.cannotRead(error.file, reason) : L.cli.cannotWrite(error.file, reason),
    ]);
    return EXIT.input;
  }
  const { ProblemInputError, InfeasibleError, ExactUnsupportedError } = await import("../../engine/index.js");
  if (error instanceof ProblemInputError) {
    const { flagOf, issueLine } = await import("./context.js");
    const shown = error.issues.slice(0, 50).map((i) => issueLine(i, ctx, true));
    if (error.issues.length > 50) shown.push(L.report.andMore(error.issues.length - 50));
    // A flag's value that does not fit is a usage error: point to the help, as for the others.
    if (error.issues.some((i) => flagOf(i, ctx) !== undefined)) shown.push(L.cli.seeHelp(command));
    await lines(shown);
    return EXIT.input;
  }
  if (error instanceof ExactUnsupportedError) {
    // --exact on a problem with terms the MIP cannot express: the request, not Tverr, is at fault.
    const kinds = L.term.kind as Record<string, string>;
    const terms = error.terms.map((t) => kinds[t] ?? t);
    await lines([L.cli.usage.exact_unsupported({ terms }), L.cli.seeHelp(command)]);
    return EXIT.input;
  }
  if (error instanceof InfeasibleError) {
    await lines([L.cli.infeasible(error.diagnoses.length)]);
    return EXIT.infeasible;
  }
  // The kind only: an error's message may quote the input.
  await lines([L.cli.internal(error instanceof Error ? error.name : typeof error)]);
  return EXIT.internal;
}

/** `--lang xx` anywhere on the line, read before the command so usage errors are in that language. */
function langFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--lang") return argv[i + 1];
    if (argv[i].startsWith("--lang=")) return argv[i].slice(7);
  }
  return undefined;
}

/** The arguments without a `--lang xx` given before the command (langFlag has read it). */
function withoutLeadingLang(argv: readonly string[]): string[] {
  if (argv[0] === "--lang") return argv.slice(2);
  if (argv[0]?.startsWith("--lang=")) return argv.slice(1);
  return [...argv];
}

/** Files by path, `-` for standard input; a file that cannot be read is bad input. */
function reader(io: CliIo): Reader {
  return async (path) => {
    if (path === "-") return { name: "stdin", bytes: await io.readStdin() };
    try {
      return { name: path, bytes: await io.readFile(path) };
    } catch (error) {
      throw new FileError(path, "read", (error as NodeJS.ErrnoException).code);
    }
  };
}

function withDefaults(partial: Partial<CliIo>): CliIo {
  let node: CliIo | undefined;
  const real = () => {
    node ??= nodeIo();
    return node;
  };
  return {
    stdout: partial.stdout ?? real().stdout,
    stderr: partial.stderr ?? real().stderr,
    readStdin: partial.readStdin ?? (() => real().readStdin()),
    readFile: partial.readFile ?? (async (path) => readFile(path)),
    writeFile: partial.writeFile ?? ((path, text) => writeFile(path, text, "utf8")),
    exit: partial.exit ?? ((code) => real().exit(code)),
  };
}

function version(): string {
  // The nearest package.json up from this module: service/cli/ when run from source, dist/
  // when bundled.
  for (const up of ["../package.json", "../../package.json"]) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(up, import.meta.url), "utf8")) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === "tverr") return pkg.version ?? "unknown";
    } catch {
      // Not here: try one folder further up.
    }
  }
  return "unknown";
}

/**
 * The process entry (bin/tverr.js). Ctrl-C once stops the search and writes the best
 * grouping found so far (exit 130); twice, exits at once.
 */
export async function run(): Promise<void> {
  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
  };
  process.on("SIGINT", onSigint);
  try {
    await main(process.argv.slice(2), {}, { signal: controller.signal });
  } finally {
    process.off("SIGINT", onSigint);
  }
}
