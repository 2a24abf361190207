// Tests of the bundle measuring in bench/procedure.mjs on a small bundle folder written here: what a page loads
// first follows static imports only (not `import()`), the <hoso-form> chunk and the largest form are found, and a
// bundle without them is refused with a message naming the folder. Run: node --test bench/procedure.test.mjs
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { elementsBundleSizes, fileUnder, procedureFormModules } from './procedure.mjs';
import { generateW1, w1WizardUischema } from './w1.mjs';

const dirs = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function bundle(files) {
  const dir = mkdtempSync(join(tmpdir(), 'hoso-bench-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'chunks'));
  for (const [name, code] of Object.entries(files)) writeFileSync(join(dir, name), code);
  return dir;
}

const FILES = {
  'hoso-elements.js': 'export{a as X}from"./chunks/index-1.js";',
  'chunks/index-1.js':
    'import{l as y}from"./lit-1.js";const a=1;const f=()=>import("./dist-1.js");const p=()=>import("./voluntary-rehab-1.js");export{a,y};',
  'chunks/lit-1.js': `const l="${'x'.repeat(500)}";export{l};`,
  'chunks/dist-1.js': 'import{l}from"./lit-1.js";import"./jf-1.js";customElements.define("hoso-form",class{});',
  'chunks/jf-1.js': `var j="${'j'.repeat(300)}";`,
  'chunks/voluntary-rehab-1.js': 'const forms={a:()=>import("./small-1.js"),b:()=>import("./big-1.js")};export{forms};',
  'chunks/small-1.js': 'const s={},v={};export{s as schema,v as validators};',
  'chunks/big-1.js': `const s={t:"${'b'.repeat(2000)}"},v={};export{s as schema,v as validators};`,
};

describe('elementsBundleSizes', () => {
  it('counts the entry and its static imports as loaded first, not the import() targets', () => {
    const sizes = elementsBundleSizes(bundle(FILES));
    assert.deepEqual(sizes.initial.files.sort(), ['chunks/index-1.js', 'chunks/lit-1.js', 'hoso-elements.js']);
    const bytes = (n) => Buffer.byteLength(FILES[n]);
    assert.equal(sizes.initial.min, bytes('hoso-elements.js') + bytes('chunks/index-1.js') + bytes('chunks/lit-1.js'));
    assert.ok(sizes.initial.gzip > 0 && sizes.initial.gzip < sizes.initial.min);
  });

  it('finds the <hoso-form> chunk with what it adds, and the largest form', () => {
    const sizes = elementsBundleSizes(bundle(FILES));
    assert.equal(sizes.form.name, 'chunks/dist-1.js');
    assert.deepEqual(sizes.form.files.sort(), ['chunks/dist-1.js', 'chunks/jf-1.js']); // lit is already loaded
    assert.equal(sizes.largestForm.name, 'chunks/big-1.js');
    assert.equal(sizes.forms, 2);
    assert.deepEqual(sizes.procedure.files, ['chunks/voluntary-rehab-1.js']);
  });

  it('refuses a bundle with no <hoso-form> chunk, naming the folder', () => {
    const dir = bundle({ ...FILES, 'chunks/dist-1.js': 'export const nothing=1;' });
    assert.throws(() => elementsBundleSizes(dir), new RegExp(`${dir}: no chunk loaded on demand defines <hoso-form>`));
  });
});

describe('fileUnder', () => {
  it('serves files of the folder and nothing outside it', () => {
    const dir = bundle(FILES);
    assert.equal(fileUnder(dir, 'chunks/index-1.js'), join(dir, 'chunks/index-1.js'));
    assert.equal(fileUnder(dir, '../etc/passwd'), undefined);
    assert.equal(fileUnder(dir, 'chunks/%2E%2E/%2E%2E/x'), undefined);
    assert.equal(fileUnder(dir, 'chunks/missing.js'), undefined);
  });
});

describe('W1 for <hoso-procedure>', () => {
  it('the wizard holds the same 30 groups, 6 per category, rules kept', () => {
    const w1 = generateW1();
    const wizard = w1WizardUischema(w1.uischema);
    assert.equal(wizard.type, 'Categorization');
    assert.equal(wizard.elements.length, 5);
    assert.deepEqual(
      wizard.elements.flatMap((c) => c.elements),
      w1.uischema.elements,
    );
    assert.equal(wizard.elements.flatMap((c) => c.elements).filter((g) => g.rule).length, 20);
  });

  it('both form modules carry the validators, schema and empty messages', () => {
    const w1 = generateW1();
    const modules = procedureFormModules('export const validators = {};', w1);
    for (const code of Object.values(modules)) {
      assert.match(code, /^export const validators = \{\};/);
      assert.match(code, /export const messages = \{ vi: \{\}, en: \{\} \};/);
    }
    assert.match(modules['/procedure/w1-wizard.js'], /"type":"Categorization"/);
  });
});
