#!/usr/bin/env node
import { main } from '../dist/main.js';

const io = {
  out: (l) => process.stdout.write(l + '\n'),
  err: (l) => process.stderr.write(l + '\n'),
  cwd: process.cwd(),
};
main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`hoso: ${e?.stack ?? e}\n`);
    process.exitCode = 2;
  },
);
