/**
 * The engines a benchmark runs: this checkout's, and with --baseline REF another revision's,
 * checked out for the invocation as a temporary git worktree (detached, its node_modules a
 * link to this checkout's) and removed afterwards. Children import each tree's
 * engine/index.ts through tsx, so a before/after comparison runs in one invocation on the
 * same problems.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, symlinkSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export interface EngineTree {
  /** Column label: "this tree" or the ref as given. */
  label: string;
  /** Short commit of the engine (see revisionOf), or of the ref for a baseline. */
  revision: string;
  /** Path of the tree's engine/index.ts. */
  engine: string;
  /** Search tuning passed to the engine (`runtime.search`), for a variant of one tree. */
  search?: Record<string, unknown>;
}

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

function git(args: string[], cwd = ROOT): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
}

/**
 * The revision of a checkout's engine: the last commit that changed engine/, with "+changes"
 * when engine/ has uncommitted changes (benchmark and test edits do not count).
 */
export function revisionOf(cwd = ROOT): string {
  try {
    const commit = git(["log", "-1", "--format=%h", "--", "engine"], cwd);
    const dirty = git(["status", "--porcelain", "--", "engine"], cwd) !== "";
    return dirty ? `${commit}+changes` : commit;
  } catch {
    return "unknown";
  }
}

/** "this tree (6a4f3aa)", "main (d8f0419)"; a ref that is its own short commit is not repeated. */
export function engineLabel(tree: EngineTree): string {
  return tree.revision.startsWith(tree.label) || tree.label.startsWith(tree.revision)
    ? tree.label
    : `${tree.label} (${tree.revision})`;
}

export function currentTree(): EngineTree {
  return { label: "this tree", revision: revisionOf(), engine: join(ROOT, "engine", "index.ts") };
}

export interface BaselineTree extends EngineTree {
  dispose: () => void;
}

/** Check out `ref` into a temporary worktree; `dispose` (also run on exit) removes it. */
export function baselineTree(ref: string): BaselineTree {
  const commit = git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  const dir = mkdtempSync(join(tmpdir(), "tverr-baseline-"));
  git(["worktree", "add", "--detach", "--quiet", dir, commit]);
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  const engine = join(dir, "engine", "index.ts");
  let disposed = false;
  const dispose = () => {
    if (disposed) return;
    disposed = true;
    // Unlink the node_modules link first, so removing the tree can never reach this checkout's.
    try {
      unlinkSync(join(dir, "node_modules"));
    } catch {}
    try {
      git(["worktree", "remove", "--force", dir]);
    } catch {
      rmSync(dir, { recursive: true, force: true });
      git(["worktree", "prune"]);
    }
  };
  process.once("exit", dispose);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      dispose();
      process.exit(130);
    });
  }
  if (!existsSync(engine)) {
    dispose();
    throw new Error(`${ref} (${commit.slice(0, 7)}) has no engine/index.ts`);
  }
  return { label: ref, revision: commit.slice(0, 7), engine, dispose };
}

/**
 * The engines a benchmark invocation compares: this tree (tuned by `search`), this tree again
 * tuned by `vs`, and `baseline`'s. A variant applies to this tree only: another revision's
 * engine may not know its settings.
 */
export function treesToRun(options: { search?: string; vs?: string; baseline?: string }): {
  trees: EngineTree[];
  baseline: BaselineTree | undefined;
} {
  const tuned = (label: string, json: string | undefined): EngineTree => {
    const tree = currentTree();
    return json ? { ...tree, label, search: JSON.parse(json) as Record<string, unknown> } : tree;
  };
  const trees: EngineTree[] = [tuned("this tree", options.search)];
  if (options.vs) trees.push(tuned(`this tree ${options.vs}`, options.vs));
  const baseline = options.baseline ? baselineTree(options.baseline) : undefined;
  if (baseline) trees.push(baseline);
  return { trees, baseline };
}
