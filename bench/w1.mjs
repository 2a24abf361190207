// W1, the synthetic workload of DESIGN §7: 300 fields in 30 groups, 20 visibility rules.
// Group g (0–29) is an object `g<g>` with ten fields f0–f9 of every common kind; f0 is a boolean, and groups
// g10–g29 are SHOWn only while g<g-10>.f0 is true (20 rules, one condition schema). The data fill every field
// validly with every toggle on, so the first render has all 300 fields in the DOM. Deterministic.

export const GROUPS = 30;
export const FIELDS_PER_GROUP = 10;
export const RULES = 20;
const RULED_FROM = GROUPS - RULES; // groups 10..29 carry a rule

/** The condition every rule uses (precompiled with the form schema). */
export const SHOW_WHEN_ON = { const: true };

const OPTIONS = ['ha-noi', 'hai-phong', 'da-nang', 'hue', 'can-tho', 'ho-chi-minh'];

function groupSchema(g) {
  return {
    type: 'object',
    title: `Nhóm ${g + 1}`,
    properties: {
      f0: { type: 'boolean', title: `Bật nhóm ${g + RULED_FROM + 1}` },
      f1: { type: 'string', title: `Họ tên ${g + 1}`, minLength: 3, maxLength: 80 },
      f2: { type: 'string', title: `Mã số ${g + 1}`, pattern: '^[0-9]{12}$' },
      f3: { type: 'integer', title: `Năm ${g + 1}`, minimum: 1900, maximum: 2100 },
      f4: { type: 'number', title: `Số tiền ${g + 1}`, minimum: 0 },
      f5: { type: 'string', title: `Tỉnh ${g + 1}`, enum: OPTIONS },
      f6: { type: 'string', title: `Giới tính ${g + 1}`, enum: ['male', 'female'] },
      f7: { type: 'string', title: `Ngày ${g + 1}`, format: 'date' },
      f8: { type: 'string', title: `Ghi chú ${g + 1}`, maxLength: 500 },
      f9: { type: 'string', title: `Thư điện tử ${g + 1}`, format: 'email' },
    },
    required: ['f1', 'f2', 'f5'],
  };
}

function groupUi(g) {
  const scope = (f) => `#/properties/g${g}/properties/${f}`;
  const group = {
    type: 'Group',
    label: `Nhóm ${g + 1}`,
    elements: [
      { type: 'Control', scope: scope('f0') },
      {
        type: 'HorizontalLayout',
        elements: [
          { type: 'Control', scope: scope('f1') },
          { type: 'Control', scope: scope('f2') },
        ],
      },
      {
        type: 'HorizontalLayout',
        elements: [
          { type: 'Control', scope: scope('f3') },
          { type: 'Control', scope: scope('f4') },
        ],
      },
      { type: 'Control', scope: scope('f5') },
      { type: 'Control', scope: scope('f6'), options: { format: 'radio' } },
      { type: 'Control', scope: scope('f7') },
      { type: 'Control', scope: scope('f8'), options: { multi: true } },
      { type: 'Control', scope: scope('f9') },
    ],
  };
  if (g >= RULED_FROM) {
    group.rule = {
      effect: 'SHOW',
      condition: { scope: `#/properties/g${g - RULED_FROM}/properties/f0`, schema: SHOW_WHEN_ON },
    };
  }
  return group;
}

function groupData(g) {
  return {
    f0: true,
    f1: `Nguyễn Văn ${String.fromCharCode(65 + (g % 26))}`,
    f2: String(100000000000 + g),
    f3: 1990 + (g % 30),
    f4: 1000 * (g + 1),
    f5: OPTIONS[g % OPTIONS.length],
    f6: g % 2 ? 'female' : 'male',
    f7: `2020-01-${String((g % 28) + 1).padStart(2, '0')}`,
    f8: `Ghi chú số ${g + 1}`,
    f9: `nguoi${g}@example.vn`,
  };
}

/** { schema, uischema, data, conditions }: conditions are the rule condition schemas to precompile. */
export function generateW1() {
  const groups = Array.from({ length: GROUPS }, (_, g) => g);
  return {
    schema: {
      $id: 'https://hoso.example/bench/w1.json',
      type: 'object',
      properties: Object.fromEntries(groups.map((g) => [`g${g}`, groupSchema(g)])),
    },
    uischema: { type: 'VerticalLayout', elements: groups.map(groupUi) },
    data: Object.fromEntries(groups.map((g) => [`g${g}`, groupData(g)])),
    conditions: [SHOW_WHEN_ON],
  };
}

export const CATEGORIES = 5;

/**
 * W1 as a wizard: the same 30 groups (rules kept) as a Categorization of 5 categories × 6 groups (60 fields each),
 * for the step-switch measure. Category c holds groups 6c–6c+5.
 */
export function w1WizardUischema(uischema = generateW1().uischema) {
  const per = GROUPS / CATEGORIES;
  return {
    type: 'Categorization',
    elements: Array.from({ length: CATEGORIES }, (_, c) => ({
      type: 'Category',
      label: `Phần ${c + 1}`,
      elements: uischema.elements.slice(c * per, (c + 1) * per),
    })),
  };
}
