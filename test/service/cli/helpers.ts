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
    },
    stderr: {
      write: (t) => {
        stderr += t;
      },
      isTTY: options.tty === true,
    },
    readStdin:
      options.readStdin ??
      (async () =>
        typeof options.stdin === "string"
          ? new TextEncoder().encode(options.stdin)
          : (options.stdin ?? new Uint8Array())),
    exit: (code) => void exits.push(code),
    writeFile: async (path, text) => {
      written.push(path);
      const { writeFile } = await import("node:fs/promises");
      await writeFile(path, text, "utf8");
    },
  };
  const code = await main(args, io);
  return { code, stdout, stderr, exits, written };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "tverr-cli-"));
}

export function read(path: string): string {
  return readFileSync(path, "utf8");
}
