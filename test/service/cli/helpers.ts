import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { CliIo } from "../../../service/cli/io.js";
import { main } from "../../../service/cli/main.js";

export const root = fileURLToPath(new URL("../../../", import.meta.url));
export const data = (name: string) => join(root, "data", name);

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** Codes passed to io.exit (exactly one per run). */
  exits: number[];
  /** Paths written through io.writeFile. */
  written: string[];
}

export interface RunOptions {
  stdin?: string | Uint8Array;
  /** Pretend standard error is a terminal. */
  tty?: boolean;
  readStdin?: () => Promise<Uint8Array>;
  /** Standard output is piped (not a terminal); default: a terminal. */
  piped?: boolean;
  /** The environment main sees; default `{ TVERR_LANG: "en" }` (English messages). */
  env?: Record<string, string | undefined>;
  /** Aborted to interrupt a search, as Ctrl-C does. */
  signal?: AbortSignal;
  /** Read files through this instead of the disk (default: the disk). */
  readFile?: (path: string) => Promise<Uint8Array>;
  /** Sees each write to standard error as it happens (a progress line, say). */
  onStderr?: (text: string) => void;
}

/** Run the CLI in-process with captured streams; files are real (use a temp folder). */
export async function tverr(args: string[], options: RunOptions = {}): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const exits: number[] = [];
  const written: string[] = [];
  const io: Partial<CliIo> = {
    stdout: {
      write: (t) => {
        stdout += t;
      },
      isTTY: options.piped !== true,
    },
    stderr: {
      write: (t) => {
        stderr += t;
        options.onStderr?.(t);
      },
      isTTY: options.tty === true,
    },
    readStdin:
      options.readStdin ??
      (async () =>
        typeof options.stdin === "string"
          ? new TextEncoder().encode(options.stdin)
          : (options.stdin ?? new Uint8Array())),
    ...(options.readFile ? { readFile: options.readFile } : {}),
    exit: (code) => void exits.push(code),
    writeFile: async (path, text) => {
      written.push(path);
      const { writeFile } = await import("node:fs/promises");
      await writeFile(path, text, "utf8");
    },
  };
  const code = await main(args, io, {
    env: options.env ?? { TVERR_LANG: "en" },
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return { code, stdout, stderr, exits, written };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "tverr-cli-"));
}

export function read(path: string): string {
  return readFileSync(path, "utf8");
}
