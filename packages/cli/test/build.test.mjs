// `hoso build` on a tiny fixture tree in a temp dir. Run after `npx tsc -b`: node --test packages/cli/test/
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'hoso.mjs');
const { schemaKey } = await import('@hoso/forms/validation');

/** Writes `files` (path -> JSON value or raw string) under a fresh temp dir; returns its path. */
function tree(files) {
  const root = mkdtempSync(join(tmpdir(), 'hoso-build-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), typeof content === 'string' ? content : JSON.stringify(content, null, 2) + '\n');
  }
  return root;
}

function build(root, extra = []) {
  const args = [
    '--schemas',
    'schemas',
    '--out',
    'out/schemas',
    '--workflows',
    'workflows',
    '--workflows-out',
    'out/wf',
  ];
  return spawnSync(process.execPath, [cli, 'build', ...args, ...extra], { cwd: root, encoding: 'utf8' });
}

const phone = { type: 'string', title: 'Số điện thoại', pattern: '^(0|\\+84)(3|5|7|8|9)\\d{8}$' };
const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: {
    kind: {
      type: 'string',
      oneOf: [
        { const: 'a', title: 'A' },
        { const: 'b', title: 'B' },
      ],
    },
    phone: { $ref: '../../defs/phone.json', title: 'Điện thoại liên hệ' },
    people: { type: 'array', items: { $ref: '#/definitions/person' } },
  },
  required: ['kind'],
  definitions: {
    person: {
      type: 'object',
      properties: { name: { type: 'string', minLength: 2 }, phone: { $ref: '../../defs/phone.json' } },
    },
  },
};
const orCondition = {
  type: 'OR',
  conditions: [
    { scope: '#/properties/kind', schema: { const: 'a' } },
    {
      type: 'AND',
      conditions: [
        { scope: '#/properties/kind', schema: { enum: ['b'] } },
        { scope: '#/properties/phone', schema: { minLength: 10 } },
      ],
    },
  ],
};
const uischema = {
  type: 'VerticalLayout',
  elements: [
    { type: 'Control', scope: '#/properties/kind' },
    { type: 'Control', scope: '#/properties/phone', rule: { effect: 'SHOW', condition: orCondition } },
    {
      type: 'Control',
      scope: '#/properties/people',
      options: {
        detail: {
          type: 'VerticalLayout',
          elements: [
            {
              type: 'Control',
              scope: '#/properties/name',
              rule: { effect: 'ENABLE', condition: { scope: '#/properties/name', schema: { maxLength: 50 } } },
            },
          ],
        },
      },
    },
  ],
};
const machine = {
  id: 'p',
  initial: 'a',
  states: {
    a: {
      on: {
        GO: [
          {
            target: 'b',
            guard: {
              type: 'condition',
              params: {
                condition: {
                  type: 'AND',
                  conditions: [
                    { scope: '#/properties/age', schema: { minimum: 18 } },
                    { scope: '#/properties/ok', schema: { const: true } },
                  ],
                },
              },
            },
          },
        ],
      },
    },
    b: {
      always: {
        target: 'a',
        guard: { type: 'condition', params: { condition: { scope: '#/properties/age', schema: { maximum: 11 } } } },
      },
    },
  },
};
const goodTree = {
  'schemas/defs/phone.json': phone,
  'schemas/proc/form/schema.json': schema,
  'schemas/proc/form/uischema.json': uischema,
  'schemas/proc/form/messages.vi.json': { 'phone.error.pattern': 'Số di động 10 số' },
  'schemas/proc/form/messages.en.json': { 'phone.label': 'Phone', 'phone.error.pattern': 'A 10-digit mobile number' },
  'workflows/proc/machine.json': machine,
};

describe('hoso build on a good tree', () => {
  let root;
  let result;
  let mod;
  before(async () => {
    root = tree(goodTree);
    result = build(root);
    if (result.status === 0) mod = await import(pathToFileURL(join(root, 'out/schemas/proc/form.js')).href);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('exits 0 and writes the form module, its types, the index and the conditions module', () => {
    assert.equal(result.status, 0, result.stderr);
    for (const f of [
      'out/schemas/proc/form.js',
      'out/schemas/proc/form.d.ts',
      'out/schemas/index.js',
      'out/schemas/index.d.ts',
      'out/wf/conditions.js',
    ]) {
      assert.ok(existsSync(join(root, f)), f);
    }
    assert.match(result.stdout, /1 form\(s\), 1 machine\(s\)/);
  });

  it('generates code with no eval, no new Function and no require', () => {
    for (const f of ['out/schemas/proc/form.js', 'out/wf/conditions.js']) {
      const code = readFileSync(join(root, f), 'utf8');
      assert.doesNotMatch(code, /new Function|eval\(/, f);
      // ajv keeps `fn.code = 'require("…")'` as a string for its own code generator; no call may remain.
      assert.doesNotMatch(code.replace(/'require\("[^"]*"\)[^']*'/g, ''), /\brequire\(|__require/, f);
    }
  });

  it('exports a bundled schema with no $ref, keeping the title beside the $ref', () => {
    assert.doesNotMatch(JSON.stringify(mod.schema), /\$ref/);
    assert.equal(mod.schema.properties.phone.title, 'Điện thoại liên hệ');
    assert.equal(mod.schema.properties.phone.pattern, phone.pattern);
    assert.equal(mod.schema.properties.people.items.properties.phone.pattern, phone.pattern);
    assert.equal(mod.schema.definitions, undefined);
    assert.deepEqual(mod.uischema, uischema);
    assert.equal(mod.messages.vi['phone.error.pattern'], 'Số di động 10 số');
    assert.equal(mod.messages.en['phone.label'], 'Phone');
  });

  it('validates with the precompiled schema validator: accepts valid data, rejects bad data at the right instancePath', () => {
    const validate = mod.validators[schemaKey(mod.schema)];
    assert.equal(typeof validate, 'function');
    assert.equal(validate({ kind: 'a', phone: '0912345678', people: [{ name: 'An', phone: '+84351234567' }] }), true);
    assert.equal(
      validate({ kind: 'c', phone: '12345', people: [{ name: 'An' }, { name: 'B', phone: '0112345678' }] }),
      false,
    );
    const errors = validate.errors.map((e) => `${e.instancePath} ${e.keyword}`);
    assert.ok(errors.includes('/kind oneOf'), errors.join('; '));
    assert.ok(errors.includes('/phone pattern'), errors.join('; '));
    assert.ok(errors.includes('/people/1/name minLength'), errors.join('; '));
    assert.ok(errors.includes('/people/1/phone pattern'), errors.join('; '));
    assert.ok(
      validate.errors.every((e) => 'parentSchema' in e),
      'verbose errors carry the schema',
    );
    assert.equal(validate({}), false);
    assert.deepEqual(
      validate.errors.map((e) => [e.keyword, e.params.missingProperty]),
      [['required', 'kind']],
    );
  });

  it('precompiles every rule condition schema, through OR/AND and inside array detail UI schemas', () => {
    const [c1, and] = orCondition.conditions;
    const [c2, c3] = and.conditions;
    const nested = uischema.elements[2].options.detail.elements[0].rule.condition.schema;
    for (const s of [c1.schema, c2.schema, c3.schema, nested])
      assert.equal(typeof mod.validators[schemaKey(s)], 'function', JSON.stringify(s));
    assert.equal(Object.keys(mod.validators).length, 5);
    assert.equal(mod.validators[schemaKey(c1.schema)]('a'), true);
    assert.equal(mod.validators[schemaKey(c1.schema)]('b'), false);
    assert.equal(mod.validators[schemaKey({ enum: ['b'] })]('b'), true);
    assert.equal(mod.validators[schemaKey({ minLength: 10 })]('123'), false);
  });

  it('lists forms in the index with lazy imports, and names the known ones for an unknown id', async () => {
    const index = await import(pathToFileURL(join(root, 'out/schemas/index.js')).href);
    assert.deepEqual(Object.keys(index.forms), ['proc/form']);
    const loaded = await index.loadForm('proc/form');
    assert.equal(loaded.id, 'proc/form');
    assert.throws(() => index.loadForm('nope'), /Unknown form "nope". Known forms: proc\/form/);
  });

  it('writes .d.ts files that type-check and fit the validator type <hoso-form> takes', async () => {
    const ts = (await import('typescript')).default;
    const formsValidation = join(
      dirname(fileURLToPath(import.meta.url)),
      '..',
      '..',
      'forms',
      'src',
      'validation',
      'ajv-like.ts',
    );
    const check = join(root, 'check.ts');
    writeFileSync(
      check,
      [
        `import * as form from './out/schemas/proc/form.js';`,
        `import { loadForm, type FormModule } from './out/schemas/index.js';`,
        `import { conditionValidators } from './out/wf/conditions.js';`,
        `import type { ValidateFunction } from ${JSON.stringify(formsValidation.replace(/\.ts$/, '.js'))};`,
        `export const v: Readonly<Record<string, ValidateFunction>> = form.validators;`,
        `export const m: Promise<FormModule> = loadForm('proc/form');`,
        `export const c: boolean | undefined = conditionValidators['x']?.(1);`,
        `export const t: string | undefined = form.messages.en['phone.label'];`,
      ].join('\n'),
    );
    const program = ts.createProgram([check], {
      strict: true,
      noUncheckedIndexedAccess: true,
      noEmit: true,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      target: ts.ScriptTarget.ES2022,
      skipLibCheck: false,
      types: [],
    });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    assert.deepEqual(diagnostics, []);
  });

  it('writes workflow guard condition validators keyed by schemaKey', async () => {
    const { conditionValidators } = await import(pathToFileURL(join(root, 'out/wf/conditions.js')).href);
    assert.deepEqual(
      Object.keys(conditionValidators).sort(),
      [{ minimum: 18 }, { const: true }, { maximum: 11 }].map(schemaKey).sort(),
    );
    assert.equal(conditionValidators[schemaKey({ minimum: 18 })](18), true);
    assert.equal(conditionValidators[schemaKey({ minimum: 18 })](17), false);
    assert.equal(conditionValidators[schemaKey({ const: true })](true), true);
  });
});

describe('hoso build on bad input', () => {
  const roots = [];
  after(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));
  const run = (overrides, extra) => {
    const root = tree({ ...goodTree, ...overrides });
    roots.push(root);
    return build(root, extra);
  };

  it('fails with exit 2, file, line:column and JSON pointer for a $ref to a missing file', () => {
    const bad = { ...schema, properties: { ...schema.properties, phone: { $ref: '../../defs/phon.json' } } };
    const r = run({ 'schemas/proc/form/schema.json': bad });
    assert.equal(r.status, 2);
    const text = JSON.stringify(bad, null, 2).split('\n');
    const line = text.findIndex((l) => l.includes('phon.json')) + 1;
    const column = text[line - 1].indexOf('"../../defs/phon.json"') + 1;
    assert.match(
      r.stderr,
      new RegExp(
        `^schemas/proc/form/schema.json:${line}:${column} /properties/phone/\\$ref cannot resolve "\\$ref": "../../defs/phon.json"`,
      ),
    );
    assert.match(r.stderr, /ENOENT/);
  });

  it('fails for a $ref pointer that does not exist in the target file', () => {
    const bad = {
      ...schema,
      properties: { ...schema.properties, people: { type: 'array', items: { $ref: '#/definitions/persn' } } },
    };
    const r = run({ 'schemas/proc/form/schema.json': bad });
    assert.equal(r.status, 2);
    assert.match(
      r.stderr,
      /schema.json:\d+:\d+ \/properties\/people\/items\/\$ref cannot resolve "\$ref": "#\/definitions\/persn": "#\/definitions\/persn" does not exist/,
    );
  });

  it('fails for a circular $ref', () => {
    const r = run({
      'schemas/defs/phone.json': { $ref: '#/definitions/x', definitions: { x: { $ref: 'phone.json' } } },
    });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /is circular/);
  });

  it('fails with the position of a JSON syntax error', () => {
    const r = run({
      'schemas/proc/form/uischema.json': '{\n  "type": "VerticalLayout",\n  "elements": [ { "type": "Control" ]\n}\n',
    });
    assert.equal(r.status, 2);
    assert.match(
      r.stderr,
      /^schemas\/proc\/form\/uischema.json:3:37 \/elements\/0 invalid JSON: expected "}" but found "]"/,
    );
  });

  it('fails for a rule condition without a schema, pointing into the UI schema', () => {
    const bad = {
      type: 'VerticalLayout',
      elements: [
        {
          type: 'Control',
          scope: '#/properties/kind',
          rule: { effect: 'SHOW', condition: { scope: '#/properties/kind' } },
        },
      ],
    };
    const r = run({ 'schemas/proc/form/uischema.json': bad });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /uischema.json:\d+:\d+ \/elements\/0\/rule\/condition a condition needs a "schema"/);
  });

  it('fails for a schema ajv refuses, naming the file', () => {
    const r = run({ 'schemas/proc/form/schema.json': { ...schema, properties: { kind: { type: 'strin' } } } });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /schemas\/proc\/form\/schema.json:1:1 \/ ajv refused the bundled schema/);
  });

  it('fails for a non-string message', () => {
    const r = run({ 'schemas/proc/form/messages.en.json': { 'phone.label': 3 } });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /messages.en.json:2:\d+ \/phone.label message "phone.label" must be a string/);
  });

  it('fails with usage for an unknown option', () => {
    const r = run({}, ['--bogus']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /unknown option "--bogus"/);
  });
});

describe('the CSP gate', () => {
  it('refuses generated code that contains new Function or eval(', async () => {
    const { compileModule } = await import('../dist/build/standalone.js');
    await assert.rejects(
      compileModule([], () => 'export const f = new Function("return 1");', 'evil.js'),
      /evil.js contains "new Function", which a strict CSP forbids/,
    );
    await assert.rejects(
      compileModule([], () => 'export const g = (s) => eval(s);', 'evil2.js'),
      /contains "eval\("/,
    );
    const ok = await compileModule([{ schema: { type: 'string' }, onError: (m) => new Error(m) }], () => '', 'ok.js');
    assert.doesNotMatch(ok.code, /new Function|eval\(/);
  });
});

describe('commune reference data', () => {
  const repoSchemas = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'schemas');
  const real = (p) => readFileSync(join(repoSchemas, p), 'utf8');
  const list = {
    provinceCode: '92',
    source: 'test',
    effectiveFrom: '2025-07-01',
    communes: [
      { code: '31117', name: 'Phường Thử Một', kind: 'phuong' },
      { code: '31120', name: 'Xã Thử Hai', kind: 'xa', legacy: [{ provinceCode: '93', communeCode: '31500' }] },
    ],
  };
  const roots = [];
  after(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));
  const run = (files) => {
    const root = tree({
      ...goodTree,
      'schemas/defs/province.json': real('defs/province.json'),
      'schemas/reference/communes.schema.json': real('reference/communes.schema.json'),
      ...files,
    });
    roots.push(root);
    return { root, result: build(root) };
  };

  it('emits one lazily loaded module per province', async () => {
    const { root, result } = run({ 'schemas/reference/communes/92.json': list });
    assert.equal(result.status, 0, result.stderr);
    const { communes } = await import(pathToFileURL(join(root, 'out/schemas/communes/index.js')).href);
    assert.deepEqual(Object.keys(communes), ['92']);
    assert.deepEqual((await communes['92']()).communes, list.communes);
  });

  it('rejects a commune code that is not 5 digits, at its pointer', () => {
    const bad = { ...list, communes: [{ code: '3111', name: 'Phường Thử', kind: 'phuong' }] };
    const { result } = run({ 'schemas/reference/communes/92.json': bad });
    assert.equal(result.status, 2);
    assert.match(
      result.stderr,
      /communes\/92.json:\d+:\d+ \/communes\/0\/code not a valid commune list: must match pattern/,
    );
  });

  it('rejects a province code outside the 34, a wrong file name and duplicate codes', () => {
    let r = run({ 'schemas/reference/communes/93.json': { ...list, provinceCode: '93' } }).result;
    assert.equal(r.status, 2);
    assert.match(r.stderr, /93.json:\d+:\d+ \/provinceCode not a valid commune list/);
    r = run({ 'schemas/reference/communes/01.json': list }).result;
    assert.equal(r.status, 2);
    assert.match(r.stderr, /01.json:\d+:\d+ \/provinceCode the file name must be the province code: 92.json/);
    r = run({
      'schemas/reference/communes/92.json': { ...list, communes: [list.communes[0], list.communes[0]] },
    }).result;
    assert.equal(r.status, 2);
    assert.match(
      r.stderr,
      /92.json:\d+:\d+ \/communes\/1\/code commune code 31117 is listed twice \(first at \/communes\/0\)/,
    );
  });
});

describe('$ref inlining edge cases', () => {
  it('follows $ref inside properties named like keywords, and leaves data keywords alone', async () => {
    const odd = {
      type: 'object',
      properties: {
        default: { $ref: '../../defs/phone.json' },
        $ref: { $ref: '../../defs/phone.json' },
        fixed: { const: { $ref: 'not/a/file.json' }, default: { $ref: 'nor/this.json' } },
      },
    };
    const root = tree({
      ...goodTree,
      'schemas/proc/form/schema.json': odd,
      'schemas/proc/form/uischema.json': { type: 'VerticalLayout', elements: [] },
    });
    try {
      const r = build(root);
      assert.equal(r.status, 0, r.stderr);
      const mod = await import(pathToFileURL(join(root, 'out/schemas/proc/form.js')).href);
      assert.equal(mod.schema.properties.default.pattern, phone.pattern);
      assert.equal(mod.schema.properties.$ref.pattern, phone.pattern);
      assert.deepEqual(mod.schema.properties.fixed, odd.properties.fixed);
      const validate = mod.validators[schemaKey(mod.schema)];
      assert.equal(validate({ default: '0912345678', $ref: 'x' }), false);
      assert.deepEqual(
        validate.errors.map((e) => e.instancePath),
        ['/$ref'],
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('form versions and migrations (migrations.json)', () => {
  const roots = [];
  after(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));
  const run = (overrides) => {
    const root = tree({ ...goodTree, ...overrides });
    roots.push(root);
    return { root, r: build(root) };
  };
  const note = { vi: 'Đổi tên trường số điện thoại', en: 'Phone field renamed' };
  const good = {
    version: 3,
    migrations: [
      { from: 1, to: 2, note, ops: [{ op: 'move', from: '/tel', to: '/phone' }] },
      {
        from: 2,
        to: 3,
        note,
        ops: [
          { op: 'remove', path: '/legacy' },
          { op: 'set', path: '/kind', value: 'a', ifMissing: true },
        ],
      },
    ],
  };

  it('without migrations.json a form is version 1 with no migrations', async () => {
    const { root, r } = run({});
    assert.equal(r.status, 0, r.stderr);
    const mod = await import(pathToFileURL(join(root, 'out/schemas/proc/form.js')).href);
    assert.equal(mod.version, 1);
    assert.deepEqual(mod.migrations, []);
  });

  it('exports version and migrations from migrations.json, typed in the .d.ts', async () => {
    const { root, r } = run({ 'schemas/proc/form/migrations.json': good });
    assert.equal(r.status, 0, r.stderr);
    const mod = await import(pathToFileURL(join(root, 'out/schemas/proc/form.js')).href);
    assert.equal(mod.version, 3);
    assert.deepEqual(mod.migrations, good.migrations);
    const dts = readFileSync(join(root, 'out/schemas/proc/form.d.ts'), 'utf8');
    assert.match(dts, /export declare const version: number;/);
    assert.match(dts, /export declare const migrations: ReadonlyArray</);
  });

  const refused = [
    [
      'a version that is not a positive integer',
      { ...good, version: 0 },
      '/version "version" must be an integer ≥ 1',
      ['"version": 0', 0],
    ],
    [
      'a chain that does not start at version 1',
      { version: 3, migrations: [good.migrations[1]] },
      '/migrations/0/from "from" must be 1 (migrations run in a chain from version 1)',
      ['"from": 2', 0],
    ],
    [
      'a version the migrations do not reach',
      { ...good, version: 4 },
      '/version "version" is 4 but the migrations end at version 3',
      ['"version": 4', 0],
    ],
    [
      'a note without English',
      { version: 2, migrations: [{ ...good.migrations[0], note: { vi: 'x' } }] },
      '/migrations/0/note "note" must be { "vi": "…", "en": "…" } (both non-empty)',
      ['"note": {', 0],
    ],
    [
      'an unknown op',
      { version: 2, migrations: [{ ...good.migrations[0], ops: [{ op: 'rename', from: '/a', to: '/b' }] }] },
      '/migrations/0/ops/0/op "op" must be one of move, remove, set',
      ['"op": "rename"', 0],
    ],
    [
      'a path that is not a JSON pointer',
      { version: 2, migrations: [{ ...good.migrations[0], ops: [{ op: 'remove', path: 'legacy' }] }] },
      '/migrations/0/ops/0/path "path" must be a JSON pointer such as "/person/idNumber"',
      ['"path": "legacy"', 0],
    ],
    [
      'a set op without a value',
      { version: 2, migrations: [{ ...good.migrations[0], ops: [{ op: 'set', path: '/a' }] }] },
      '/migrations/0/ops/0 a "set" op needs "value"',
      ['"op": "set"', -1],
    ],
  ];
  for (const [what, content, message, [needle, offset]] of refused) {
    it(`refuses ${what} with file:line:column, pointer and message`, () => {
      const { r } = run({ 'schemas/proc/form/migrations.json': content });
      assert.equal(r.status, 2, r.stdout);
      // The line of the value at the pointer, found in the file as written (2-space JSON).
      const line =
        JSON.stringify(content, null, 2)
          .split('\n')
          .findIndex((l) => l.includes(needle)) +
        1 +
        offset;
      assert.ok(r.stderr.startsWith(`schemas/proc/form/migrations.json:${line}:`), `line ${line}?\n${r.stderr}`);
      assert.ok(r.stderr.includes(` ${message}`), `expected "${message}" in:\n${r.stderr}`);
    });
  }
});

describe('the dev-only fixtures module (generated/fixtures.js)', () => {
  const roots = [];
  after(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));
  const fixtureTree = {
    ...goodTree,
    'schemas/proc/form/fixtures/valid.json': { kind: 'a' },
    'schemas/proc/form/fixtures/valid-with-phone.json': { kind: 'b', phone: '0912345678' },
    'schemas/proc/form/fixtures/invalid-phone.json': { kind: 'a', phone: '12' },
    'schemas/proc/form/fixtures/invalid-phone.expect.json': { path: 'phone', keyword: 'pattern' },
  };
  const run = (overrides) => {
    const root = tree({ ...fixtureTree, ...overrides });
    roots.push(root);
    return { root, r: build(root) };
  };

  it('lists each form’s fixtures (sorted) with their data and expectations; the index never imports it', async () => {
    const { root, r } = run({});
    assert.equal(r.status, 0, r.stderr);
    const { fixtures } = await import(pathToFileURL(join(root, 'out/schemas/fixtures.js')).href);
    assert.deepEqual(fixtures, {
      'proc/form': [
        {
          file: 'invalid-phone.json',
          kind: 'invalid',
          data: { kind: 'a', phone: '12' },
          expect: { path: 'phone', keyword: 'pattern' },
        },
        { file: 'valid-with-phone.json', kind: 'valid', data: { kind: 'b', phone: '0912345678' } },
        { file: 'valid.json', kind: 'valid', data: { kind: 'a' } },
      ],
    });
    assert.doesNotMatch(readFileSync(join(root, 'out/schemas/index.js'), 'utf8'), /fixtures/);
    assert.match(readFileSync(join(root, 'out/schemas/fixtures.d.ts'), 'utf8'), /export declare const fixtures/);
  });

  it('refuses an invalid fixture without its .expect.json, naming the file to add', () => {
    const { r } = run({ 'schemas/proc/form/fixtures/invalid-kind.json': { kind: 'z' } });
    assert.equal(r.status, 2);
    assert.match(
      r.stderr,
      /^schemas\/proc\/form\/fixtures\/invalid-kind\.json:1:1 \/ invalid fixture without invalid-kind\.expect\.json/,
    );
  });

  it('refuses an expectation whose fixture does not exist', () => {
    const { r } = run({ 'schemas/proc/form/fixtures/invalid-gone.expect.json': { path: 'kind', keyword: 'oneOf' } });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /invalid-gone\.expect\.json:1:1 \/ expectation without its fixture invalid-gone\.json/);
  });

  it('refuses an expectation without a keyword, at its position', () => {
    const { r } = run({ 'schemas/proc/form/fixtures/invalid-phone.expect.json': { path: 'phone' } });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /invalid-phone\.expect\.json:1:1 \/ "keyword" must be a string/);
  });
});
