/**
 * What the outbox shows a person, in Vietnamese and English: the state of a submission and why it failed.
 * `outboxErrorMessage(item)` gives the server's own message for a refusal when it sent one.
 */
import type { OutboxItem, OutboxStatus } from '../types.js';
import type { BilingualText, Refusal } from './adapter.js';

export const OUTBOX_STATUS_TEXT: Readonly<Record<OutboxStatus, BilingualText>> = Object.freeze({
  pending: { vi: 'Đang chờ gửi', en: 'Waiting to be sent' },
  sending: { vi: 'Đang gửi', en: 'Sending' },
  sent: { vi: 'Đã gửi', en: 'Sent' },
  failed: { vi: 'Gửi không thành công', en: 'Not sent' },
  resolved: { vi: 'Không gửi: đã giữ lại làm bản nháp', en: 'Not sent: kept as a draft' },
});

const ERROR_TEXT: Readonly<Record<string, BilingualText>> = Object.freeze({
  network: {
    vi: 'Không kết nối được máy chủ. Hồ sơ sẽ tự gửi lại khi có mạng.',
    en: 'Could not reach the server. It will be sent again when the network is back.',
  },
  timeout: {
    vi: 'Máy chủ không trả lời kịp. Hồ sơ sẽ tự gửi lại.',
    en: 'The server did not answer in time. It will be sent again.',
  },
  'http-5xx': {
    vi: 'Máy chủ đang gặp sự cố. Hồ sơ sẽ tự gửi lại.',
    en: 'The server has a problem. It will be sent again.',
  },
  'http-429': {
    vi: 'Máy chủ đang quá tải. Hồ sơ sẽ tự gửi lại sau.',
    en: 'The server is busy. It will be sent again later.',
  },
  'revision-conflict': {
    vi: 'Hồ sơ đã được thay đổi ở nơi khác. Vui lòng tải lại hồ sơ rồi thử lại.',
    en: 'The case was changed elsewhere. Reload the case, then try again.',
  },
  'attachment-missing': {
    vi: 'Không tìm thấy tệp đính kèm trên thiết bị này.',
    en: 'The attached file is no longer on this device.',
  },
  'invalid-response': {
    vi: 'Máy chủ trả lời không đúng định dạng. Vui lòng báo cho quản trị viên.',
    en: 'The server answered in an unexpected format. Please tell the administrator.',
  },
  other: {
    vi: 'Máy chủ từ chối hồ sơ. Vui lòng kiểm tra rồi gửi lại.',
    en: 'The server refused the submission. Check it, then send it again.',
  },
});

/** The item as the sender stores it: the refusal from the server, when there was one. */
export type OutboxItemWithRefusal = OutboxItem & { refusal?: Refusal };

/** Why the item is not sent yet, in both languages; undefined when nothing went wrong. */
export function outboxErrorMessage(item: OutboxItemWithRefusal): BilingualText | undefined {
  const code = item.lastError;
  if (code === undefined) return undefined;
  if (item.refusal?.message) return item.refusal.message;
  if (ERROR_TEXT[code]) return ERROR_TEXT[code];
  if (/^http-5\d\d$/.test(code) || code === 'http-408' || code === 'http-425') return ERROR_TEXT['http-5xx'];
  return item.status === 'failed' ? ERROR_TEXT.other : ERROR_TEXT.network;
}
