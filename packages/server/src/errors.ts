/**
 * Refusals as the adapter contract words them: `{ ok: false, code, message: { vi, en }, pointer?, rev? }` with an
 * HTTP status. Every code the server itself produces has its text here, in Vietnamese and English; workflow
 * refusals (`not-allowed-in-state`, `guard-failed`, …) carry the runtime's own text.
 */
import { JsonSyntaxError, jsonPositions } from '@hoso/workflow';

export interface Text {
  vi: string;
  en: string;
}

export interface RefusalBody {
  ok: false;
  code: string;
  message: Text;
  pointer?: string;
  rev?: number;
  case?: unknown;
  detail?: string;
}

const TEXT: Record<string, [number, Text]> = {
  'invalid-json': [400, { vi: 'Nội dung gửi lên không phải JSON hợp lệ.', en: 'The request body is not valid JSON.' }],
  'invalid-submission': [400, { vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'The submitted data is not valid.' }],
  'missing-idempotency-key': [
    400,
    { vi: 'Thiếu tiêu đề Idempotency-Key.', en: 'The Idempotency-Key header is missing.' },
  ],
  'case-id-mismatch': [
    400,
    {
      vi: 'Mã hồ sơ trong đường dẫn và trong nội dung khác nhau.',
      en: 'The case id in the path and in the body differ.',
    },
  ],
  'missing-case-id': [400, { vi: 'Thiếu tiêu đề X-Hoso-Case-Id.', en: 'The X-Hoso-Case-Id header is missing.' }],
  'invalid-query': [400, { vi: 'Tham số truy vấn không hợp lệ.', en: 'A query parameter is not valid.' }],
  unauthorized: [401, { vi: 'Bạn cần đăng nhập.', en: 'You need to sign in.' }],
  'token-expired': [401, { vi: 'Phiên đăng nhập đã hết hạn.', en: 'Your sign-in has expired.' }],
  'token-invalid': [401, { vi: 'Mã đăng nhập không hợp lệ.', en: 'The sign-in token is not valid.' }],
  'other-commune': [
    403,
    {
      vi: 'Bạn chỉ được xem và xử lý hồ sơ của xã, phường nơi mình công tác.',
      en: 'You may only read and change cases of your own commune.',
    },
  ],
  'role-not-permitted': [
    403,
    { vi: 'Vai trò của bạn không được thực hiện thao tác này.', en: 'Your roles may not take this action.' },
  ],
  'case-not-found': [404, { vi: 'Không tìm thấy hồ sơ.', en: 'The case was not found.' }],
  'attachment-not-found': [
    404,
    { vi: 'Không tìm thấy tệp đính kèm này của hồ sơ.', en: 'This case has no such attachment.' },
  ],
  'not-found': [404, { vi: 'Không có địa chỉ này.', en: 'There is nothing at this address.' }],
  'revision-conflict': [
    409,
    {
      vi: 'Hồ sơ đã được thay đổi ở nơi khác. Bản của bạn được giữ lại làm bản nháp.',
      en: 'The case was changed elsewhere. Your version is kept as a draft.',
    },
  ],
  'attachment-exists': [
    409,
    {
      vi: 'Đã có một tệp khác với mã này.',
      en: 'Another file already has this id.',
    },
  ],
  'too-large': [413, { vi: 'Tệp quá lớn.', en: 'The file is too large.' }],
  'unsupported-type': [415, { vi: 'Loại tệp này không được nhận.', en: 'This type of file is not accepted.' }],
  'unknown-procedure': [422, { vi: 'Không có thủ tục này.', en: 'There is no such procedure.' }],
  'procedure-version-mismatch': [
    422,
    {
      vi: 'Phiên bản thủ tục trên thiết bị khác với máy chủ.',
      en: 'The procedure version on the device differs from the server.',
    },
  ],
  'law-version-mismatch': [
    422,
    {
      vi: 'Phiên bản văn bản pháp luật áp dụng khác với máy chủ.',
      en: 'The law version applied differs from the server.',
    },
  ],
  'idempotency-key-reused': [
    422,
    {
      vi: 'Mã Idempotency-Key đã được dùng cho một nội dung khác.',
      en: 'The Idempotency-Key was already used for a different request.',
    },
  ],
  'audit-broken': [
    500,
    {
      vi: 'Nhật ký kiểm tra của hồ sơ bị hỏng; không ghi gì thêm.',
      en: "The case's audit chain is broken; nothing was written.",
    },
  ],
  internal: [500, { vi: 'Lỗi máy chủ. Vui lòng thử lại sau.', en: 'Server error. Please try again later.' }],
};

/** A refusal to answer with; `status` is the HTTP status. */
export class ApiError extends Error {
  readonly status: number;
  readonly body: RefusalBody;
  constructor(
    code: string,
    extra: { pointer?: string; rev?: number; case?: unknown; detail?: string; message?: Text; status?: number } = {},
  ) {
    const known = TEXT[code];
    const message = extra.message ?? known?.[1] ?? TEXT['internal']![1];
    super(`${code}: ${message.en}${extra.detail ? ` (${extra.detail})` : ''}`);
    this.status = extra.status ?? known?.[0] ?? 422;
    this.body = { ok: false, code, message };
    if (extra.pointer !== undefined) this.body.pointer = extra.pointer;
    if (extra.rev !== undefined) this.body.rev = extra.rev;
    if (extra.case !== undefined) this.body.case = extra.case;
    if (extra.detail !== undefined) this.body.detail = extra.detail;
  }
}

/** Every code the server produces itself, with its status (for the OpenAPI document and the docs). */
export const serverCodes = (): Array<{ code: string; status: number; message: Text }> =>
  Object.entries(TEXT).map(([code, [status, message]]) => ({ code, status, message }));

/** Parses a request body; a syntax error becomes `invalid-json` saying where (line:column) and what. */
export function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    let detail = (e as Error).message;
    try {
      jsonPositions(text);
    } catch (p) {
      if (p instanceof JsonSyntaxError) detail = `line ${p.position.line}, column ${p.position.column}: ${p.message}`;
    }
    throw new ApiError('invalid-json', { detail });
  }
}
