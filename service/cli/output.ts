/**
 * Where and how a command writes: the format (the --format flag, else the extension of
 * --out, else CSV when standard output is piped to a file or another program and Markdown on
 * a terminal), refusing an extension it cannot write; writing a file or standard output.
 * An Excel workbook (`-o grupper.xlsx`) is chosen by the extension only, so it always goes to
 * a file, never to a terminal.
 */
import { FileError, UsageError } from "./errors.js";
import type { CliIo } from "./io.js";

export type Format = "csv" | "json" | "md" | "xlsx";

const EXTENSIONS: Readonly<Record<string, Format>> = {
  csv: "csv",
  json: "json",
  md: "md",
  markdown: "md",
  xlsx: "xlsx",
};

/**
 * The output format of a command that can write `allowed`; `piped` says standard output is
 * not a terminal. A grouping goes out as CSV when piped (a coordinator's `> grupper.csv`).
 */
export function outputFormat(
  command: string,
  allowed: readonly Format[],
  format: Format | undefined,
  out: string | undefined,
  piped: boolean,
): Format {
  if (format) return format;
  if (out !== undefined) {
    const ext = /\.([^./\\]+)$/.exec(out)?.[1]?.toLowerCase();
    if (ext !== undefined) {
      const known = EXTENSIONS[ext];
      if (known === undefined || !allowed.includes(known)) {
        throw new UsageError(
          "unknown_extension",
          { flag: "--out", extension: ext, allowed: [...allowed] },
          command,
        );
      }
      return known;
    }
    return allowed.includes("csv") ? "csv" : "md";
  }
  return piped && allowed.includes("csv") ? "csv" : "md";
}

/** The report file's format must be Markdown (or JSON). */
export function checkReportPath(command: string, path: string | undefined): void {
  if (path === undefined) return;
  const ext = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase();
  if (ext !== undefined && ext !== "md" && ext !== "markdown" && ext !== "txt") {
    throw new UsageError("unknown_extension", { flag: "--report", extension: ext, allowed: ["md"] }, command);
  }
}

export async function emit(text: string, out: string | undefined, io: CliIo): Promise<void> {
  if (out === undefined) await io.stdout.write(text);
  else await writeFile(out, text, io);
}

export async function writeFile(path: string, text: string | Uint8Array, io: CliIo): Promise<void> {
  try {
    await io.writeFile(path, text);
  } catch (error) {
    throw new FileError(path, "write", (error as NodeJS.ErrnoException).code);
  }
}

export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
