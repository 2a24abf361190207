// Reading test counts from tool output.

/** The closing line every count is reported in: `N passed, N failed` (optionally more after it). */
export const COUNT_LINE = /^(\d+) passed, (\d+) failed/gm;

/** The last `N passed, N failed` line in `text`, as { passed, failed }, or null if there is none. */
export function lastCountLine(text) {
  const last = [...text.matchAll(COUNT_LINE)].at(-1);
  return last ? { passed: Number(last[1]), failed: Number(last[2]) } : null;
}

/**
 * Counts from the summary of Node's TAP reporter (`# pass N`, `# fail N`, `# cancelled N`, `# skipped N`,
 * `# todo N`). Cancelled tests count as failed, todo as skipped. Null if the text has no summary.
 */
export function tapCounts(text) {
  const get = (key) => new RegExp(`^# ${key} (\\d+)$`, 'm').exec(text)?.[1];
  if (get('pass') === undefined && get('fail') === undefined) return null;
  const n = (key) => Number(get(key) ?? 0);
  return { passed: n('pass'), failed: n('fail') + n('cancelled'), skipped: n('skipped') + n('todo') };
}
