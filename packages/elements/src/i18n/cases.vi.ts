/** Vietnamese strings of the case list and timeline (the default language). */
import type { CaseTerms } from './cases.terms.js';

const L = 'vi-VN';
const n = (value: number): string => new Intl.NumberFormat(L).format(value);

export const casesVi: CaseTerms = {
  locale: L,
  listCaption: (commune) => (commune ? `Hồ sơ của xã, phường (mã ${commune})` : 'Hồ sơ trên thiết bị này'),
  searchLabel: 'Tìm theo họ tên hoặc số định danh cá nhân',
  searchHint: 'Có thể gõ không dấu; số định danh có thể gõ vài số đầu.',
  procedureFilter: 'Thủ tục',
  allProcedures: 'Tất cả thủ tục',
  statusFilter: 'Tình trạng',
  allStatuses: 'Tất cả tình trạng',
  rowStatus: {
    overdue: 'Quá hạn',
    'at-risk': 'Sắp đến hạn',
    due: 'Trong hạn',
    none: 'Không có thời hạn đang chạy',
    closed: 'Đã kết thúc',
  },
  columns: {
    name: 'Họ và tên',
    personalId: 'Số định danh cá nhân',
    procedure: 'Thủ tục',
    step: 'Bước hiện tại',
    deadline: 'Thời hạn tiếp theo',
    status: 'Tình trạng',
  },
  caseStatus: { active: 'Đang giải quyết', closed: 'Đã kết thúc' },
  deadlineStatus: { due: 'Trong hạn', 'at-risk': 'Sắp đến hạn', overdue: 'Quá hạn', met: 'Đã hoàn thành' },
  workingDaysLeft: (d) => `còn ${n(d)} ngày làm việc`,
  dueToday: 'hết hạn trong hôm nay',
  overdueBy: (d) => `quá ${n(d)} ngày làm việc`,
  noDeadline: 'Không có thời hạn đang chạy',
  resultCount: (shown, total) =>
    shown === total ? `${n(total)} hồ sơ` : `Tìm thấy ${n(shown)} trong ${n(total)} hồ sơ`,
  loading: 'Đang tải danh sách hồ sơ…',
  empty: 'Chưa có hồ sơ nào trên thiết bị này.',
  noMatch: 'Không có hồ sơ nào phù hợp với điều kiện tìm kiếm.',
  loadError: (message) => `Không đọc được danh sách hồ sơ: ${message}`,
  badNow: (value) =>
    `Thuộc tính now không phải là thời điểm hợp lệ (ISO 8601, ví dụ 2026-07-14T10:00:00+07:00): "${value}". Đang dùng giờ hiện tại.`,
  unreadable: 'Không đọc được hồ sơ này',
  unnamed: '(chưa có họ tên)',
  pages: 'Phân trang',
  previousPage: 'Trang trước',
  nextPage: 'Trang sau',
  pageOf: (page, pages) => `Trang ${n(page)}/${n(pages)}`,

  timelineTitle: (name) => (name ? `Quá trình giải quyết các hồ sơ của ${name}` : 'Quá trình giải quyết các hồ sơ'),
  noPerson: 'Chưa chọn người (thiếu số định danh cá nhân).',
  noCases: 'Không có hồ sơ nào của người này trên thiết bị.',
  started: 'Bắt đầu',
  updated: 'Cập nhật lần cuối',
  currentStep: 'Bước hiện tại',
  steps: 'Các bước đã thực hiện',
  noSteps: 'Chưa có bước nào được thực hiện.',
  documents: 'Văn bản đã ban hành',
  noDocuments: 'Chưa ban hành văn bản nào.',
  by: (who) => `người thực hiện: ${who}`,
  openCase: (procedure) => `Mở hồ sơ ${procedure}`,
  caseNumber: (index, total) => `Hồ sơ ${n(index)}/${n(total)}`,
};
