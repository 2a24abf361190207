/** @hoso/reports: the plans' indicators computed from case records (see types.ts for the contract). */
export type * from './types.js';
