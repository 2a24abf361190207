/**
 * `hoso-invalid`: a submit (`validate()`, or the enclosing `<form>` submitting) found errors. The error
 * summary is shown and focused; `errors` lists every error. Bubbles and crosses shadow roots.
 */
import type { ErrorObject } from 'ajv';

export class HosoInvalidEvent extends Event {
  static readonly eventName = 'hoso-invalid';
  constructor(readonly errors: readonly ErrorObject[]) {
    super(HosoInvalidEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hoso-invalid': HosoInvalidEvent;
  }
}
