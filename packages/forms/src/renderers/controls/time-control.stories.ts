// Stories for <hoso-time-control>: a playground driven by args, an invalid state, and the states matrix
// (empty, filled, invalid, disabled, readonly × vi/en). A time of day; ISO time with offset in the data.
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
      appointment: {
        type: 'string',
        format: 'time',
        title: 'Giờ hẹn',
      },
    },
    required: ['appointment'],
  },
  messages: { en: { 'appointment.label': 'Appointment time' } },
  filled: {
    appointment: '14:30:00+07:00',
  },
  invalid: {
    appointment: '25:99',
  },
};

const meta = {
  title: 'Renderers/Controls/Time',
  render: (args) => renderForm(fixture, args),
  args: defaultArgs,
  argTypes: formArgTypes,
} satisfies Meta<FormArgs>;

export default meta;
type Story = StoryObj<FormArgs>;

export const Playground: Story = {};
export const Invalid: Story = { args: { state: 'invalid' } };
export const States: Story = { render: () => statesMatrix(fixture) };
