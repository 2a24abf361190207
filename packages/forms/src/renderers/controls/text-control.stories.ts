// Stories for <hoso-text-control>: a playground driven by args and the states matrix.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import {
  defaultArgs,
  formArgTypes,
  renderForm,
  statesMatrix,
  type FormArgs,
  type FormFixture,
} from '../../../../../.storybook/form-story.js';

/** The fixture of text-control.test.ts: a required name of at least 3 characters with a hint. */
const textFixture: FormFixture = {
  schema: {
    type: 'object',
    properties: { fullName: { type: 'string', title: 'Họ và tên', minLength: 3, description: 'Như trên CCCD' } },
    required: ['fullName'],
  },
  messages: { en: { 'fullName.label': 'Full name', 'fullName.description': 'As on the ID card' } },
  filled: { fullName: 'Nguyễn Văn An' },
  invalid: { fullName: 'An' },
};

const meta = {
  title: 'Renderers/Controls/Text',
  render: (args) => renderForm(textFixture, args),
  args: defaultArgs,
  argTypes: formArgTypes,
} satisfies Meta<FormArgs>;

export default meta;
type Story = StoryObj<FormArgs>;

export const Playground: Story = {};
export const Invalid: Story = { args: { state: 'invalid' } };
export const States: Story = { render: () => statesMatrix(textFixture) };
