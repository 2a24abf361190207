// Stories for <hoso-date-control>: a playground driven by args, an invalid state, and the states matrix
// (empty, filled, invalid, disabled, readonly × vi/en). `dd/mm/yyyy` in Vietnamese, ISO `yyyy-mm-dd` in the data.
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
      dateOfBirth: {
        type: 'string',
        format: 'date',
        title: 'Ngày sinh',
      },
    },
    required: ['dateOfBirth'],
  },
  messages: { en: { 'dateOfBirth.label': 'Date of birth' } },
  filled: {
    dateOfBirth: '1994-03-12',
  },
  invalid: {
    dateOfBirth: '1994-02-30',
  },
};

const meta = {
  title: 'Renderers/Controls/Date',
  render: (args) => renderForm(fixture, args),
  args: defaultArgs,
  argTypes: formArgTypes,
} satisfies Meta<FormArgs>;

export default meta;
type Story = StoryObj<FormArgs>;

export const Playground: Story = {};
export const Invalid: Story = { args: { state: 'invalid' } };
export const States: Story = { render: () => statesMatrix(fixture) };
