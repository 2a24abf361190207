// Stories for <hoso-label>: a playground driven by args, an invalid state, and the states matrix
// (empty, filled, invalid, disabled, readonly × vi/en). Static text from a UI schema `Label`, above a control.
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
      commitment: {
        type: 'boolean',
        title: 'Tôi đã đọc và cam kết',
        const: true,
      },
    },
    required: ['commitment'],
  },
  uischema: {
    type: 'VerticalLayout',
    elements: [
      {
        type: 'Label',
        i18n: 'commitment-note',
        text: 'Người đăng ký cam kết chấp hành đúng quy định về cai nghiện ma túy tự nguyện.',
      },
      {
        type: 'Control',
        scope: '#/properties/commitment',
      },
    ],
  },
  messages: {
    en: {
      'commitment.label': 'I have read this and commit',
      'commitment-note.label': 'The applicant commits to the rules of voluntary drug rehabilitation.',
    },
  },
  filled: {
    commitment: true,
  },
  invalid: {
    commitment: false,
  },
};

const meta = {
  title: 'Renderers/Labels/Label',
  render: (args) => renderForm(fixture, args),
  args: defaultArgs,
  argTypes: formArgTypes,
} satisfies Meta<FormArgs>;

export default meta;
type Story = StoryObj<FormArgs>;

export const Playground: Story = {};
export const Invalid: Story = { args: { state: 'invalid' } };
export const States: Story = { render: () => statesMatrix(fixture) };
