// The strict-CSP page of csp.test.mjs: the production bundle (no ajv compiler) renders the real registration
// form with its precompiled validators, and a hostile form whose texts are HTML. Only 'self' scripts load.
import '/bundle/hoso-form.js';
import * as registration from '/forms/voluntary-rehab/registration.js';
import { hostile, validators as hostileValidators } from '/hostile.js';

const form = document.getElementById('registration');
form.schema = registration.schema;
form.uischema = registration.uischema;
form.messages = registration.messages;
form.validators = registration.validators;

const other = document.getElementById('hostile');
other.schema = hostile.schema;
other.messages = hostile.messages;
other.validators = hostileValidators;
other.data = hostile.data;

document.getElementById('application').addEventListener('submit', (e) => {
  e.preventDefault();
  window.__submitted = new FormData(e.target).get('registration');
});
window.__ready = true;

// csp.test.mjs asks the page itself (not DevTools, which may eval) to try `new Function`: it must be refused.
document.addEventListener('csp-probe', () =>
  setTimeout(() => {
    try {
      // eslint-disable-next-line no-restricted-syntax -- the probe proves the CSP refuses it
      window.__probe = new Function('return "allowed"')();
    } catch (e) {
      window.__probe = `blocked: ${e.name}`;
    }
  }),
);
