/**
 * Every database migration, in order. Add a file `NNN-what.ts` and append it here; `DB_VERSION` is the last one's
 * version. Never edit a migration that has shipped: a database somewhere is at that version.
 */
import type { DatabaseMigration } from '../schema.js';
import { initial } from './001-initial.js';
import { personalId } from './002-personal-id.js';

export const MIGRATIONS: readonly DatabaseMigration[] = [initial, personalId];
