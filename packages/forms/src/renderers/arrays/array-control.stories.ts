// Stories for <hoso-array-control>: a playground driven by args, an invalid state, and the states matrix
// (empty, filled, invalid, disabled, readonly × vi/en). Items as fieldsets with add (“thêm mục”), remove and move up/down.
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
      family: {
        type: 'array',
        title: 'Thành viên gia đình',
        maxItems: 3,
        items: {
          type: 'object',
          properties: {
            name: {
              type: 'string',
              title: 'Họ tên',
              minLength: 2,
            },
            phone: {
              type: 'string',
              title: 'Điện thoại',
              pattern: '^0[0-9]{9}$',
            },
          },
          required: ['name'],
        },
      },
    },
  },
  messages: {
    en: { 'family.label': 'Family members', 'family.name.label': 'Full name', 'family.phone.label': 'Phone' },
  },
  filled: {
    family: [
      {
        name: 'Nguyễn Văn Bình',
        phone: '0912345678',
      },
      {
        name: 'Trần Thị Cúc',
        phone: '0987654321',
      },
    ],
  },
  invalid: {
    family: [
      {
        name: 'B',
        phone: '0912',
      },
    ],
  },
};

const meta = {
  title: 'Renderers/Arrays/Array of objects',
  render: (args) => renderForm(fixture, args),
  args: defaultArgs,
  argTypes: formArgTypes,
} satisfies Meta<FormArgs>;

export default meta;
type Story = StoryObj<FormArgs>;

export const Playground: Story = {};
export const Invalid: Story = { args: { state: 'invalid' } };
export const States: Story = { render: () => statesMatrix(fixture) };
