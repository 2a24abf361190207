/**
 * Where a JSON text stops being JSON, as `line, column` and a short reason, the same in every browser (their own
 * `JSON.parse` messages differ, and WebKit's give no position). Used only after `JSON.parse` has failed.
 */

export interface JsonSyntaxProblem {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
  message: string;
}

class Stop extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const show = (ch: string | undefined) => (ch === undefined ? 'the end of the file' : `"${ch}"`);

/** The first syntax error in `text`, or `undefined` when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxProblem | undefined {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i += 1;
  };
  const expect = (ch: string, what: string) => {
    if (text[i] !== ch) throw new Stop(i, `expected ${what}, found ${show(text[i])}`);
    i += 1;
  };
  const string = () => {
    expect('"', 'a string');
    for (;;) {
      const ch = text[i];
      if (ch === undefined) throw new Stop(i, 'unterminated string');
      if (ch === '"') return void (i += 1);
      if (ch < ' ') throw new Stop(i, 'a control character (such as a line break) inside a string');
      if (ch === '\\') {
        const esc = text[i + 1];
        if (esc === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) throw new Stop(i, 'a \\u escape needs 4 hex digits');
          i += 6;
        } else if (esc !== undefined && '"\\/bfnrt'.includes(esc)) {
          i += 2;
        } else {
          throw new Stop(i, `invalid escape \\${esc ?? ''}`);
        }
      } else {
        i += 1;
      }
    }
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{') {
      i += 1;
      ws();
      if (text[i] === '}') return void (i += 1);
      for (;;) {
        ws();
        string();
        ws();
        expect(':', '":"');
        value();
        ws();
        if (text[i] === ',') i += 1;
        else return expect('}', '"," or "}"');
      }
    }
    if (ch === '[') {
      i += 1;
      ws();
      if (text[i] === ']') return void (i += 1);
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i += 1;
        else return expect(']', '"," or "]"');
      }
    }
    if (ch === '"') return string();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) return void (i += word.length);
    }
    NUMBER.lastIndex = i;
    if (ch !== undefined && /[-0-9]/.test(ch) && NUMBER.test(text)) return void (i = NUMBER.lastIndex);
    throw new Stop(i, `expected a value, found ${show(ch)}`);
  };
  try {
    value();
    ws();
    if (i < text.length) throw new Stop(i, `unexpected ${show(text[i])} after the end of the JSON value`);
    return undefined;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    const before = text.slice(0, error.offset);
    const line = before.split('\n').length;
    return { line, column: error.offset - before.lastIndexOf('\n'), message: error.message };
  }
}
