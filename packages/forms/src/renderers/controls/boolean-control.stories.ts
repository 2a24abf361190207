// Stories for <hoso-boolean-control>: a playground driven by args, an invalid state, and the states matrix
// (empty, filled, invalid, disabled, readonly × vi/en). A checkbox; the commitment must be ticked (`const: true`).
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
      previousRehab: {
        type: 'boolean',
        title: 'Đã từng cai nghiện',
      },
      commitment: {
        type: 'boolean',
        title: 'Tôi cam kết thực hiện đúng kế hoạch cai nghiện',
        const: true,
      },
    },
    required: ['commitment'],
  },
  messages: {
    en: {
      'previousRehab.label': 'Has been in rehabilitation before',
      'commitment.label': 'I commit to following the rehabilitation plan',
    },
  },
  filled: {
    previousRehab: true,
    commitment: true,
  },
  invalid: {
    previousRehab: false,
    commitment: false,
  },
};

const meta = {
  title: 'Renderers/Controls/Boolean',
  render: (args) => renderForm(fixture, args),
  args: defaultArgs,
  argTypes: formArgTypes,
} satisfies Meta<FormArgs>;

export default meta;
type Story = StoryObj<FormArgs>;

export const Playground: Story = {};
export const Invalid: Story = { args: { state: 'invalid' } };
export const States: Story = { render: () => statesMatrix(fixture) };
