/**
 * `hoso` — the command line for form designers and CI. Node only.
 *
 * Each command lives in `commands/<name>.ts` and exports `run(args, io)`; it returns the exit code:
 * 0 success, 1 the input has problems (e.g. `check` found errors), 2 bad usage or unreadable input.
 */
export interface Io {
  out(line: string): void;
  err(line: string): void;
  cwd: string;
}

export type Command = (args: string[], io: Io) => Promise<number>;

const commands: Record<string, { summary: string }> = {
  build: { summary: 'generate precompiled validators and bundled form modules from schemas/ and workflows/' },
  check: { summary: 'check schemas, UI schemas, messages and machines together' },
  due: { summary: 'compute a legal due date: hoso due --from <date> --working-days <n> | --days <n> | --hours <n>' },
  simulate: { summary: 'run a scenario through a procedure: hoso simulate <scenario.json>' },
  serve: {
    summary:
      'run the reference backend (@hoso/server): hoso serve [--port <n>] [--data-dir <dir>] | --dev-token <roles> <commune>',
  },
  readme: {
    summary: 'write workflows/<id>/README.md from the machine, law and forms: hoso readme [--check] [<id>...]',
  },
};

function usage(io: Io): void {
  io.err('usage: hoso <command> [options]');
  for (const [name, c] of Object.entries(commands)) io.err(`  ${name.padEnd(9)} ${c.summary}`);
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h') {
    usage(io);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    io.err(`hoso: unknown command "${name}"`);
    usage(io);
    return 2;
  }
  let mod: { run: Command };
  try {
    mod = (await import(`./commands/${name}.js`)) as { run: Command };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') {
      io.err(`hoso: the "${name}" command is not available in this build`);
      return 2;
    }
    throw e;
  }
  return mod.run(args, io);
}
