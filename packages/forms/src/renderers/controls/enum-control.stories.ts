// Stories for <hoso-enum-control>: a playground driven by args, an invalid state, and the states matrix
// (empty, filled, invalid, disabled, readonly × vi/en). Radio buttons for few options, a select for many or by `options.format`, `oneOf` options with titles.
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
      sex: {
        type: 'string',
        title: 'Giới tính',
        oneOf: [
          {
            const: 'male',
            title: 'Nam',
          },
          {
            const: 'female',
            title: 'Nữ',
          },
        ],
      },
      education: {
        type: 'string',
        title: 'Trình độ học vấn',
        oneOf: [
          {
            const: 'none',
            title: 'Chưa đi học',
          },
          {
            const: 'primary',
            title: 'Tiểu học',
          },
          {
            const: 'lower-secondary',
            title: 'Trung học cơ sở',
          },
          {
            const: 'upper-secondary',
            title: 'Trung học phổ thông',
          },
          {
            const: 'college',
            title: 'Cao đẳng',
          },
          {
            const: 'university',
            title: 'Đại học trở lên',
          },
        ],
      },
      route: {
        type: 'string',
        title: 'Cách sử dụng',
        enum: ['smoking', 'injecting', 'oral', 'inhaling', 'other'],
      },
    },
    required: ['sex', 'education'],
  },
  uischema: {
    type: 'VerticalLayout',
    elements: [
      {
        type: 'Control',
        scope: '#/properties/sex',
      },
      {
        type: 'Control',
        scope: '#/properties/education',
        options: {
          format: 'select',
        },
      },
      {
        type: 'Control',
        scope: '#/properties/route',
        options: {
          format: 'radio',
        },
      },
    ],
  },
  messages: {
    en: {
      'sex.label': 'Sex',
      'sex.male': 'Male',
      'sex.female': 'Female',
      'education.label': 'Education',
      'education.none': 'No schooling',
      'education.primary': 'Primary',
      'education.lower-secondary': 'Lower secondary',
      'education.upper-secondary': 'Upper secondary',
      'education.college': 'College',
      'education.university': 'University or higher',
      'route.label': 'Route of use',
      'route.smoking': 'Smoking',
      'route.injecting': 'Injecting',
      'route.oral': 'Oral',
      'route.inhaling': 'Inhaling',
      'route.other': 'Other',
    },
  },
  filled: {
    sex: 'female',
    education: 'upper-secondary',
    route: 'smoking',
  },
  invalid: {
    education: 'phd',
    route: 'smoking',
  },
};

const meta = {
  title: 'Renderers/Controls/Enum',
  render: (args) => renderForm(fixture, args),
  args: defaultArgs,
  argTypes: formArgTypes,
} satisfies Meta<FormArgs>;

export default meta;
type Story = StoryObj<FormArgs>;

export const Playground: Story = {};
export const Invalid: Story = { args: { state: 'invalid' } };
export const States: Story = { render: () => statesMatrix(fixture) };
