/**
 * The person a case is about, taken from the first form submitted for it. Forms use the shared definition
 * (`schemas/defs/person.json`: fullName, dateOfBirth, sex, idNumber, ...) under some key (`person`, `subject`);
 * the runtime's guards read `person.birthDate`; the case store indexes `person.personalId` and
 * `person.communeCode` (the commune handling the case).
 */
import type { Person } from '@hoso/workflow';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Depth-first: the first object that looks like a person (a full name and a date of birth). */
function findPerson(data: unknown, depth = 0): Obj | undefined {
  if (!isObj(data) || depth > 3) return undefined;
  if (typeof data['fullName'] === 'string' && typeof data['dateOfBirth'] === 'string') return data;
  for (const key of ['person', 'subject', 'child', 'applicant']) {
    const found = findPerson(data[key], depth + 1);
    if (found) return found;
  }
  for (const value of Object.values(data)) {
    const found = findPerson(value, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** The first `communeCode` of a residence/address block. */
function findCommune(data: unknown, depth = 0): string | undefined {
  if (!isObj(data) || depth > 3) return undefined;
  if (typeof data['communeCode'] === 'string' && data['communeCode']) return data['communeCode'];
  for (const key of ['residence', 'address', 'currentAddress', 'permanentAddress']) {
    const found = findCommune(data[key], depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * `handlingCommune` is the commune of the officer who takes the case in: the case belongs to it (the case list
 * of that commune shows it). Without one (a person applying online), the residence commune of the form is used.
 */
export function personFromForm(data: unknown, handlingCommune?: string): Person {
  const p = findPerson(data) ?? {};
  const person: Person = {};
  if (typeof p['fullName'] === 'string') person['fullName'] = p['fullName'].normalize('NFC').trim();
  if (typeof p['dateOfBirth'] === 'string') person.birthDate = p['dateOfBirth'];
  if (typeof p['dateOfBirth'] === 'string') person['dateOfBirth'] = p['dateOfBirth'];
  if (typeof p['sex'] === 'string') person['sex'] = p['sex'];
  if (typeof p['nationality'] === 'string') person['nationality'] = p['nationality'];
  const id = p['idNumber'] ?? p['passportNumber'];
  if (typeof id === 'string' && id) person['personalId'] = id;
  const commune = handlingCommune ?? findCommune(data);
  if (commune) person['communeCode'] = commune;
  return person;
}
