#!/usr/bin/env node
// The `hoso` command. Its code is compiled TypeScript (../dist), and some commands load other packages' dist
// (`hoso serve`: @hoso/server): on a tree never built, say so in one line instead of a module-resolution stack.
const io = {
  out: (l) => process.stdout.write(l + '\n'),
  err: (l) => process.stderr.write(l + '\n'),
  cwd: process.cwd(),
};

/** True (after printing the one line) when `e` is a module of this repository's build that is missing. */
function notBuilt(e) {
  if (e?.code !== 'ERR_MODULE_NOT_FOUND') return false;
  const what = /Cannot find (?:module|package) '([^']+)'/.exec(String(e.message))?.[1] ?? 'a built module';
  process.stderr.write(`hoso: not built yet (${what} is missing): run \`pnpm build\` first\n`);
  return true;
}

let main;
try {
  ({ main } = await import('../dist/main.js'));
} catch (e) {
  if (!notBuilt(e)) throw e;
  process.exit(2);
}
main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    if (!notBuilt(e)) process.stderr.write(`hoso: ${e?.stack ?? e}\n`);
    process.exitCode = 2;
  },
);
