// Stories for <hoso-textarea-control>: a playground driven by args, an invalid state, and the states matrix
// (empty, filled, invalid, disabled, readonly × vi/en). A multi-line string (`options.multi`).
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
      note: {
        type: 'string',
        title: 'Tình trạng sức khỏe',
        description: 'Bệnh kèm theo, thuốc đang dùng',
        minLength: 10,
        maxLength: 500,
      },
    },
    required: ['note'],
  },
  uischema: {
    type: 'Control',
    scope: '#/properties/note',
    options: {
      multi: true,
    },
  },
  messages: { en: { 'note.label': 'Health conditions', 'note.description': 'Other illnesses, current medication' } },
  filled: {
    note: 'Viêm gan B, đang điều trị methadone 6 tháng.',
  },
  invalid: {
    note: 'Không',
  },
};

const meta = {
  title: 'Renderers/Controls/Textarea',
  render: (args) => renderForm(fixture, args),
  args: defaultArgs,
  argTypes: formArgTypes,
} satisfies Meta<FormArgs>;

export default meta;
type Story = StoryObj<FormArgs>;

export const Playground: Story = {};
export const Invalid: Story = { args: { state: 'invalid' } };
export const States: Story = { render: () => statesMatrix(fixture) };
