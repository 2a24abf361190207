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
