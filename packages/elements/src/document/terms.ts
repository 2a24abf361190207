/** The messages `<hoso-document>` shows around the document (the document itself is Vietnamese), vi and en. */
import type { Lang } from '../i18n/lang.js';

export interface DocumentTerms {
  loading: string;
  none: string;
  error: string;
  missingTitle: string;
  missingIntro: string;
}

const TERMS: Record<Lang, DocumentTerms> = {
  vi: {
    loading: 'Đang chuẩn bị văn bản…',
    none: 'Chưa chọn hồ sơ hoặc văn bản.',
    error: 'Không hiển thị được văn bản',
    missingTitle: 'Thông tin còn thiếu',
    missingIntro: 'Hồ sơ chưa có các thông tin sau; chỗ trống được đánh dấu "……" trong văn bản:',
  },
  en: {
    loading: 'Preparing the document…',
    none: 'No case or document chosen.',
    error: 'The document cannot be shown',
    missingTitle: 'Missing information',
    missingIntro: 'The case does not have the following yet; each gap is marked "……" in the document:',
  },
};

/** The terms in a language. */
export const documentTerms = (lang: Lang): DocumentTerms => TERMS[lang];

/** The words of the issued-documents list of `<hoso-procedure>` (number, date, the button that opens one). */
export interface IssuedDocumentTerms {
  number: (n: string) => string;
  issuedOn: (date: string) => string;
  open: string;
  /** Accessible name of the open button: the verb and the document. */
  openLabel: (title: string) => string;
}

const ISSUED: Record<Lang, IssuedDocumentTerms> = {
  vi: {
    number: (n) => `Số ${n}`,
    issuedOn: (d) => `ngày ${d}`,
    open: 'Xem, in',
    openLabel: (title) => `Xem, in: ${title}`,
  },
  en: {
    number: (n) => `No. ${n}`,
    issuedOn: (d) => `dated ${d}`,
    open: 'View, print',
    openLabel: (title) => `View, print: ${title}`,
  },
};

/** The issued-documents terms in a language. */
export const issuedDocumentTerms = (lang: Lang): IssuedDocumentTerms => ISSUED[lang];
