/** The meta-schema of workflows/<id>/machine.json (JSON Schema draft-07). */
export const machineSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://hoso.example/schemas/machine.schema.json',
  title: 'hoso procedure definition (workflows/<id>/machine.json)',
  type: 'object',
  required: ['id', 'version', 'title', 'initial', 'states'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    id: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
    version: { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+$' },
    title: { $ref: '#/definitions/text' },
    description: { $ref: '#/definitions/text' },
    initial: { type: 'string' },
    meta: {
      type: 'object',
      additionalProperties: false,
      properties: {
        documents: {
          type: 'object',
          additionalProperties: {
            type: 'object',
            required: ['title'],
            additionalProperties: false,
            properties: {
              title: { $ref: '#/definitions/text' },
              form: { $ref: '#/definitions/lawRef' },
              number: { $ref: '#/definitions/pointer' },
              date: { $ref: '#/definitions/pointer' },
            },
          },
        },
      },
    },
    states: { $ref: '#/definitions/states' },
  },
  definitions: {
    text: {
      type: 'object',
      required: ['vi', 'en'],
      additionalProperties: false,
      properties: { vi: { type: 'string', minLength: 1 }, en: { type: 'string', minLength: 1 } },
    },
    evidence: { enum: ['V', 'V-sec', 'BK', 'INF'] },
    lawRef: {
      type: 'object',
      required: ['law'],
      additionalProperties: false,
      properties: { law: { type: 'string', minLength: 1 }, optional: { type: 'boolean' } },
    },
    scope: { type: 'string', pattern: '^#(/properties/[^/]+)+$' },
    pointer: { type: 'string', pattern: '^(/[^/]+)+$' },
    dataRef: {
      type: 'object',
      required: ['data', 'law'],
      additionalProperties: false,
      properties: { data: { $ref: '#/definitions/scope' }, law: { type: 'string', minLength: 1 } },
    },
    roles: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' } },
    states: {
      type: 'object',
      minProperties: 1,
      additionalProperties: { $ref: '#/definitions/state' },
    },
    state: {
      type: 'object',
      required: ['meta'],
      additionalProperties: false,
      properties: {
        type: { enum: ['final', 'compound'] },
        initial: { type: 'string' },
        description: { type: 'string' },
        meta: { $ref: '#/definitions/stateMeta' },
        on: {
          type: 'object',
          propertyNames: { pattern: '^[A-Z][A-Z0-9_]*$' },
          additionalProperties: {
            anyOf: [
              { type: 'string' },
              { $ref: '#/definitions/transition' },
              { type: 'array', minItems: 1, items: { $ref: '#/definitions/transition' } },
            ],
          },
        },
        states: { $ref: '#/definitions/states' },
      },
    },
    transition: {
      type: 'object',
      additionalProperties: false,
      properties: {
        target: { type: 'string' },
        description: { type: 'string' },
        guard: { $ref: '#/definitions/guard' },
        actions: {
          anyOf: [{ $ref: '#/definitions/action' }, { type: 'array', items: { $ref: '#/definitions/action' } }],
        },
      },
    },
    guard: {
      type: 'object',
      required: ['type'],
      additionalProperties: false,
      properties: { type: { type: 'string' }, params: { type: 'object' } },
      if: { properties: { type: { const: 'condition' } } },
      then: {
        required: ['params'],
        properties: {
          params: { required: ['condition'], properties: { condition: { $ref: '#/definitions/condition' } } },
        },
      },
    },
    condition: {
      oneOf: [
        {
          type: 'object',
          required: ['scope', 'schema'],
          additionalProperties: false,
          properties: {
            type: { const: 'SCHEMA' },
            scope: { type: 'string', pattern: '^#(/properties/[^/]+)*$' },
            schema: { type: ['object', 'boolean'] },
            failWhenUndefined: { type: 'boolean' },
          },
        },
        {
          type: 'object',
          required: ['type', 'conditions'],
          additionalProperties: false,
          properties: {
            type: { enum: ['AND', 'OR'] },
            conditions: { type: 'array', minItems: 1, items: { $ref: '#/definitions/condition' } },
          },
        },
      ],
    },
    action: {
      type: 'object',
      required: ['type'],
      additionalProperties: false,
      properties: { type: { type: 'string' }, params: { type: 'object' } },
    },
    stateMeta: {
      type: 'object',
      required: ['title', 'basis'],
      additionalProperties: false,
      properties: {
        title: { $ref: '#/definitions/text' },
        form: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
        roles: { $ref: '#/definitions/roles' },
        events: {
          type: 'object',
          additionalProperties: {
            type: 'object',
            additionalProperties: false,
            properties: {
              title: { $ref: '#/definitions/text' },
              roles: { $ref: '#/definitions/roles' },
              dataKey: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_]*$', not: { const: 'person' } },
              form: { type: 'string' },
              collect: { type: 'boolean' },
            },
          },
        },
        deadlines: { type: 'array', items: { $ref: '#/definitions/deadline' } },
        documents: { type: 'array', items: { type: 'string' } },
        basis: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            required: ['citation', 'evidence'],
            additionalProperties: false,
            properties: { citation: { type: 'string', minLength: 1 }, evidence: { $ref: '#/definitions/evidence' } },
          },
        },
      },
    },
    deadline: {
      type: 'object',
      required: ['id', 'title', 'n', 'from', 'until'],
      additionalProperties: false,
      properties: {
        id: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
        title: { $ref: '#/definitions/text' },
        n: {
          anyOf: [{ type: 'integer', minimum: 1 }, { $ref: '#/definitions/lawRef' }, { $ref: '#/definitions/dataRef' }],
        },
        start: {
          type: 'object',
          required: ['data'],
          additionalProperties: false,
          properties: { data: { $ref: '#/definitions/scope' } },
        },
        unit: { enum: ['workingDays', 'days', 'months', 'hours'] },
        from: { type: 'string' },
        until: { type: 'array', items: { type: 'string' } },
        shift: { type: 'boolean' },
        kind: { enum: ['limit', 'period'] },
        basis: { type: 'string' },
        evidence: { $ref: '#/definitions/evidence' },
      },
    },
  },
} as const;
