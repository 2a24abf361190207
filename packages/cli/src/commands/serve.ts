/**
 * `hoso serve [--port <n>] [--host <addr>] [--data-dir <dir>]` — runs the reference backend (@hoso/server):
 * PGlite in the data folder (default `./.hoso-data`, or `HOSO_DATA_DIR`), or PostgreSQL when `DATABASE_URL` is
 * set. Prints the URL and how to get a development token; stops cleanly on Ctrl-C / SIGTERM.
 *
 * `hoso serve --dev-token <role[,role…]> <commune> [--sub <id>] [--name <name>]` prints a token signed with
 * `HOSO_JWT_SECRET` (or the public development secret) and exits.
 */
import type { Io } from '../main.js';

interface ServerModule {
  startServer(o: { port?: number; host?: string; dataDir?: string; log?: (l: string) => void }): Promise<{
    url: string;
    warnings: string[];
    close(): Promise<void>;
  }>;
  signToken(
    user: { sub: string; name: string; roles: string[]; commune: string },
    secret: string,
    expiresIn?: string,
  ): Promise<string>;
  DEV_JWT_SECRET: string;
}

const USAGE = [
  'usage: hoso serve [--port <n>] [--host <address>] [--data-dir <dir>]',
  '       hoso serve --dev-token <role[,role...]> <commune-code> [--sub <user id>] [--name <name>]',
];

/** The server package: the workspace copy next to this one, else an installed `@hoso/server`. */
async function loadServer(): Promise<ServerModule> {
  const sibling = new URL('../../../server/dist/index.js', import.meta.url).href;
  try {
    return (await import(sibling)) as ServerModule;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw e;
    const name = '@hoso/server';
    return (await import(name)) as ServerModule;
  }
}

function fail(io: Io, message: string): number {
  io.err(`hoso serve: ${message}`);
  for (const l of USAGE) io.err(l);
  return 2;
}

export async function run(args: string[], io: Io): Promise<number> {
  const o: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--help' || a === '-h') {
      for (const l of USAGE) io.out(l);
      return 0;
    }
    if (['--port', '--host', '--data-dir', '--sub', '--name'].includes(a)) {
      const v = args[++i];
      if (v === undefined) return fail(io, `${a} needs a value`);
      o[a.slice(2)] = v;
    } else if (a === '--dev-token') o['dev-token'] = '1';
    else if (a.startsWith('--')) return fail(io, `unknown option ${a}`);
    else positional.push(a);
  }
  const server = await loadServer();
  const secret = process.env['HOSO_JWT_SECRET'] || server.DEV_JWT_SECRET;

  if (o['dev-token']) {
    const [roles, commune] = positional;
    if (!roles || !commune) return fail(io, '--dev-token needs <role[,role...]> and <commune-code>');
    const list = roles.split(',').filter(Boolean);
    const sub = o['sub'] ?? `dev-${list[0]}`;
    io.out(await server.signToken({ sub, name: o['name'] ?? sub, roles: list, commune }, secret, '12h'));
    return 0;
  }
  if (positional.length) return fail(io, `unexpected argument "${positional[0]}"`);
  const port = o['port'] === undefined ? Number(process.env['PORT'] ?? 8787) : Number(o['port']);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    return fail(io, `--port must be 0-65535, got "${o['port']}"`);

  const running = await server.startServer({
    port,
    ...(o['host'] ? { host: o['host'] } : {}),
    ...(o['data-dir'] ? { dataDir: o['data-dir'] } : {}),
    log: (l) => io.err(l),
  });
  io.out(`hoso server listening on ${running.url}`);
  io.out(
    `  database: ${process.env['DATABASE_URL'] ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${o['data-dir'] ?? process.env['HOSO_DATA_DIR'] ?? '.hoso-data'}`}`,
  );
  io.out(`  API: ${running.url}/openapi.json   health: ${running.url}/health`);
  io.out('  a development token: hoso serve --dev-token commune-officer <commune-code>');
  io.out(`    then: curl -H "Authorization: Bearer <token>" "${running.url}/cases?commune=<commune-code>"`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  io.err('hoso serve: stopping');
  await running.close();
  return 0;
}
