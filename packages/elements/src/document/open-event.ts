/**
 * `hoso-document-open`: the user asked to see (and print) a document a case has issued, from the list of issued
 * documents in `<hoso-procedure>`. `caseId` is the case's id in the case store, `procedure` its procedure id,
 * `document` the document id (the machine's `meta.documents` id, the `document` attribute of `<hoso-document>`);
 * `issued` is the record in `case.documents` (number, date, form code). The element does not navigate: the host
 * page listens and shows `<hoso-document>` (the demo portal routes to `#/ho-so/<procedure>/<caseId>/van-ban/<id>`).
 * Bubbles and crosses shadow roots.
 */
import type { IssuedDocument } from '@hoso/workflow';

export class HosoDocumentOpenEvent extends Event {
  static readonly eventName = 'hoso-document-open';
  constructor(
    readonly caseId: string,
    readonly procedure: string,
    readonly document: string,
    readonly issued?: IssuedDocument,
  ) {
    super(HosoDocumentOpenEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hoso-document-open': HosoDocumentOpenEvent;
  }
}
