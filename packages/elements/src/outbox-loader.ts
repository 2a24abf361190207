/**
 * `loadOutbox()`: the outbox API of `@hoso/case-store` (`OutboxSender`, `createHttpAdapter`, `outboxErrorMessage`,
 * `keepAsDraft`), loaded from its own chunk on first use so that the bundle's first load stays small.
 */
export type OutboxApi = typeof import('./outbox.js');

/** Loads the outbox chunk and returns its API (the same module on every call). */
export async function loadOutbox(): Promise<OutboxApi> {
  return import('./outbox.js');
}
