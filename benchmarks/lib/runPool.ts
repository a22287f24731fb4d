/** Run async tasks in order, at most `jobs` at a time; results keep the tasks' order. */
export async function runPool<T>(tasks: readonly (() => Promise<T>)[], jobs = 1): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const lane = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, tasks.length)) }, lane));
  return results;
}
