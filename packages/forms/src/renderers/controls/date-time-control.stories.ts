// Stories for <hoso-date-time-control>: a playground driven by args, an invalid state, and the states matrix
// (empty, filled, invalid, disabled, readonly × vi/en). A date and a time; ISO 8601 with offset in the data.
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
      determinedAt: {
        type: 'string',
        format: 'date-time',
        title: 'Thời điểm xác định tình trạng nghiện',
      },
    },
    required: ['determinedAt'],
  },
  messages: { en: { 'determinedAt.label': 'Time the dependence was determined' } },
  filled: {
    determinedAt: '2026-10-20T08:30:00+07:00',
  },
  invalid: {
    determinedAt: '2026-10-20',
  },
};

const meta = {
  title: 'Renderers/Controls/Date-time',
  render: (args) => renderForm(fixture, args),
  args: defaultArgs,
  argTypes: formArgTypes,
} satisfies Meta<FormArgs>;

export default meta;
type Story = StoryObj<FormArgs>;

export const Playground: Story = {};
export const Invalid: Story = { args: { state: 'invalid' } };
export const States: Story = { render: () => statesMatrix(fixture) };
