/**
 * `change`: the form's data changed through a control. Carries the whole data and the current
 * validation errors (all of them, shown or not). Bubbles and crosses shadow roots.
 */
import type { ErrorObject } from 'ajv';

export class HosoChangeEvent extends Event {
  static readonly eventName = 'change';
  constructor(
    readonly data: unknown,
    readonly errors: readonly ErrorObject[],
  ) {
    super(HosoChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

// lib.dom already maps `change` to `Event` in GlobalEventHandlersEventMap and TypeScript refuses a second,
// narrower declaration; listeners narrow with `event instanceof HosoChangeEvent`.
