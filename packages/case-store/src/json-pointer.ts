/**
 * JSON pointers (RFC 6901) over plain JSON data, for draft migrations: read, write (creating missing objects on
 * the way) and remove, each on data the caller owns. Only what `migrateDraft` needs: no `-` index.
 */

/** The reference tokens of `pointer` (`/a~1b/0` → `['a/b', '0']`); throws on anything but a non-root pointer. */
export function parsePointer(pointer: unknown): string[] {
  if (typeof pointer !== 'string' || !pointer.startsWith('/') || pointer === '/') {
    throw new TypeError(`${JSON.stringify(pointer)} is not a JSON pointer to a field (such as "/person/idNumber")`);
  }
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** `/family/0/name` → `family.0.name`, the dotted path the forms use. */
export function dottedPath(pointer: string): string {
  return parsePointer(pointer).join('.');
}

type Container = Record<string, unknown> | unknown[];
const isContainer = (v: unknown): v is Container => typeof v === 'object' && v !== null;

function child(parent: unknown, token: string): unknown {
  if (Array.isArray(parent)) return /^(0|[1-9]\d*)$/.test(token) ? parent[Number(token)] : undefined;
  if (isContainer(parent) && Object.prototype.hasOwnProperty.call(parent, token))
    return (parent as Record<string, unknown>)[token];
  return undefined;
}

/** The value at `pointer`, or `undefined`. */
export function getAt(root: unknown, pointer: string): unknown {
  return parsePointer(pointer).reduce<unknown>((value, token) => child(value, token), root);
}

/**
 * Writes `value` at `pointer`, creating missing objects on the way. Returns false (and changes nothing) when a
 * value on the way is not an object or array, or an array index is not a number.
 */
export function setAt(root: Container, pointer: string, value: unknown): boolean {
  const tokens = parsePointer(pointer);
  let parent: unknown = root;
  for (const [i, token] of tokens.entries()) {
    const last = i === tokens.length - 1;
    if (Array.isArray(parent)) {
      if (!/^(0|[1-9]\d*)$/.test(token) || Number(token) > parent.length) return false;
    } else if (!isContainer(parent)) {
      return false;
    }
    const holder = parent as Record<string, unknown>;
    if (last) {
      holder[token] = value;
      return true;
    }
    // A missing step becomes {}: the rest of the way is then new objects, so nothing can fail after this.
    if (holder[token] === undefined) holder[token] = {};
    parent = holder[token];
  }
  return false;
}

/** Removes what is at `pointer` (an array element is spliced out). */
export function removeAt(root: unknown, pointer: string): void {
  const tokens = parsePointer(pointer);
  const parent = tokens.slice(0, -1).reduce<unknown>((value, token) => child(value, token), root);
  const last = tokens[tokens.length - 1]!;
  if (Array.isArray(parent)) {
    if (/^(0|[1-9]\d*)$/.test(last) && Number(last) < parent.length) parent.splice(Number(last), 1);
  } else if (isContainer(parent)) {
    delete (parent as Record<string, unknown>)[last];
  }
}

/** Structural equality of JSON values. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!isContainer(a) || !isContainer(b) || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}
