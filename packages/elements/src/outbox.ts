/**
 * The outbox of `@hoso/case-store` as its own chunk of the bundle: a portal with a backend (server mode) sends cases
 * with it; a page that keeps cases on the device only never downloads it. Import it through `loadOutbox()` of the
 * entry (see outbox-loader.ts); bundler users may import `@hoso/case-store` directly.
 */
export { OutboxSender, createHttpAdapter, outboxErrorMessage, keepAsDraft } from '@hoso/case-store';
