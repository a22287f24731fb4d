/**
 * `tverr`: the command line front end of the engine. `main(argv, io)` runs one command and
 * returns its exit code; `io` is injectable so tests run it in-process. Errors are printed as
 * `tverr: …` lines (file, line and column where known), never as a stack trace, and never
 * with a participant's name, e-mail or attribute value.
 */
import { readFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { formatIssue, InfeasibleError, ProblemInputError } from "../../engine/index.js";
import type { Command, CommandName } from "./args.js";
import { type Context, fileProblem, runCommand } from "./commands.js";
import { EXIT, InputFailure, UsageError } from "./errors.js";
import { commandHelp, mainHelp } from "./help.js";
import { type CliIo, nodeIo } from "./io.js";
import { runNetwork } from "./network.js";
import type { Reader } from "./problem.js";

const COMMANDS: readonly CommandName[] = ["compose", "check", "score", "network"];

export async function main(argv: string[], partial: Partial<CliIo> = {}): Promise<number> {
  const io = withDefaults(partial);
  let command: CommandName | undefined;
  let code: number;
  try {
    const [first, ...rest] = argv;
    if (first === undefined) {
      await io.stderr.write(mainHelp);
      throw new UsageError("give a command: compose, check, score or network");
    } else if (first === "--help" || first === "-h" || first === "help") {
      const topic = rest[0] as CommandName | undefined;
      await io.stdout.write(topic !== undefined && COMMANDS.includes(topic) ? commandHelp[topic] : mainHelp);
      code = EXIT.ok;
    } else if (first === "--version" || first === "-V" || first === "-v") {
      await io.stdout.write(`tverr ${version()}\n`);
      code = EXIT.ok;
    } else if ((COMMANDS as readonly string[]).includes(first)) {
      command = first as CommandName;
      const ctx = { io, read: reader(io) } satisfies Context;
      code =
        command === "network" ? await runNetwork(rest, ctx) : await runCommand(command as Command, rest, ctx);
    } else {
      throw new UsageError(
        first.startsWith("-")
          ? `unknown option ${first}; a command comes first: compose, check, score or network`
          : `unknown command ${JSON.stringify(first)}; the commands are compose, check, score and network`,
      );
    }
  } catch (error) {
    code = await reportError(error, command, io);
  }
  io.exit(code);
  return code;
}

async function reportError(error: unknown, command: CommandName | undefined, io: CliIo): Promise<number> {
  const lines = (list: string[]) => io.stderr.write(list.map((l) => `tverr: ${l}\n`).join(""));
  if (error instanceof UsageError) {
    const help = error.command ?? command;
    await lines([error.message, `(see tverr ${help ? `${help} ` : ""}--help)`]);
    return EXIT.input;
  }
  if (error instanceof InputFailure) {
    await lines(error.lines);
    return EXIT.input;
  }
  if (error instanceof ProblemInputError) {
    await lines(error.issues.map(formatIssue));
    return EXIT.input;
  }
  if (error instanceof InfeasibleError) {
    // The diagnosis names categories and people; `check` prints it as output, not as an error.
    const n = error.diagnoses.length;
    await lines([
      `the hard rules cannot all hold (${n === 1 ? "1 reason" : `${n} reasons`} found); nothing written (--fail-if-infeasible).`,
      "run tverr check with the same roster and options to see why, and what would fix it.",
    ]);
    return EXIT.infeasible;
  }
  const name = error instanceof Error ? error.name : "Error";
  const message = error instanceof Error ? error.message : String(error);
  await lines([`internal error (${name}): ${message}`, "please report it, with the command you ran"]);
  return EXIT.internal;
}

/** Files by path, `-` for standard input; a file that cannot be read is bad input. */
function reader(io: CliIo): Reader {
  return async (path) => {
    if (path === "-") return { name: "stdin", bytes: await io.readStdin() };
    try {
      return { name: path, bytes: await io.readFile(path) };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new InputFailure([`${path}: cannot read the file (${fileProblem(code)})`]);
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
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version?: string;
  };
  return pkg.version ?? "unknown";
}

/** The process entry (bin/tverr.js). */
export async function run(): Promise<void> {
  await main(process.argv.slice(2));
}
