/**
 * The typed IndexedDB schema of `@hoso/case-store` (idb's `DBSchema`): object stores, their keys and indexes, as
 * they are at `DB_VERSION`. How a database of an older version gets here is in `migrations/`.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { AttachmentRecord, AuditRecord, CaseRecord, Draft, OutboxItem, OutboxStatus } from './types.js';

export interface HosoDB extends DBSchema {
  cases: {
    key: string;
    value: CaseRecord;
    indexes: {
      /** `person.communeCode` */
      byCommune: string;
      /** `person.personalId` (since version 2; version 1 stored it as `person.idNumber`) */
      byPersonalId: string;
      /** `procedure` */
      byProcedure: string;
      /** `updatedAt` */
      byUpdated: string;
    };
  };
  drafts: { key: string; value: Draft; indexes: { /** `caseId` */ byCase: string } };
  attachments: { key: string; value: AttachmentRecord; indexes: { /** `caseId` */ byCase: string } };
  outbox: {
    key: string;
    value: OutboxItem;
    indexes: { /** `status` */ byStatus: OutboxStatus; /** `caseId` */ byCase: string };
  };
  audit: { key: number; value: AuditRecord; indexes: { /** `caseId` */ byCase: string } };
}

export type HosoDatabase = IDBPDatabase<HosoDB>;
export type UpgradeTransaction = IDBPTransaction<HosoDB, StoreNames<HosoDB>[], 'versionchange'>;

/**
 * One numbered step of the database schema. `apply` runs inside the `versionchange` transaction when the stored
 * database is older than `version`; it may await IndexedDB requests of `tx` (and nothing else: the transaction
 * would commit under it).
 */
export interface DatabaseMigration {
  version: number;
  description: string;
  apply(db: HosoDatabase, tx: UpgradeTransaction): void | Promise<void>;
}
