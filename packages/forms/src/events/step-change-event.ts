/**
 * `hoso-step-change`: the wizard (a `Categorization` UI schema) now shows another step, whether the user
 * pressed Next/Back or a script set `<hoso-form>.step`. `step` is the 0-based index of the shown
 * category among all categories of the UI schema (hidden ones included, so an index names one category
 * for good); `previous` is the step shown before; `label` is the shown category's translated label.
 * Bubbles and crosses shadow roots (listeners on `<hoso-form>` or above receive it).
 */
export class HosoStepChangeEvent extends Event {
  static readonly eventName = 'hoso-step-change';
  constructor(
    readonly step: number,
    readonly previous: number,
    readonly label: string,
  ) {
    super(HosoStepChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hoso-step-change': HosoStepChangeEvent;
  }
}
