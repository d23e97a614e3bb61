// Every label of the CSV import page, in Korean and English.
import { messageTranslator, toLanguage, type Language } from '../../shared/i18n';

const ko = {
	title: 'CSV 가져오기', kind: '가져올 데이터', customers: '고객', orders: '주문', file: 'CSV 파일', choose_file: '파일 선택',
	hint: '엑셀에서 "CSV"로 저장한 파일 (UTF-8 또는 EUC-KR). 주문은 한 줄에 상품 하나씩, 같은 주문번호로 묶습니다.',
	mapping: '열 연결', column: 'CSV 열', field: 'CRM 항목', ignore: '(가져오지 않음)', preview: '미리 확인 (저장하지 않음)',
	rows: '전체 행', valid: '가져올 행', invalid: '오류 행', creates: '새 고객', updates: '기존 고객 수정', orders_count: '주문 수',
	issues: '가져오지 못하는 행', row: '행', message: '문제', import: '가져오기', importing: '가져오는 중…', done: '완료',
	processed: '처리', replayed: '이미 가져옴', rejected: '거부', failed: '실패했습니다', again: '같은 파일을 다시 가져와도 중복되지 않습니다.',
	no_issues: '문제가 없습니다.',
};
const en: typeof ko = {
	title: 'CSV import', kind: 'What to import', customers: 'Customers', orders: 'Orders', file: 'CSV file', choose_file: 'Choose a file',
	hint: 'A file saved as "CSV" from Excel (UTF-8 or EUC-KR). Orders: one row per product line, grouped by order number.',
	mapping: 'Column mapping', column: 'CSV column', field: 'CRM field', ignore: '(do not import)', preview: 'Dry run (saves nothing)',
	rows: 'Rows', valid: 'Rows to import', invalid: 'Rows with errors', creates: 'New customers', updates: 'Existing customers updated', orders_count: 'Orders',
	issues: 'Rows that cannot be imported', row: 'Row', message: 'Problem', import: 'Import', importing: 'Importing…', done: 'Done',
	processed: 'processed', replayed: 'already imported', rejected: 'rejected', failed: 'Failed', again: 'Importing the same file again creates no duplicates.',
	no_issues: 'No problems found.',
};

export type MessageKey = keyof typeof ko;
const MESSAGES: Record<Language, typeof ko> = { 'ko-KR': ko, 'en-US': en };
export { toLanguage, type Language };
export const translator = messageTranslator(MESSAGES);
