/**
 * Persistent storage: `requestPersistence()` asks the browser not to evict this site's data under storage
 * pressure (`navigator.storage.persist()`), and `storageEstimate()` says how much is used and allowed. The result
 * should be shown where it matters (before a long form is started), with `persistenceMessage(result)`.
 */
import type { LocalizedText } from './errors.js';

/** `persisted`: the data will not be evicted; `prompt-denied`: the browser (or the person) said no. */
export type PersistenceResult = 'persisted' | 'prompt-denied' | 'unsupported';

/**
 * Asks for persistent storage (a no-op when it is already granted). Never throws. Firefox asks the person with a
 * prompt that may stay unanswered: after `timeoutMs` (default 10 s) this resolves `prompt-denied` (not granted so
 * far; if the person accepts later, `navigator.storage.persisted()` turns true).
 */
export async function requestPersistence(options: { timeoutMs?: number } = {}): Promise<PersistenceResult> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage || typeof storage.persist !== 'function') return 'unsupported';
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return 'persisted';
    const unanswered = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), options.timeoutMs ?? 10_000);
    });
    return (await Promise.race([storage.persist(), unanswered])) ? 'persisted' : 'prompt-denied';
  } catch {
    return 'unsupported';
  } finally {
    clearTimeout(timer);
  }
}

/** Bytes used and allowed for this site, when the browser tells (else `undefined`). */
export async function storageEstimate(): Promise<{ usage: number; quota: number } | undefined> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage || typeof storage.estimate !== 'function') return undefined;
  try {
    const { usage, quota } = await storage.estimate();
    return typeof usage === 'number' && typeof quota === 'number' ? { usage, quota } : undefined;
  } catch {
    return undefined;
  }
}

const MESSAGES: Record<PersistenceResult, LocalizedText> = {
  persisted: {
    vi: 'Bản nháp được lưu bền vững trên máy này: trình duyệt sẽ không tự xoá khi thiếu dung lượng.',
    en: 'Drafts are stored persistently on this device: the browser will not clear them when space runs low.',
  },
  'prompt-denied': {
    vi: 'Trình duyệt có thể tự xoá bản nháp khi máy thiếu dung lượng. Hãy gửi hồ sơ sớm hoặc xuất bản nháp ra tệp.',
    en: 'The browser may clear drafts when the device runs low on space. Submit soon or export the draft to a file.',
  },
  unsupported: {
    vi: 'Trình duyệt này không hỗ trợ lưu bền vững; bản nháp có thể bị xoá khi máy thiếu dung lượng. Hãy xuất bản nháp ra tệp nếu cần.',
    en: 'This browser cannot store drafts persistently; they may be cleared when space runs low. Export the draft to a file if needed.',
  },
};

/** What to tell the person about `result`, in vi and en. */
export function persistenceMessage(result: PersistenceResult): LocalizedText {
  return MESSAGES[result];
}
