// The whole registration form for voluntary drug rehabilitation (schemas/voluntary-rehab/registration), through
// its generated module: the bundled schema, UI schema, vi/en messages and the precompiled validators. The data
// are the form's own test fixtures (valid.json, valid-minor-home.json, invalid-id-number.json), the same files
// schemas/test/fixtures.test.mjs and the demo test use.
import type { JsonSchema, UISchemaElement } from '@jsonforms/core';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import {
  defaultArgs,
  formArgTypes,
  renderForm,
  statesMatrix,
  type FormArgs,
  type FormFixture,
} from '../../../.storybook/form-story.js';
import * as registration from '../../../schemas/generated/voluntary-rehab/registration.js';
import invalidIdNumber from '../../../schemas/voluntary-rehab/registration/fixtures/invalid-id-number.json';
import validMinorHome from '../../../schemas/voluntary-rehab/registration/fixtures/valid-minor-home.json';
import valid from '../../../schemas/voluntary-rehab/registration/fixtures/valid.json';
import type { ValidateFunction } from './validation/ajv-like.js';

const base = {
  schema: registration.schema as JsonSchema,
  uischema: registration.uischema as unknown as UISchemaElement,
  messages: registration.messages,
  validators: registration.validators as Readonly<Record<string, ValidateFunction>>,
};

const registrationFixture: FormFixture = { ...base, filled: valid, invalid: invalidIdNumber };
const minorAtHome: FormFixture = { ...base, filled: validMinorHome, invalid: invalidIdNumber };

const meta = {
  title: 'Forms/Voluntary rehab registration',
  component: 'hoso-form',
  render: (args) => renderForm(registrationFixture, args),
  args: defaultArgs,
  argTypes: formArgTypes,
  parameters: { docs: { description: { component: 'Đăng ký cai nghiện ma túy tự nguyện (1.010941)' } } },
} satisfies Meta<FormArgs>;

export default meta;
type Story = StoryObj<FormArgs>;

export const Playground: Story = {};
export const Empty: Story = { args: { state: 'empty' } };
export const Invalid: Story = { args: { state: 'invalid' } };
export const Readonly: Story = { args: { readonly: true } };
export const MinorAtHome: Story = { render: (args) => renderForm(minorAtHome, args) };
export const States: Story = { render: () => statesMatrix(registrationFixture) };
