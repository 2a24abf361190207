// Stories for <hoso-categorization-wizard>: a playground driven by args, an invalid state, and the states matrix
// (empty, filled, invalid, disabled, readonly × vi/en). A categorization as a wizard: step list, next/back, a step is left only when valid.
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
      fullName: {
        type: 'string',
        title: 'Họ và tên',
        minLength: 3,
      },
      phone: {
        type: 'string',
        title: 'Số điện thoại',
        pattern: '^0[0-9]{9}$',
      },
    },
    required: ['fullName', 'phone'],
  },
  uischema: {
    type: 'Categorization',
    label: 'Đăng ký',
    elements: [
      {
        type: 'Category',
        i18n: 'step.person',
        label: 'Người cai nghiện',
        elements: [
          {
            type: 'Control',
            scope: '#/properties/fullName',
          },
        ],
      },
      {
        type: 'Category',
        i18n: 'step.contact',
        label: 'Liên lạc',
        elements: [
          {
            type: 'Control',
            scope: '#/properties/phone',
          },
        ],
      },
    ],
  },
  messages: {
    en: {
      'fullName.label': 'Full name',
      'phone.label': 'Phone number',
      'step.person.label': 'Person',
      'step.contact.label': 'Contact',
    },
  },
  filled: {
    fullName: 'Nguyễn Văn An',
    phone: '0912345678',
  },
  invalid: {
    fullName: 'An',
    phone: '12',
  },
};

const meta = {
  title: 'Renderers/Layouts/Wizard',
  render: (args) => renderForm(fixture, args),
  args: defaultArgs,
  argTypes: formArgTypes,
} satisfies Meta<FormArgs>;

export default meta;
type Story = StoryObj<FormArgs>;

export const Playground: Story = {};
export const Invalid: Story = { args: { state: 'invalid' } };
export const States: Story = { render: () => statesMatrix(fixture) };
