// Synthetic case records for the report benchmark (bench/report.mjs): COUNT cases made by varying the real fixture
// cases of @hoso/reports (packages/reports/test/fixtures/cases.json, produced by the procedure runtime). Copy k of
// the fixture set gets its own case ids, persons (personal ids, names, birth years), communes (25 groups of the
// fixture's communes, codes moved by 100·group) and dates (every calendar day and instant in the case shifted by
// one offset of -200…+60 days, so a year's report sees cases spread over the year, some crossing its ends).
// Deterministic (a seeded generator); written once to the temp folder and read back on later runs.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURE_CASES = fileURLToPath(new URL('../packages/reports/test/fixtures/cases.json', import.meta.url));

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))$/;
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
const GIVEN = ['Văn An', 'Thị Bình', 'Minh Châu', 'Quốc Dũng', 'Thị Hoa', 'Văn Hùng', 'Thanh Lan', 'Đức Long'];

/** A small seeded generator (mulberry32): the same cases on every machine. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n, w = 2) => String(n).padStart(w, '0');

function shiftDay(y, m, d, days) {
  const t = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d) + days));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** Copy `k` of one fixture case, with `ids` (old case id → new) and `persons` (old personal id → new) of the copy. */
function vary(c, k, { days, ids, persons, communes, years, rnd }) {
  const map = (v) => {
    if (typeof v === 'string') {
      if (ids.has(v)) return ids.get(v);
      if (persons.has(v)) return persons.get(v);
      if (communes.has(v)) return communes.get(v);
      let m = DAY.exec(v);
      if (m) return shiftDay(m[1], m[2], m[3], days);
      m = INSTANT.exec(v);
      if (m) return `${shiftDay(m[1], m[2], m[3], days)}${m[4]}`;
      return v;
    }
    if (Array.isArray(v)) return v.map(map);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([key, x]) => [key, map(x)]));
    return v;
  };
  const out = map(c);
  const born = c.person?.birthDate ?? c.person?.dateOfBirth;
  if (born) {
    const [y, m, d] = born.split('-');
    const shifted = `${Number(y) + years}-${m}-${d}`;
    if (out.person.birthDate) out.person.birthDate = shifted;
    if (out.person.dateOfBirth) out.person.dateOfBirth = shifted;
  }
  if (out.person?.fullName)
    out.person.fullName = `${FAMILY[Math.floor(rnd() * FAMILY.length)]} ${GIVEN[Math.floor(rnd() * GIVEN.length)]} ${k}`;
  return out;
}

/** `count` synthetic cases from `fixtures` (an array of case JSON). */
export function synthesize(fixtures, count, seed = 20260701) {
  const rnd = random(seed);
  const codes = [...new Set(fixtures.map((c) => c.person?.communeCode).filter(Boolean))];
  const personIds = [...new Set(fixtures.map((c) => c.person?.personalId).filter(Boolean))];
  const out = [];
  for (let k = 0; out.length < count; k++) {
    const group = k % 25;
    const ctx = {
      days: Math.floor(rnd() * 261) - 200,
      years: -Math.floor(rnd() * 11),
      ids: new Map(fixtures.map((c) => [c.id, `${c.id}-s${k}`])),
      persons: new Map(personIds.map((p) => [p, `${p.slice(0, 6)}${pad(k, 4)}${p.slice(-2)}`])),
      communes: new Map(codes.map((c) => [c, /^\d+$/.test(c) ? String(Number(c) + 100 * group) : `${c}-${group}`])),
      rnd,
    };
    for (const c of fixtures) {
      if (out.length >= count) break;
      out.push(vary(c, k, ctx));
    }
  }
  return out;
}

/**
 * `count` synthetic cases, cached in the temp folder under a name that changes when the fixture cases or this
 * generator change. Returns `{ cases, file, cached }`.
 */
export function syntheticCases(count = 10_000, { fixtureFile = FIXTURE_CASES, dir = tmpdir() } = {}) {
  if (!existsSync(fixtureFile)) throw new Error(`${fixtureFile} is missing: the report fixtures of @hoso/reports`);
  const source = readFileSync(fixtureFile);
  const generator = readFileSync(fileURLToPath(import.meta.url));
  const hash = createHash('sha256').update(source).update(generator).update(String(count)).digest('hex').slice(0, 16);
  const folder = join(dir, 'hoso-report-bench');
  const file = join(folder, `cases-${count}-${hash}.json`);
  if (existsSync(file)) return { cases: JSON.parse(readFileSync(file, 'utf8')), file, cached: true };
  const cases = synthesize(JSON.parse(source.toString('utf8')), count);
  mkdirSync(folder, { recursive: true });
  writeFileSync(file, JSON.stringify(cases));
  return { cases, file, cached: false };
}
