// Stories for <hoso-horizontal-layout>: a playground driven by args, an invalid state, and the states matrix
// (empty, filled, invalid, disabled, readonly × vi/en). Children side by side (stacking on narrow screens).
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
      idNumber: {
        type: 'string',
        title: 'Số định danh cá nhân',
        pattern: '^[0-9]{12}$',
      },
      idIssueDate: {
        type: 'string',
        format: 'date',
        title: 'Ngày cấp',
      },
    },
    required: ['idNumber'],
  },
  uischema: {
    type: 'HorizontalLayout',
    elements: [
      {
        type: 'Control',
        scope: '#/properties/idNumber',
      },
      {
        type: 'Control',
        scope: '#/properties/idIssueDate',
      },
    ],
  },
  messages: { en: { 'idNumber.label': 'Personal identification number', 'idIssueDate.label': 'Date of issue' } },
  filled: {
    idNumber: '001094012345',
    idIssueDate: '2021-06-01',
  },
  invalid: {
    idNumber: '00109401234',
    idIssueDate: '2021-06-01',
  },
};

const meta = {
  title: 'Renderers/Layouts/Horizontal',
  render: (args) => renderForm(fixture, args),
  args: defaultArgs,
  argTypes: formArgTypes,
} satisfies Meta<FormArgs>;

export default meta;
type Story = StoryObj<FormArgs>;

export const Playground: Story = {};
export const Invalid: Story = { args: { state: 'invalid' } };
export const States: Story = { render: () => statesMatrix(fixture) };
