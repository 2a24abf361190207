/**
 * `loadDocument()`: `<hoso-document>` and its helpers (`fillDocument`, `fill`, `checkTemplate`, `builtinTemplates`,
 * `resolveIssuer`, …) from their own chunk of the bundle. The entry keeps only what `<hoso-procedure>` needs of the
 * documents (the `hoso-document-open` event and the issued-documents terms); a page that shows or prints a document
 * awaits `loadDocument()` first, which also registers `<hoso-document>`.
 */
export type DocumentApi = typeof import('./document/index.js');

/** Loads the document chunk, registers `<hoso-document>` and returns the module (the same one on every call). */
export async function loadDocument(): Promise<DocumentApi> {
  return import('./document/index.js');
}
