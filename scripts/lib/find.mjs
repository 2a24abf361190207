// Tiny recursive file finder (Node 20 has no fs.glob). Skips node_modules and dot folders.
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './run.mjs';

function walk(dir, suffix, out) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, suffix, out);
    else if (entry.name.endsWith(suffix)) out.push(path);
  }
}

/** Files ending in `suffix` under each of `dirs` (relative to the root; `packages/*` expands one level). */
export function findFiles(dirs, suffix) {
  const out = [];
  for (const pattern of dirs) {
    const [head, ...rest] = pattern.split('/*/');
    const bases =
      rest.length === 0
        ? [join(ROOT, head)]
        : existsSync(join(ROOT, head))
          ? readdirSync(join(ROOT, head), { withFileTypes: true })
              .filter((d) => d.isDirectory())
              .map((d) => join(ROOT, head, d.name, rest.join('/*/')))
          : [];
    for (const base of bases) if (existsSync(base)) walk(base, suffix, out);
  }
  return [...new Set(out)].map((p) => relative(ROOT, p)).sort();
}
