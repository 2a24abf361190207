// Stories for <hoso-multi-select-control>: a playground driven by args, an invalid state, and the states matrix
// (empty, filled, invalid, disabled, readonly × vi/en). An array of enum values as checkboxes.
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
      substances: {
        type: 'array',
        title: 'Chất ma túy đã sử dụng',
        minItems: 1,
        uniqueItems: true,
        items: {
          type: 'string',
          oneOf: [
            {
              const: 'heroin',
              title: 'Heroin',
            },
            {
              const: 'methamphetamine',
              title: 'Ma túy đá',
            },
            {
              const: 'cannabis',
              title: 'Cần sa',
            },
            {
              const: 'other',
              title: 'Chất khác',
            },
          ],
        },
      },
    },
    required: ['substances'],
  },
  messages: {
    en: {
      'substances.label': 'Substances used',
      'substances.heroin': 'Heroin',
      'substances.methamphetamine': 'Crystal meth',
      'substances.cannabis': 'Cannabis',
      'substances.other': 'Other substance',
    },
  },
  filled: {
    substances: ['heroin', 'other'],
  },
  invalid: {
    substances: [],
  },
};

const meta = {
  title: 'Renderers/Controls/Multi-select',
  render: (args) => renderForm(fixture, args),
  args: defaultArgs,
  argTypes: formArgTypes,
} satisfies Meta<FormArgs>;

export default meta;
type Story = StoryObj<FormArgs>;

export const Playground: Story = {};
export const Invalid: Story = { args: { state: 'invalid' } };
export const States: Story = { render: () => statesMatrix(fixture) };
