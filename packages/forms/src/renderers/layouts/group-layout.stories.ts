// Stories for <hoso-group-layout>: a playground driven by args, an invalid state, and the states matrix
// (empty, filled, invalid, disabled, readonly × vi/en). A `<fieldset>` with a `<legend>`; a SHOW rule on the second group.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import {
  defaultArgs,
  formArgTypes,
  renderForm,
  statesMatrix,
  type FormArgs,
  type FormFixture,
} from '../../../../../.storybook/form-story.js';

const fixture: FormFixture = {
  schema: {
    type: 'object',
    properties: {
      hasStableResidence: {
        type: 'boolean',
        title: 'Có nơi cư trú ổn định',
      },
      address: {
        type: 'string',
        title: 'Địa chỉ thường trú',
        minLength: 5,
      },
      foundAt: {
        type: 'string',
        title: 'Nơi phát hiện',
        minLength: 5,
      },
    },
    required: ['address'],
  },
  uischema: {
    type: 'VerticalLayout',
    elements: [
      {
        type: 'Control',
        scope: '#/properties/hasStableResidence',
      },
      {
        type: 'Group',
        i18n: 'group.permanent',
        label: 'Nơi thường trú',
        elements: [
          {
            type: 'Control',
            scope: '#/properties/address',
          },
        ],
      },
      {
        type: 'Group',
        i18n: 'group.found',
        label: 'Nơi phát hiện hành vi vi phạm',
        elements: [
          {
            type: 'Control',
            scope: '#/properties/foundAt',
          },
        ],
        rule: {
          effect: 'SHOW',
          condition: {
            scope: '#/properties/hasStableResidence',
            schema: {
              const: false,
            },
          },
        },
      },
    ],
  },
  messages: {
    en: {
      'hasStableResidence.label': 'Has a stable place of residence',
      'address.label': 'Permanent address',
      'foundAt.label': 'Place where found',
      'group.permanent.label': 'Permanent residence',
      'group.found.label': 'Where the violation was found',
    },
  },
  filled: {
    hasStableResidence: true,
    address: 'Số 12, ngõ 34 phố Đội Cấn',
  },
  invalid: {
    hasStableResidence: false,
    address: '12',
    foundAt: 'x',
  },
};

const meta = {
  title: 'Renderers/Layouts/Group',
  render: (args) => renderForm(fixture, args),
  args: defaultArgs,
  argTypes: formArgTypes,
} satisfies Meta<FormArgs>;

export default meta;
type Story = StoryObj<FormArgs>;

export const Playground: Story = {};
export const Invalid: Story = { args: { state: 'invalid' } };
export const States: Story = { render: () => statesMatrix(fixture) };
