/**
 * The CLI's contact with the outside world, injectable so tests run `main` in-process:
 * standard output and error, standard input, files, and the exit code.
 */
import { readFile, writeFile } from "node:fs/promises";
import { UsageError } from "./errors.js";

export interface CliStream {
  /** Resolves when the text is handed to the operating system (or the reader went away). */
  write(text: string): void | Promise<void>;
  /** A terminal: progress lines are drawn only there. */
  isTTY?: boolean;
}

export interface CliIo {
  stdout: CliStream;
  stderr: CliStream;
  /** All of standard input, as bytes. */
  readStdin(): Promise<Uint8Array>;
  readFile(path: string): Promise<Uint8Array>;
  /** Text is written as UTF-8; bytes (a workbook) as they are. */
  writeFile(path: string, text: string | Uint8Array): Promise<void>;
  /** Called once, after every output has been written. */
  exit(code: number): void;
}

function nodeStream(stream: NodeJS.WriteStream): CliStream {
  // A reader that went away (`tverr … | head`) is not an error of ours.
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  });
  return {
    isTTY: stream.isTTY === true,
    write: (text) =>
      new Promise<void>((resolve) => {
        stream.write(text, () => resolve());
      }),
  };
}

async function readAll(stream: NodeJS.ReadStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/** The real process. The exit code is set, not forced, so Node drains every stream first. */
export function nodeIo(): CliIo {
  return {
    stdout: nodeStream(process.stdout),
    stderr: nodeStream(process.stderr),
    readStdin: async () => {
      // Reading a terminal would wait for typing; `-` is for a roster piped in.
      if (process.stdin.isTTY) throw new UsageError("stdin_tty", {});
      return readAll(process.stdin);
    },
    readFile: async (path) => readFile(path),
    writeFile: (path, text) =>
      typeof text === "string" ? writeFile(path, text, "utf8") : writeFile(path, text),
    exit: (code) => {
      process.exitCode = code;
    },
  };
}
