/** Strings of `<hoso-procedure>`, Vietnamese first; English complete. */
export interface ProcedureTerms {
  loading: string;
  loadFailed: (detail: string) => string;
  steps: string;
  currentStep: string;
  done: string;
  deadlines: string;
  noDeadlines: string;
  deadlineStatus: Record<'due' | 'at-risk' | 'overdue' | 'met' | 'late' | 'superseded', string>;
  dueOn: (date: string) => string;
  workingDaysLeft: (n: number) => string;
  basis: string;
  documents: string;
  documentsDue: string;
  documentsIssued: string;
  noDocuments: string;
  actions: string;
  noActions: string;
  notAllowed: string;
  start: (title: string) => string;
  newCase: string;
  checkAnswers: string;
  checkAnswersIntro: string;
  change: string;
  changeLabel: (field: string) => string;
  notAnswered: string;
  yes: string;
  no: string;
  items: (n: number) => string;
  back: string;
  continue: string;
  submit: string;
  cancel: string;
  confirm: (event: string) => string;
  refused: string;
  technicalDetail: string;
  saved: string;
  savedAt: (time: string) => string;
  saving: string;
  unsaved: string;
  draftRestored: (time: string) => string;
  flagged: string;
  conflict: string;
  reload: string;
  keepAsDraft: string;
  keptAsDraft: string;
  remoteChange: string;
  storageProblem: string;
  exportDraft: string;
  importDraft: string;
  imported: string;
  persisted: string;
  notPersisted: string;
  persistUnknown: string;
  person: string;
  law: string;
  closed: string;
  pending: (n: number) => string;
  failed: (n: number) => string;
  retry: string;
}

const vi: ProcedureTerms = {
  loading: 'Đang tải thủ tục…',
  loadFailed: (d) => `Không tải được thủ tục: ${d}`,
  steps: 'Các bước',
  currentStep: 'Bước hiện tại',
  done: 'Đã xong',
  deadlines: 'Thời hạn',
  noDeadlines: 'Bước này không có thời hạn đang chạy.',
  deadlineStatus: {
    due: 'Trong hạn',
    'at-risk': 'Sắp đến hạn',
    overdue: 'Quá hạn',
    met: 'Đã hoàn thành',
    late: 'Hoàn thành trễ hạn',
    superseded: 'Không còn áp dụng',
  },
  dueOn: (d) => `Hạn: ${d}`,
  workingDaysLeft: (n) => (n >= 0 ? `còn ${n} ngày làm việc` : `quá ${-n} ngày làm việc`),
  basis: 'Căn cứ',
  documents: 'Giấy tờ',
  documentsDue: 'Giấy tờ ban hành ở bước này',
  documentsIssued: 'Giấy tờ đã ban hành',
  noDocuments: 'Chưa có giấy tờ.',
  actions: 'Thao tác',
  noActions: 'Vai trò của bạn không có thao tác nào ở bước này.',
  notAllowed: 'Không được phép',
  start: (t) => `Bắt đầu: ${t}`,
  newCase: 'Hồ sơ mới',
  checkAnswers: 'Kiểm tra lại thông tin trước khi gửi',
  checkAnswersIntro: 'Hãy kiểm tra các thông tin dưới đây. Bấm “Sửa” để quay lại trường cần sửa.',
  change: 'Sửa',
  changeLabel: (f) => `Sửa “${f}”`,
  notAnswered: 'Chưa nhập',
  yes: 'Có',
  no: 'Không',
  items: (n) => `${n} mục`,
  back: 'Quay lại',
  continue: 'Tiếp tục',
  submit: 'Gửi',
  cancel: 'Huỷ',
  confirm: (e) => `Xác nhận: ${e}`,
  refused: 'Không thực hiện được',
  technicalDetail: 'Chi tiết kỹ thuật (cho bộ phận hỗ trợ)',
  saved: 'Đã lưu trên máy này',
  savedAt: (t) => `Đã lưu lúc ${t}`,
  saving: 'Đang lưu…',
  unsaved: 'Chưa lưu',
  draftRestored: (t) => `Đã khôi phục bản nháp lưu lúc ${t}.`,
  flagged: 'Mẫu đơn đã thay đổi. Các trường sau cần kiểm tra lại:',
  conflict: 'Hồ sơ này vừa được thay đổi ở một thẻ hoặc cửa sổ khác. Thay đổi của bạn chưa được ghi đè lên đó.',
  reload: 'Tải lại bản mới nhất',
  keepAsDraft: 'Giữ bản của tôi thành bản nháp mới',
  keptAsDraft: 'Bản của bạn đã được giữ thành bản nháp mới.',
  remoteChange: 'Hồ sơ đã được cập nhật từ một thẻ khác.',
  storageProblem:
    'Không lưu được vào bộ nhớ của trình duyệt. Thông tin bạn nhập vẫn còn trên trang này; hãy xuất bản nháp ra tệp để không mất dữ liệu.',
  exportDraft: 'Xuất bản nháp ra tệp',
  importDraft: 'Nhập bản nháp từ tệp',
  imported: 'Đã nhập bản nháp từ tệp.',
  persisted: 'Dữ liệu được lưu bền vững trên máy này.',
  notPersisted: 'Trình duyệt có thể xoá dữ liệu lưu trên máy khi thiếu dung lượng. Hãy gửi hồ sơ hoặc xuất bản nháp.',
  persistUnknown: 'Trình duyệt không cho biết dữ liệu có được lưu bền vững hay không.',
  person: 'Người liên quan',
  law: 'Phiên bản pháp luật',
  closed: 'Hồ sơ đã kết thúc',
  pending: (n) => `${n} hồ sơ đang chờ gửi`,
  failed: (n) => `${n} lần gửi không thành công`,
  retry: 'Gửi lại',
};

const en: ProcedureTerms = {
  loading: 'Loading the procedure…',
  loadFailed: (d) => `The procedure could not be loaded: ${d}`,
  steps: 'Steps',
  currentStep: 'Current step',
  done: 'Done',
  deadlines: 'Time limits',
  noDeadlines: 'No time limit is running at this step.',
  deadlineStatus: {
    due: 'On time',
    'at-risk': 'Due soon',
    overdue: 'Overdue',
    met: 'Met',
    late: 'Met late',
    superseded: 'No longer applies',
  },
  dueOn: (d) => `Due: ${d}`,
  workingDaysLeft: (n) => (n >= 0 ? `${n} working days left` : `${-n} working days overdue`),
  basis: 'Legal basis',
  documents: 'Documents',
  documentsDue: 'Documents issued at this step',
  documentsIssued: 'Documents issued',
  noDocuments: 'No documents yet.',
  actions: 'Actions',
  noActions: 'Your roles have no action at this step.',
  notAllowed: 'Not allowed',
  start: (t) => `Start: ${t}`,
  newCase: 'New case',
  checkAnswers: 'Check your answers before sending',
  checkAnswersIntro: 'Check the information below. Use “Change” to go back to a field.',
  change: 'Change',
  changeLabel: (f) => `Change “${f}”`,
  notAnswered: 'Not answered',
  yes: 'Yes',
  no: 'No',
  items: (n) => `${n} item${n === 1 ? '' : 's'}`,
  back: 'Back',
  continue: 'Continue',
  submit: 'Send',
  cancel: 'Cancel',
  confirm: (e) => `Confirm: ${e}`,
  refused: 'This could not be done',
  technicalDetail: 'Technical detail (for the support team)',
  saved: 'Saved on this device',
  savedAt: (t) => `Saved at ${t}`,
  saving: 'Saving…',
  unsaved: 'Not saved',
  draftRestored: (t) => `The draft saved at ${t} was restored.`,
  flagged: 'The form has changed. Check these fields again:',
  conflict: 'This case was just changed in another tab or window. Your changes have not overwritten it.',
  reload: 'Load the latest version',
  keepAsDraft: 'Keep my copy as a new draft',
  keptAsDraft: 'Your copy was kept as a new draft.',
  remoteChange: 'The case was updated from another tab.',
  storageProblem:
    'Saving to the browser’s storage failed. What you typed is still on this page; export the draft to a file so nothing is lost.',
  exportDraft: 'Export the draft to a file',
  importDraft: 'Import a draft from a file',
  imported: 'The draft was imported from the file.',
  persisted: 'Data is stored persistently on this device.',
  notPersisted:
    'The browser may delete data stored on this device when space runs low. Send the case or export the draft.',
  persistUnknown: 'The browser does not tell whether data is stored persistently.',
  person: 'Person',
  law: 'Law version',
  closed: 'The case is closed',
  pending: (n) => `${n} submission(s) waiting to be sent`,
  failed: (n) => `${n} submission(s) failed`,
  retry: 'Retry',
};

export const procedureTerms = { vi, en } as const;
