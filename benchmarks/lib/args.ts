/**
 * A script's flags, parsed strictly. `--help` prints the script's usage, which is its opening
 * comment (so the usage cannot drift from the documentation), and a flag it does not know is
 * one line and that usage on stderr with exit code 2, not a stack trace.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type ParseArgsConfig, parseArgs } from "node:util";

type Options = NonNullable<ParseArgsConfig["options"]>;

const HELP = { help: { type: "boolean", short: "h" } } as const;

export function scriptArgs<const O extends Options>(scriptUrl: string, options: O) {
  try {
    const { values } = parseArgs({ options: { ...options, ...HELP } });
    if ((values as { help?: boolean }).help) {
      process.stdout.write(usage(scriptUrl));
      process.exit(0);
    }
    return values;
  } catch (error) {
    if (!String((error as { code?: unknown }).code).startsWith("ERR_PARSE_ARGS")) throw error;
    process.stderr.write(`${(error as Error).message}\n\n${usage(scriptUrl)}`);
    process.exit(2);
  }
}

/** The script's opening block comment, without its comment marks. */
function usage(scriptUrl: string): string {
  const source = readFileSync(fileURLToPath(scriptUrl), "utf8");
  const block = /^\/\*\*([\s\S]*?)\*\//.exec(source)?.[1] ?? "";
  return `${block
    .split("\n")
    .map((line) => line.replace(/^\s*\* ?/, ""))
    .join("\n")
    .trim()}\n`;
}
