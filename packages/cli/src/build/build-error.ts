/**
 * An error in a designer's input file, located precisely enough to jump to it:
 * printed as `file:line:column JSON-pointer message` (the `hoso build` exit code for these is 2).
 */
export class BuildError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly pointer: string,
    readonly detail: string,
  ) {
    super(`${file}:${line}:${column} ${pointer || '/'} ${detail}`);
    this.name = 'BuildError';
  }
}

/** Escapes one reference token of a JSON pointer (RFC 6901). */
export function escapePointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Splits a JSON pointer (`/a/b~1c`) into its unescaped tokens. */
export function pointerTokens(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return pointer === '/' ? [''] : [];
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}
