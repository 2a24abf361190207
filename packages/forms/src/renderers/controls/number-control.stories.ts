// Stories for <hoso-number-control>: a playground driven by args, an invalid state, and the states matrix
// (empty, filled, invalid, disabled, readonly × vi/en). `number` and `integer` with bounds.
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
      weight: {
        type: 'number',
        title: 'Cân nặng (kg)',
        minimum: 20,
        maximum: 300,
      },
      firstUseYear: {
        type: 'integer',
        title: 'Năm bắt đầu sử dụng',
        minimum: 1950,
        maximum: 2026,
      },
    },
    required: ['firstUseYear'],
  },
  messages: { en: { 'weight.label': 'Weight (kg)', 'firstUseYear.label': 'Year of first use' } },
  filled: {
    weight: 62.5,
    firstUseYear: 2015,
  },
  invalid: {
    weight: 5,
    firstUseYear: 1800,
  },
};

const meta = {
  title: 'Renderers/Controls/Number',
  render: (args) => renderForm(fixture, args),
  args: defaultArgs,
  argTypes: formArgTypes,
} satisfies Meta<FormArgs>;

export default meta;
type Story = StoryObj<FormArgs>;

export const Playground: Story = {};
export const Invalid: Story = { args: { state: 'invalid' } };
export const States: Story = { render: () => statesMatrix(fixture) };
