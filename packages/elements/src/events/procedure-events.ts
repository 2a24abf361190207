/**
 * Events of `<hoso-procedure>`. Each bubbles and crosses shadow roots, so a portal listens on the element or
 * on any ancestor.
 */
import type { Case, CaseEvent } from '@hoso/workflow';
import { HosoStepChangeEvent } from '@hoso/forms/events';

/**
 * `hoso-step-change`: the case moved to another step (state), or the element opened another case. Extends the
 * form wizard's event of the same name: `step` is the index of the state in the case's path, `label` its
 * title; `state`/`previousState` are the machine state names.
 */
export class HosoCaseStepEvent extends HosoStepChangeEvent {
  constructor(
    readonly caseId: string,
    readonly state: string,
    readonly previousState: string | undefined,
    step: number,
    label: string,
  ) {
    super(step, step - 1, label);
  }
}

/** `hoso-case-saved`: a case was written to the device's store (after an accepted event). */
export class HosoCaseSavedEvent extends Event {
  static readonly eventName = 'hoso-case-saved';
  constructor(
    readonly caseRecord: Case,
    readonly event: CaseEvent,
  ) {
    super(HosoCaseSavedEvent.eventName, { bubbles: true, composed: true });
  }
}

/**
 * `submit`: the person confirmed an event on the "check your answers" page and the procedure accepted it.
 * `.event` is the case event (type, time, who, form data); `.caseRecord` the case after it. Cancel it
 * (`preventDefault()`) to keep the case unchanged, e.g. when the portal's own backend refuses it.
 */
export class HosoProcedureSubmitEvent extends Event {
  constructor(
    readonly event: CaseEvent,
    readonly caseRecord: Case,
  ) {
    super('submit', { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hoso-case-saved': HosoCaseSavedEvent;
  }
}
