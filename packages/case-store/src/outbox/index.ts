/**
 * The outbox: a backend adapter contract (`BackendAdapter`, `createHttpAdapter`) and the sender that delivers every
 * queued submission exactly once (`OutboxSender`). See docs/adapter-contract.md. With no adapter nothing is sent.
 */
export * from './adapter.js';
export * from './http-adapter.js';
export * from './backoff.js';
export * from './messages.js';
export * from './sender.js';
export * from './conflict.js';
