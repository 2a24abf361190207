/**
 * The errors `@hoso/case-store` throws. Each has a stable `code` a program can switch on, a `messages` pair
 * (`{ vi, en }`) a UI can show as it is, and the underlying error kept as `cause`. `message` is the English text
 * plus technical detail, for logs.
 *
 * `toStoreError(error)` turns what IndexedDB throws (a `DOMException`, often only visible as the transaction's
 * `error` after an abort) into one of these.
 */

/** Text for both languages of the package (vi is the default language of hoso). */
export interface LocalizedText {
  vi: string;
  en: string;
}

/** Base class: every error of this package. */
export abstract class CaseStoreError extends Error {
  abstract readonly code: string;
  /** What to tell the person, in Vietnamese and English. */
  readonly messages: LocalizedText;

  constructor(messages: LocalizedText, detail?: string, cause?: unknown) {
    super(detail ? `${messages.en} (${detail})` : messages.en, cause === undefined ? undefined : { cause });
    this.messages = messages;
  }

  /** The message in `lang` (`vi` unless `en` is asked for). */
  localized(lang: string): string {
    return lang.toLowerCase().startsWith('en') ? this.messages.en : this.messages.vi;
  }
}

/** The browser refused to store more (`QuotaExceededError`): nothing of this write was stored. */
export class StorageFullError extends CaseStoreError {
  readonly code = 'storage-full' as const;
  override readonly name = 'StorageFullError';
  constructor(cause?: unknown) {
    super(
      {
        vi: 'Bộ nhớ của trình duyệt đã đầy nên chưa lưu được. Những gì bạn đã nhập vẫn còn trên trang: hãy xuất bản nháp ra tệp, hoặc giải phóng dung lượng rồi thử lại.',
        en: 'The browser’s storage is full, so this was not saved. What you typed is still on the page: export the draft to a file, or free some space and try again.',
      },
      cause instanceof Error ? `${cause.name}: ${cause.message}` : undefined,
      cause,
    );
  }
}

/** Why the database cannot be used: see `StoreUnavailableError.reason`. */
export type UnavailableReason =
  | 'no-indexeddb'
  | 'blocked'
  | 'version-change'
  | 'terminated'
  | 'closed'
  | 'invalid-state'
  | 'newer-version'
  | 'open-failed';

const UNAVAILABLE: Record<UnavailableReason, LocalizedText> = {
  'no-indexeddb': {
    vi: 'Trình duyệt này không cho lưu dữ liệu trên máy (có thể đang ở chế độ riêng tư). Những gì bạn nhập chỉ còn đến khi đóng trang: hãy xuất bản nháp ra tệp.',
    en: 'This browser does not allow saving data on this device (private mode?). What you type is kept only until the page closes: export the draft to a file.',
  },
  blocked: {
    vi: 'Một thẻ khác đang mở hồ sơ bằng phiên bản cũ nên chưa mở được kho dữ liệu. Hãy đóng các thẻ khác của trang này rồi thử lại.',
    en: 'Another tab is using an older version of this page, so the data store cannot open. Close the other tabs of this page and try again.',
  },
  'version-change': {
    vi: 'Một thẻ khác vừa mở phiên bản mới của trang nên thẻ này đã ngừng lưu. Hãy tải lại trang; những gì chưa lưu vẫn còn trên trang này và có thể xuất ra tệp.',
    en: 'Another tab opened a newer version of this page, so this tab stopped saving. Reload the page; anything not saved is still on this page and can be exported to a file.',
  },
  terminated: {
    vi: 'Trình duyệt đã đóng kho dữ liệu bất ngờ. Hãy tải lại trang; những gì chưa lưu vẫn còn trên trang này và có thể xuất ra tệp.',
    en: 'The browser closed the data store unexpectedly. Reload the page; anything not saved is still on this page and can be exported to a file.',
  },
  closed: {
    vi: 'Kho dữ liệu đã đóng. Hãy tải lại trang.',
    en: 'The data store is closed. Reload the page.',
  },
  'invalid-state': {
    vi: 'Kho dữ liệu không còn dùng được. Hãy tải lại trang; những gì chưa lưu vẫn còn trên trang này và có thể xuất ra tệp.',
    en: 'The data store can no longer be used. Reload the page; anything not saved is still on this page and can be exported to a file.',
  },
  'newer-version': {
    vi: 'Dữ liệu trên máy này đã được lưu bởi phiên bản mới hơn của trang. Hãy tải lại trang để dùng phiên bản mới nhất.',
    en: 'The data on this device was saved by a newer version of this page. Reload the page to use the latest version.',
  },
  'open-failed': {
    vi: 'Không mở được kho dữ liệu trên máy. Hãy tải lại trang; nếu vẫn lỗi, hãy xuất bản nháp ra tệp.',
    en: 'The data store on this device could not be opened. Reload the page; if it still fails, export the draft to a file.',
  },
};

/** The database cannot be used now: blocked by another tab, closed, or not available at all. */
export class StoreUnavailableError extends CaseStoreError {
  readonly code = 'store-unavailable' as const;
  override readonly name = 'StoreUnavailableError';
  constructor(
    readonly reason: UnavailableReason,
    cause?: unknown,
  ) {
    super(UNAVAILABLE[reason], cause instanceof Error ? `${reason}: ${cause.name}: ${cause.message}` : reason, cause);
  }
}

/** The record changed since it was read (another tab saved it): nothing was written. */
export class RevisionConflictError extends CaseStoreError {
  readonly code = 'revision-conflict' as const;
  override readonly name = 'RevisionConflictError';
  constructor(
    /** `case` or `draft`. */
    readonly kind: 'case' | 'draft',
    readonly id: string,
    /** The revision now stored (0: the record does not exist any more). */
    readonly storedRev: number,
    /** The revision the write was based on. */
    readonly expectedRev: number,
  ) {
    super(
      {
        vi: 'Hồ sơ này vừa được lưu ở một thẻ hoặc cửa sổ khác. Hãy tải lại để xem bản mới nhất, hoặc giữ bản của bạn thành một bản nháp riêng.',
        en: 'This record was just saved in another tab or window. Reload to see the latest version, or keep your copy as a separate draft.',
      },
      `${kind} ${id}: stored rev ${storedRev}, write based on rev ${expectedRev}`,
    );
  }
}

/** A stored database or draft could not be brought to the current version. */
export class MigrationError extends CaseStoreError {
  readonly code = 'migration-failed' as const;
  override readonly name = 'MigrationError';
  constructor(detail: string, cause?: unknown) {
    super(
      {
        vi: 'Không chuyển được dữ liệu đã lưu sang phiên bản mới của biểu mẫu. Dữ liệu cũ vẫn được giữ nguyên; hãy xuất bản nháp ra tệp và báo cho cán bộ hỗ trợ.',
        en: 'Saved data could not be brought to the new version of the form. The old data is kept as it was; export the draft to a file and tell support staff.',
      },
      detail,
      cause,
    );
  }
}

/** Why a draft file was refused: see `DraftFileError.reason`. */
export type DraftFileReason = 'not-json' | 'wrong-format' | 'unsupported-version' | 'checksum' | 'missing-fields';

const DRAFT_FILE: Record<DraftFileReason, LocalizedText> = {
  'not-json': {
    vi: 'Tệp này không phải tệp bản nháp hợp lệ (không đọc được nội dung JSON).',
    en: 'This file is not a valid draft file (its JSON content cannot be read).',
  },
  'wrong-format': {
    vi: 'Tệp này không phải tệp bản nháp của hệ thống hồ sơ.',
    en: 'This file is not a draft file exported by this service.',
  },
  'unsupported-version': {
    vi: 'Tệp bản nháp này được tạo bởi phiên bản mới hơn của trang. Hãy dùng phiên bản mới nhất để mở.',
    en: 'This draft file was made by a newer version of this page. Open it with the latest version.',
  },
  checksum: {
    vi: 'Tệp bản nháp đã bị thay đổi hoặc bị hỏng sau khi xuất (mã kiểm tra không khớp).',
    en: 'The draft file was changed or damaged after it was exported (its checksum does not match).',
  },
  'missing-fields': {
    vi: 'Tệp bản nháp thiếu thông tin cần thiết.',
    en: 'The draft file is missing required information.',
  },
};

/** A file given to `importDraft` is not a draft this package exported, or was damaged. */
export class DraftFileError extends CaseStoreError {
  readonly code = 'draft-file' as const;
  override readonly name = 'DraftFileError';
  constructor(
    readonly reason: DraftFileReason,
    /** Where and what, for the person who looks closer (`line 3, column 7: …`, the missing fields…). */
    readonly detail: LocalizedText,
    cause?: unknown,
  ) {
    super(
      { vi: `${DRAFT_FILE[reason].vi} ${detail.vi}`, en: `${DRAFT_FILE[reason].en} ${detail.en}` },
      undefined,
      cause,
    );
  }
}

const isQuota = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'QuotaExceededError';

/**
 * Maps what IndexedDB threw to a `CaseStoreError`. `transactionError` is the transaction's own `error` (an aborted
 * transaction rejects with a bare `AbortError`; the quota error is only there). Errors of this package pass through.
 */
export function toStoreError(error: unknown, transactionError?: unknown): unknown {
  if (error instanceof CaseStoreError) return error;
  if (isQuota(error) || isQuota(transactionError))
    return new StorageFullError(isQuota(error) ? error : transactionError);
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  if (name === 'InvalidStateError') return new StoreUnavailableError('invalid-state', error);
  return error;
}
