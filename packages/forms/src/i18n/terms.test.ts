import { expect } from '@open-wc/testing';
import type { ErrorObject } from 'ajv';
import { createRuntimeAjv } from '../runtime.js';
import { en } from './en.js';
import { normalizeLang } from './locale.js';
import { createI18n } from './translator.js';
import { vi } from './vi.js';

const KEYWORDS = [
  'required',
  'type',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'enum',
  'const',
  'minItems',
  'maxItems',
  'uniqueItems',
  'contains',
  'minContains',
  'maxContains',
  'minProperties',
  'maxProperties',
  'additionalProperties',
  'additionalItems',
  'unevaluatedProperties',
  'unevaluatedItems',
  'propertyNames',
  'dependencies',
  'dependentRequired',
  'dependentSchemas',
  'oneOf',
  'anyOf',
  'allOf',
  'not',
  'if',
  'then',
  'else',
  'false schema',
  'formatMinimum',
  'formatMaximum',
  'discriminator',
  '$ref',
];
const FORMATS = [
  'date',
  'time',
  'date-time',
  'email',
  'uri',
  'uri-reference',
  'uuid',
  'ipv4',
  'ipv6',
  'hostname',
  'regex',
];
const ENGLISH_AJV = /\bmust\b|\bshould\b|\bproperty\b/;

describe('built-in terms', () => {
  it('have a message for every ajv keyword and format in both languages', () => {
    const params = { limit: 3, type: 'string', format: 'date', missingProperty: 'b', property: 'a', i: 1, j: 0 };
    for (const keyword of KEYWORDS) {
      const v = vi.errors[keyword]?.(params);
      const e = en.errors[keyword]?.(params);
      expect(v, `vi ${keyword}`).to.be.a('string').and.not.equal('');
      expect(e, `en ${keyword}`).to.be.a('string').and.not.equal('');
      expect(v, `vi ${keyword} is Vietnamese`).to.not.equal(e);
      expect(v).to.not.match(ENGLISH_AJV);
    }
    for (const format of FORMATS) {
      expect(vi.formats[format], `vi format ${format}`).to.be.a('string');
      expect(en.formats[format], `en format ${format}`).to.be.a('string');
    }
  });

  it('show date limits as dd/mm/yyyy', () => {
    expect(vi.errors['formatMaximum']?.({ limit: '2026-09-05' })).to.equal('Giá trị không được sau 05/09/2026');
    expect(en.errors['formatExclusiveMinimum']?.({ limit: '2026-09-05' })).to.equal(
      'The value must be after 05/09/2026',
    );
  });

  it('format numbers with the language separators', () => {
    expect(vi.errors['maxLength']?.({ limit: 1000 })).to.equal('Nhập tối đa 1.000 ký tự');
    expect(en.errors['maxLength']?.({ limit: 1000 })).to.equal('Enter at most 1,000 characters');
  });

  it('maps any BCP 47 tag to vi or en', () => {
    expect(normalizeLang('en-GB')).to.equal('en');
    expect(normalizeLang('vi-VN')).to.equal('vi');
    expect(normalizeLang('fr')).to.equal('vi');
    expect(normalizeLang(null)).to.equal('vi');
  });
});

describe('translator over real ajv errors', () => {
  const schema = {
    type: 'object',
    properties: {
      name: { type: 'string', minLength: 2, maxLength: 3, pattern: '^[a-z]+$' },
      email: { type: 'string', format: 'email' },
      age: { type: 'integer', minimum: 18, maximum: 20, multipleOf: 2 },
      kind: { enum: ['a', 'b'] },
      fixed: { const: 1 },
      tags: { type: 'array', minItems: 2, maxItems: 2, uniqueItems: true },
      choice: { oneOf: [{ type: 'string' }, { type: 'string', minLength: 0 }] },
      either: { anyOf: [{ type: 'number' }, { type: 'boolean' }] },
      never: { not: { type: 'string' } },
    },
    required: ['missing'],
    additionalProperties: false,
    minProperties: 30,
    dependentRequired: { name: ['email'] },
  };
  const data = {
    name: 'ABCDE',
    email: 'x',
    age: 21.5,
    kind: 'c',
    fixed: 2,
    tags: ['a', 'a', 'b'],
    choice: 'x',
    either: 'x',
    never: 's',
    extra: true,
  };

  for (const lang of ['vi', 'en'] as const) {
    it(`never shows ajv's own English text in ${lang}`, () => {
      const ajv = createRuntimeAjv();
      const validate = ajv.compile(schema);
      validate(data);
      const errors = (validate.errors ?? []) as ErrorObject[];
      expect(errors.length).to.be.greaterThan(12);
      const { translate, translateError } = createI18n(lang, undefined);
      for (const error of errors) {
        const text = translateError!(error, translate!);
        expect(text, error.keyword).to.not.equal(error.message);
        if (lang === 'vi') expect(text, error.keyword).to.not.match(ENGLISH_AJV);
      }
    });
  }

  it('prefers <key>.error.<keyword>, then error.<keyword> from the messages file', () => {
    const ajv = createRuntimeAjv();
    const validate = ajv.compile(schema);
    validate(data);
    const errors = (validate.errors ?? []) as ErrorObject[];
    const { translate, translateError } = createI18n('vi', {
      vi: { 'name.error.pattern': 'Chỉ chữ thường', 'error.minimum': 'Quá nhỏ' },
    });
    const pattern = errors.find((e) => e.keyword === 'pattern');
    const minimum = errors.find((e) => e.keyword === 'maximum');
    expect(translateError!(pattern!, translate!)).to.equal('Chỉ chữ thường');
    expect(translateError!(minimum!, translate!)).to.equal('Giá trị phải nhỏ hơn hoặc bằng 20');
  });
});
