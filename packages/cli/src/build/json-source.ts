/**
 * Reads a JSON file and remembers where every value starts, so an error about any node
 * (found by JSON pointer) can be reported as `file:line:column`.
 *
 * A small recursive-descent parser: JSON.parse reports only an offset for syntax errors and
 * nothing at all for the position of a valid node.
 */
import { readFile } from 'node:fs/promises';
import { BuildError, escapePointerToken } from './build-error.js';

export interface JsonSource {
  /** Absolute path of the file. */
  readonly file: string;
  /** Path as shown in messages (relative to the working directory when possible). */
  readonly display: string;
  readonly value: unknown;
  /** Line and column (1-based) of the value at `pointer`, or of its closest existing ancestor. */
  locate(pointer: string): { line: number; column: number };
  /** A BuildError located at `pointer` in this file. */
  error(pointer: string, message: string): BuildError;
}

class Parser {
  readonly offsets = new Map<string, number>();
  #i = 0;
  #pointer = '';

  constructor(
    readonly text: string,
    readonly fail: (offset: number, pointer: string, message: string) => never,
  ) {}

  parse(): unknown {
    this.#ws();
    const value = this.#value();
    this.#ws();
    if (this.#i < this.text.length) this.fail(this.#i, '', 'unexpected text after the JSON value');
    return value;
  }

  #ws(): void {
    while (this.#i < this.text.length && ' \t\r\n'.includes(this.text[this.#i]!)) this.#i++;
  }

  #expect(ch: string): void {
    if (this.text[this.#i] !== ch) this.fail(this.#i, this.#pointer, `expected "${ch}" but found ${this.#found()}`);
    this.#i++;
  }

  #found(): string {
    return this.#i >= this.text.length ? 'the end of the file' : JSON.stringify(this.text[this.#i]);
  }

  #value(): unknown {
    this.offsets.set(this.#pointer, this.#i);
    const ch = this.text[this.#i];
    if (ch === '{') return this.#object();
    if (ch === '[') return this.#array();
    if (ch === '"') return this.#string();
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return this.#number();
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, this.#i)) {
        this.#i += word.length;
        return value;
      }
    }
    return this.fail(this.#i, this.#pointer, `expected a JSON value but found ${this.#found()}`);
  }

  #object(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const parent = this.#pointer;
    this.#i++;
    this.#ws();
    if (this.text[this.#i] === '}') {
      this.#i++;
      return out;
    }
    for (;;) {
      this.#ws();
      if (this.text[this.#i] !== '"') this.fail(this.#i, parent, `expected a property name but found ${this.#found()}`);
      const key = this.#string();
      if (Object.prototype.hasOwnProperty.call(out, key)) {
        this.fail(this.#i - key.length - 2, parent, `duplicate property "${key}"`);
      }
      this.#ws();
      this.#expect(':');
      this.#ws();
      this.#pointer = `${parent}/${escapePointerToken(key)}`;
      out[key] = this.#value();
      this.#pointer = parent;
      this.#ws();
      if (this.text[this.#i] === ',') {
        this.#i++;
        continue;
      }
      this.#expect('}');
      return out;
    }
  }

  #array(): unknown[] {
    const out: unknown[] = [];
    const parent = this.#pointer;
    this.#i++;
    this.#ws();
    if (this.text[this.#i] === ']') {
      this.#i++;
      return out;
    }
    for (;;) {
      this.#ws();
      this.#pointer = `${parent}/${out.length}`;
      out.push(this.#value());
      this.#pointer = parent;
      this.#ws();
      if (this.text[this.#i] === ',') {
        this.#i++;
        continue;
      }
      this.#expect(']');
      return out;
    }
  }

  #string(): string {
    const start = this.#i;
    this.#i++;
    while (this.#i < this.text.length) {
      const ch = this.text[this.#i]!;
      if (ch === '"') {
        this.#i++;
        try {
          return JSON.parse(this.text.slice(start, this.#i)) as string;
        } catch {
          return this.fail(start, this.#pointer, 'invalid escape or control character in string');
        }
      }
      if (ch === '\\') this.#i++;
      else if (ch === '\n') break;
      this.#i++;
    }
    return this.fail(start, this.#pointer, 'unterminated string');
  }

  #number(): number {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.text.slice(this.#i));
    if (!m) return this.fail(this.#i, this.#pointer, 'invalid number');
    this.#i += m[0].length;
    return Number(m[0]);
  }
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Parses `text` as the content of `file`; throws BuildError with the position of a syntax error. */
export function parseJsonSource(text: string, file: string, display: string = file): JsonSource {
  const fail = (offset: number, pointer: string, message: string): never => {
    const { line, column } = lineColumn(text, offset);
    throw new BuildError(display, line, column, pointer, `invalid JSON: ${message}`);
  };
  const parser = new Parser(text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text, fail);
  const value = parser.parse();
  const locate = (pointer: string): { line: number; column: number } => {
    let p = pointer;
    for (;;) {
      const offset = parser.offsets.get(p);
      if (offset !== undefined) return lineColumn(text, offset);
      if (p === '') return { line: 1, column: 1 };
      p = p.slice(0, p.lastIndexOf('/'));
    }
  };
  return {
    file,
    display,
    value,
    locate,
    error(pointer, message) {
      const { line, column } = locate(pointer);
      return new BuildError(display, line, column, pointer, message);
    },
  };
}

/** Reads and parses a JSON file; an unreadable file is a BuildError at 1:1. */
export async function readJsonSource(file: string, display: string = file): Promise<JsonSource> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new BuildError(display, 1, 1, '', `cannot read file: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  return parseJsonSource(text, file, display);
}
