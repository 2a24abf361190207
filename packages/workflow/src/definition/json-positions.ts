/**
 * Where each value of a JSON text starts: JSON pointer → line and column (1-based).
 * A small recursive-descent reader, enough to point a designer at the right place.
 */
export interface Position {
  line: number;
  column: number;
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: Position,
  ) {
    super(`${message} at ${position.line}:${position.column}`);
    this.name = 'JsonSyntaxError';
  }
}

const escape = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

export function jsonPositions(text: string): Map<string, Position> {
  const map = new Map<string, Position>();
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const pos = (): Position => ({ line, column: i - lineStart + 1 });
  const fail = (msg: string): never => {
    throw new JsonSyntaxError(msg, pos());
  };
  const ws = (): void => {
    while (i < text.length) {
      const ch = text[i];
      if (ch === '\n') {
        line += 1;
        lineStart = i + 1;
      } else if (ch !== ' ' && ch !== '\t' && ch !== '\r') break;
      i += 1;
    }
  };
  const str = (): string => {
    const start = i;
    i += 1;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i += 1;
      else if (text[i] === '\n') fail('unterminated string');
      i += 1;
    }
    if (text[i] !== '"') fail('unterminated string');
    i += 1;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (pointer: string): void => {
    ws();
    map.set(pointer, pos());
    const ch = text[i];
    if (ch === '{') {
      i += 1;
      ws();
      if (text[i] === '}') {
        i += 1;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a property name');
        const key = str();
        ws();
        if (text[i] !== ':') fail('expected ":"');
        i += 1;
        value(`${pointer}/${escape(key)}`);
        ws();
        if (text[i] === ',') i += 1;
        else if (text[i] === '}') {
          i += 1;
          return;
        } else fail('expected "," or "}"');
      }
    } else if (ch === '[') {
      i += 1;
      ws();
      if (text[i] === ']') {
        i += 1;
        return;
      }
      for (let n = 0; ; n++) {
        value(`${pointer}/${n}`);
        ws();
        if (text[i] === ',') i += 1;
        else if (text[i] === ']') {
          i += 1;
          return;
        } else fail('expected "," or "]"');
      }
    } else if (ch === '"') str();
    else {
      const m = /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 64));
      if (!m) fail('unexpected character');
      i += (m as RegExpExecArray)[0].length;
    }
  };
  value('');
  ws();
  if (i < text.length) fail('unexpected text after the JSON value');
  return map;
}

/** The position of a pointer, or of its nearest existing parent. */
export function positionOf(map: Map<string, Position>, pointer: string): Position {
  for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
    const found = map.get(p);
    if (found) return found;
    if (p === '') return { line: 1, column: 1 };
  }
}
