/** `<hoso-document>`, its template format and the filling model. */
export { HosoDocument } from './hoso-document.js';
export { fillDocument, type DocumentCase, type FilledDocument, type FilledParagraph } from './model.js';
export { fill, formatDate, formatLongDate, placeholders, MISSING, TemplateSyntaxError, type Segment } from './fill.js';
export { resolveIssuer, IssuerError, type DocumentUnit, type Issuer } from './offices.js';
export {
  checkTemplate,
  TemplateFormatError,
  type DocumentTemplate,
  type BodyItem,
  type Delegation,
} from './template.js';
export {
  builtinTemplates,
  builtinTemplateIds,
  templateSource,
  UnknownTemplateError,
  type TemplateSource,
} from './templates.js';
export { MARGINS_MM } from './hoso-document.styles.js';
export { HosoDocumentOpenEvent } from './open-event.js';
export { issuedDocumentTerms, type IssuedDocumentTerms } from './terms.js';
