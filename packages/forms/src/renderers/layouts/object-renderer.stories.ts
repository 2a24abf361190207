// Stories for <hoso-object-renderer>: a playground driven by args, an invalid state, and the states matrix
// (empty, filled, invalid, disabled, readonly × vi/en). A control scoped to an object renders its properties as a group.
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
      address: {
        type: 'object',
        properties: {
          provinceCode: {
            type: 'string',
            title: 'Mã tỉnh',
            pattern: '^[0-9]{2}$',
          },
          detail: {
            type: 'string',
            title: 'Số nhà, đường',
            minLength: 3,
          },
        },
        required: ['provinceCode', 'detail'],
        title: 'Địa chỉ',
      },
    },
  },
  uischema: {
    type: 'Control',
    scope: '#/properties/address',
  },
  messages: {
    en: {
      'address.label': 'Address',
      'address.provinceCode.label': 'Province code',
      'address.detail.label': 'House number, street',
    },
  },
  filled: {
    address: {
      provinceCode: '01',
      detail: 'Số 12 phố Đội Cấn',
    },
  },
  invalid: {
    address: {
      provinceCode: '1',
      detail: 'x',
    },
  },
};

const meta = {
  title: 'Renderers/Layouts/Object',
  render: (args) => renderForm(fixture, args),
  args: defaultArgs,
  argTypes: formArgTypes,
} satisfies Meta<FormArgs>;

export default meta;
type Story = StoryObj<FormArgs>;

export const Playground: Story = {};
export const Invalid: Story = { args: { state: 'invalid' } };
export const States: Story = { render: () => statesMatrix(fixture) };
