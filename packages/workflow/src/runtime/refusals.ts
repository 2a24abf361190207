/** Refusal messages in Vietnamese and English. */
import type { Refusal, RefusalCode } from './case.js';

type Vars = Record<string, string>;
const templates: Record<RefusalCode, { vi: string; en: string }> = {
  'invalid-event': { vi: 'Sự kiện không hợp lệ: {problem}', en: 'Invalid event: {problem}' },
  'unknown-event': {
    vi: 'Thủ tục "{procedure}" không có sự kiện "{event}"',
    en: 'Procedure "{procedure}" has no event "{event}"',
  },
  'case-closed': {
    vi: 'Hồ sơ đã kết thúc (bước "{state}"); không nhận thêm sự kiện "{event}"',
    en: 'The case is closed (step "{state}"); event "{event}" cannot be accepted',
  },
  'out-of-order': {
    vi: 'Thời điểm {at} sớm hơn sự kiện đã ghi nhận trước đó ({last})',
    en: 'Time {at} is earlier than the last accepted event ({last})',
  },
  'not-allowed-in-state': {
    vi: 'Không thể thực hiện "{event}" ở bước "{state}"; có thể: {allowed}',
    en: '"{event}" is not possible at step "{state}"; possible: {allowed}',
  },
  'role-not-permitted': {
    vi: '"{event}" ở bước "{state}" chỉ do {offices} thực hiện; người dùng {user} có vai trò: {roles}',
    en: '"{event}" at step "{state}" may only be sent by {officesEn}; user {user} has roles: {roles}',
  },
  'guard-failed': {
    vi: 'Điều kiện để thực hiện "{event}" ở bước "{state}" chưa được đáp ứng',
    en: 'The conditions for "{event}" at step "{state}" are not met',
  },
  'guard-error': {
    vi: 'Không kiểm tra được điều kiện của "{event}": thiếu hoặc sai dữ liệu',
    en: 'The conditions for "{event}" could not be checked: missing or malformed data',
  },
  'calendar-missing': {
    vi: 'Chưa có lịch nghỉ lễ năm {year} để tính thời hạn',
    en: 'No holiday calendar for {year} to compute the deadline',
  },
  'deadline-data-invalid': {
    vi: 'Không tính được thời hạn "{deadline}" từ dữ liệu hồ sơ: {problem}',
    en: 'The time limit "{deadline}" cannot be computed from the case data: {problem}',
  },
  'law-value-missing': {
    vi: 'Văn bản pháp luật {law} không quy định "{path}"',
    en: 'Law version {law} has no value "{path}"',
  },
};

function fill(t: string, vars: Vars): string {
  return t.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? `{${k}}`);
}

export function refusal(code: RefusalCode, vars: Vars, detail?: string): Refusal {
  const t = templates[code];
  return { code, message: { vi: fill(t.vi, vars), en: fill(t.en, vars) }, ...(detail ? { detail } : {}) };
}
