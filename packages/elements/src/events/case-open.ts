/**
 * `hoso-case-open`: the user chose to open a case (click or Enter on its button in `<hoso-case-list>` or
 * `<hoso-case-timeline>`). `caseId` is the case's id in the case store; `procedure` its procedure id.
 * The element does not navigate: the host page listens and shows the case. Bubbles and crosses shadow roots.
 */
export class HosoCaseOpenEvent extends Event {
  static readonly eventName = 'hoso-case-open';
  constructor(
    readonly caseId: string,
    readonly procedure: string,
  ) {
    super(HosoCaseOpenEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hoso-case-open': HosoCaseOpenEvent;
  }
}
