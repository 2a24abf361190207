/** Shape checks for an incoming event; returns what is wrong, or undefined. */
import { DateFormatError, parseInstant } from '../time/dates.js';
import type { CaseEvent } from './case.js';

export function checkEvent(e: CaseEvent): string | undefined {
  if (!e || typeof e !== 'object') return 'the event must be an object';
  if (typeof e.type !== 'string' || !e.type) return '"type" is required';
  try {
    parseInstant(e.at, 'at');
  } catch (err) {
    if (err instanceof DateFormatError) return err.message;
    throw err;
  }
  if (!e.by || typeof e.by.id !== 'string' || !Array.isArray(e.by.roles)) return '"by" must be { id, roles: [...] }';
  return undefined;
}
