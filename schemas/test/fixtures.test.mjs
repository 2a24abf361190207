// Checks the REAL generated form modules (run `npx tsc -b && node packages/cli/bin/hoso.mjs build` first):
// fixtures validate as expected, UI schema scopes exist, and English messages cover every control.
// Run: node --test schemas/test/
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const schemasDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const generatedIndex = join(schemasDir, 'generated', 'index.js');
if (!existsSync(generatedIndex)) {
  throw new Error(`${generatedIndex} is missing: run \`npx tsc -b && node packages/cli/bin/hoso.mjs build\` first`);
}
const { forms } = await import(pathToFileURL(generatedIndex).href);
const { schemaKey } = await import(
  pathToFileURL(join(schemasDir, '..', 'packages', 'forms', 'dist', 'validation', 'index.js')).href
);

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/** ajv error -> dotted data path, as `data-path` shows it (a missing property is named in the path). */
function errorPath(error) {
  const parts = error.instancePath.split('/').slice(1);
  if (error.keyword === 'required') parts.push(error.params.missingProperty);
  return parts.map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~')).join('.');
}

/** The schema at a UI schema scope (`#/properties/a/properties/b`), relative to `schema`, or undefined. */
function resolveScope(schema, scope) {
  const tokens = scope.replace(/^#\/?/, '').split('/').filter(Boolean);
  let node = schema;
  for (const token of tokens) node = node?.[token];
  return node;
}

/** Every Control of a UI schema with its data path (no indices) and resolved schema; every labelled layout. */
function collect(uischema, schema, basePath = '', out = { controls: [], layouts: [] }) {
  if (uischema.type === 'Control') {
    const resolved = resolveScope(schema, uischema.scope);
    const rel = uischema.scope
      .replace(/^#\/?/, '')
      .split('/')
      .filter((t) => t !== 'properties' && t !== '')
      .join('.');
    const path = basePath ? `${basePath}.${rel}` : rel;
    out.controls.push({ element: uischema, schema: resolved, path, key: uischema.i18n ?? path });
    const detail = uischema.options?.detail;
    if (detail && resolved?.items) collect(detail, resolved.items, path, out);
  } else {
    out.layouts.push(uischema);
  }
  for (const child of uischema.elements ?? []) collect(child, schema, basePath, out);
  return out;
}

function options(schema) {
  const s = schema?.type === 'array' ? schema.items : schema;
  if (Array.isArray(s?.oneOf) && s.oneOf.every((o) => 'const' in o)) return s.oneOf.map((o) => o.const);
  if (Array.isArray(s?.enum)) return s.enum;
  return [];
}

const ids = Object.keys(forms);

describe('generated form modules', () => {
  it('include at least the voluntary-rehab registration', () => {
    assert.ok(ids.includes('voluntary-rehab/registration'), `forms: ${ids.join(', ')}`);
  });

  for (const id of ids) {
    describe(id, async () => {
      const mod = await forms[id]();
      const fixturesDir = join(schemasDir, ...id.split('/'), 'fixtures');
      const validate = mod.validators[schemaKey(mod.schema)];
      const fixtureFiles = existsSync(fixturesDir) ? readdirSync(fixturesDir).sort() : [];
      const valid = fixtureFiles.filter((f) => /^valid.*\.json$/.test(f));
      const invalid = fixtureFiles.filter((f) => /^invalid-.*\.json$/.test(f) && !f.endsWith('.expect.json'));
      const { controls, layouts } = collect(mod.uischema, mod.schema);

      it('has a precompiled validator for its schema and every rule condition', () => {
        assert.equal(typeof validate, 'function');
        const conditions = [];
        const walk = (c) => (c.type === 'AND' || c.type === 'OR' ? c.conditions.forEach(walk) : conditions.push(c));
        JSON.stringify(mod.uischema, (k, v) => (k === 'rule' && walk(v.condition), v));
        assert.ok(conditions.length > 0);
        for (const c of conditions) assert.equal(typeof mod.validators[schemaKey(c.schema)], 'function', c.scope);
      });

      it('has one valid fixture and several invalid ones, each with an expectation', () => {
        assert.ok(valid.length >= 1, 'no fixtures/valid*.json');
        assert.ok(invalid.length >= 3, 'fewer than 3 fixtures/invalid-*.json');
        for (const f of invalid) assert.ok(existsSync(join(fixturesDir, f.replace(/\.json$/, '.expect.json'))), f);
      });

      for (const f of valid) {
        it(`accepts ${f}`, () => {
          const ok = validate(readJson(join(fixturesDir, f)));
          assert.equal(ok, true, JSON.stringify(validate.errors?.map((e) => [errorPath(e), e.keyword, e.message])));
        });
      }

      for (const f of invalid) {
        it(`rejects ${f} at its expected path and keyword`, () => {
          const expected = readJson(join(fixturesDir, f.replace(/\.json$/, '.expect.json')));
          assert.equal(validate(readJson(join(fixturesDir, f))), false);
          const got = validate.errors.map((e) => ({ path: errorPath(e), keyword: e.keyword }));
          assert.ok(
            got.some((e) => e.path === expected.path && e.keyword === expected.keyword),
            `expected ${expected.keyword} at ${expected.path}; got ${JSON.stringify(got)}`,
          );
        });
      }

      it('has UI schema scopes that all point at existing schema properties', () => {
        const missing = controls.filter((c) => !c.schema || typeof c.schema !== 'object').map((c) => c.element.scope);
        assert.deepEqual(missing, []);
        assert.ok(controls.length > 0);
      });

      it('has an English label for every control, option, layout and custom error', () => {
        const en = mod.messages.en;
        const missing = [];
        const need = (key) => (typeof en[key] === 'string' && en[key].trim() !== '' ? null : missing.push(key));
        for (const c of controls) {
          need(`${c.key}.label`);
          if (c.schema.description) need(`${c.key}.description`);
          for (const value of options(c.schema)) need(`${c.key}.${value}`);
        }
        for (const l of layouts) {
          if (['Categorization', 'Category', 'Group'].includes(l.type)) {
            assert.ok(l.i18n, `${l.type} "${l.label}" has no i18n key`);
          }
          if (l.i18n) need(`${l.i18n}.label`);
        }
        for (const key of Object.keys(mod.messages.vi)) need(key);
        assert.deepEqual(missing, []);
      });

      it('has a Vietnamese title for every control and every option (vi is the source language)', () => {
        const missing = [];
        for (const c of controls) {
          if (!c.schema.title) missing.push(c.path);
          const s = c.schema.type === 'array' ? c.schema.items : c.schema;
          for (const o of s?.oneOf ?? []) if (!o.title) missing.push(`${c.path}.${o.const}`);
        }
        assert.deepEqual(missing, []);
      });

      it('has Vietnamese custom errors only for controls that exist', () => {
        const prefixes = new Set(controls.map((c) => c.key));
        const orphans = Object.keys(mod.messages.vi)
          .filter((k) => k.includes('.error.'))
          .filter(
            (k) =>
              !prefixes.has(k.slice(0, k.indexOf('.error.'))) &&
              !controls.some((c) => c.path === k.slice(0, k.indexOf('.error.'))) &&
              !collectKeys(mod.schema).has(k.slice(0, k.indexOf('.error.'))),
          );
        assert.deepEqual(orphans, []);
      });
    });
  }
});

/** Dotted paths of every property in a schema (for error keys on objects, e.g. `representative`). */
function collectKeys(schema, base = '', out = new Set()) {
  for (const [name, sub] of Object.entries(schema?.properties ?? {})) {
    const path = base ? `${base}.${name}` : name;
    out.add(path);
    collectKeys(sub, path, out);
    if (sub.items) collectKeys(sub.items, path, out);
  }
  return out;
}

describe('reference data', () => {
  const provinces = readJson(join(schemasDir, 'defs', 'province.json')).oneOf;
  const legacy = readJson(join(schemasDir, 'reference', 'legacy-provinces.json')).provinces;

  it('ships the 34 provinces with unique 2-digit codes and Vietnamese names', () => {
    assert.equal(provinces.length, 34);
    assert.equal(new Set(provinces.map((p) => p.const)).size, 34);
    for (const p of provinces) (assert.match(p.const, /^\d{2}$/), assert.match(p.title, /^(Tỉnh|Thành phố) /));
  });

  it('maps each of the 63 pre-2025 provinces to one of the 34', () => {
    const codes = new Set(provinces.map((p) => p.const));
    assert.equal(legacy.length, 63);
    assert.equal(new Set(legacy.map((p) => p.code)).size, 63);
    for (const p of legacy) assert.ok(codes.has(p.newProvinceCode), `${p.code} ${p.name} -> ${p.newProvinceCode}`);
    assert.deepEqual([...new Set(legacy.map((p) => p.newProvinceCode))].sort(), [...codes].sort());
  });
});
