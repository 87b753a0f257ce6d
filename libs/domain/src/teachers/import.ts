import { z } from 'zod';
import { SchoolRef } from '../bounds.ts';
import { IsoDate, isRealDate } from '../date.ts';
import { headerMappingSchema, keyOfWord, resolveHeaders } from '../header-mapping.ts';
import { IdCardNumber, parseIdCard } from '../id-card.ts';
import { compactText, requiredText, textField } from '../text.ts';
import { ADMISSION_RESULT_LABELS, AdmissionResult } from './gate.ts';
import {
  CertificateNo,
  hireRefusal,
  POST_CATEGORY_LABELS,
  PostCategory,
  Sex,
  STAFFING_STATUS_LABELS,
  StaffingStatus,
  type HireInput,
} from './staff.ts';

/**
 * The import of the national 全国教师管理信息系统's export into the staff registry (docs/domain/teachers.md, *Import from
 * the national system*). The export's layout is not published, so which header of the file holds which field is
 * configuration: `DEFAULT_IMPORT_MAPPING` here, overridden per field by the city 科室 (a settings row on the server).
 */

/** Who owns a field: the national system (an import overwrites it), hyedu (set here, an import does not change it), or derived. */
export type FieldOwner = 'national' | 'hyedu' | 'derived';

export const StaffImportField = z.enum(
  [
    'name',
    'idNumber',
    'sex',
    'birthDate',
    'schoolCode',
    'employment',
    'post',
    'title',
    'certificateNo',
    'subject',
    'joinedOn',
    'nationalId',
    'queriedOn',
    'queryResult',
  ],
  { message: '没有这个导入字段' },
);
export type StaffImportField = z.infer<typeof StaffImportField>;

export interface StaffImportFieldInfo {
  label: { zh: string; en: string };
  required: boolean;
  owner: FieldOwner;
  /** What the template and the mapping editor say about the field. */
  note: { zh: string; en: string };
}

export const STAFF_IMPORT_FIELDS: Record<StaffImportField, StaffImportFieldInfo> = {
  name: {
    label: { zh: '姓名', en: 'Name' },
    required: true,
    owner: 'national',
    note: { zh: '已在岗人员导入时更新为文件中的值', en: 'Updated from the file for people in post' },
  },
  idNumber: {
    label: { zh: '身份证号', en: 'ID number' },
    required: true,
    owner: 'hyedu',
    note: { zh: '识别人员的依据（校验位），不能通过导入更改', en: 'Identifies the person (check digit); an import never changes it' },
  },
  sex: {
    label: { zh: '性别', en: 'Sex' },
    required: false,
    owner: 'derived',
    note: { zh: '由身份证号得出；文件中有此列时核对', en: 'From the ID number; checked against the file when it has the column' },
  },
  birthDate: {
    label: { zh: '出生日期', en: 'Birth date' },
    required: false,
    owner: 'derived',
    note: { zh: '由身份证号得出；文件中有此列时核对', en: 'From the ID number; checked against the file when it has the column' },
  },
  schoolCode: {
    label: { zh: '学校标识码', en: 'School code' },
    required: true,
    owner: 'hyedu',
    note: {
      zh: '在岗学校只经入职、调动（准入关口）改变',
      en: 'Where a person is in post changes only by a hire or transfer (the entry gate)',
    },
  },
  employment: {
    label: { zh: '用工性质', en: 'Employment' },
    required: true,
    owner: 'national',
    note: { zh: '在编、特岗、合同制、代课、劳务派遣/外包', en: 'Tenured, special-post, contract, substitute, agency/outsourced' },
  },
  post: {
    label: { zh: '岗位类别', en: 'Post' },
    required: true,
    owner: 'national',
    note: { zh: '专任教师、管理人员、教辅人员、工勤人员', en: 'Teacher, management, teaching support, service' },
  },
  title: {
    label: { zh: '职称', en: 'Title' },
    required: false,
    owner: 'national',
    note: { zh: '已在岗人员导入时更新为文件中的值', en: 'Updated from the file for people in post' },
  },
  certificateNo: {
    label: { zh: '教师资格证号', en: 'Certificate no.' },
    required: false,
    owner: 'national',
    note: { zh: '专任教师（代课除外）必填', en: 'Required for teachers (except substitutes)' },
  },
  subject: {
    label: { zh: '任教学科', en: 'Subject' },
    required: false,
    owner: 'national',
    note: { zh: '已在岗人员导入时更新为文件中的值', en: 'Updated from the file for people in post' },
  },
  joinedOn: {
    label: { zh: '入职日期', en: 'Joined on' },
    required: true,
    owner: 'hyedu',
    note: { zh: '新入职、调动时为进入该校的日期；已在岗人员不因导入改变', en: 'The day of a hire or transfer; people in post keep theirs' },
  },
  nationalId: {
    label: { zh: '全国教师管理信息系统编号', en: 'National system id' },
    required: false,
    owner: 'national',
    note: { zh: '已在岗人员导入时更新为文件中的值', en: 'Updated from the file for people in post' },
  },
  queriedOn: {
    label: { zh: '准入查询日期', en: 'Background check date' },
    required: false,
    owner: 'hyedu',
    note: {
      zh: '全国系统无此项，由局在导出文件中补列；新入职、调动必填',
      en: 'Not in the national export: the bureau adds the column; required for hires and transfers',
    },
  },
  queryResult: {
    label: { zh: '准入查询结果', en: 'Background check result' },
    required: false,
    owner: 'hyedu',
    note: { zh: '无相关记录 / 有相关记录；新入职、调动必填', en: 'No record / record found; required for hires and transfers' },
  },
};

/**
 * The headers expected in the national export, per field, first one first (the template uses the first). Observed
 * headers of the 全国教师管理信息系统 export are not published; these are the system's field names as its 信息采集表 names
 * them plus our own (局定 — the 科室 changes them in 导入设置 when a file says otherwise).
 */
export const DEFAULT_IMPORT_MAPPING: Record<StaffImportField, readonly string[]> = {
  name: ['姓名'],
  idNumber: ['身份证件号', '身份证号', '身份证号码', '证件号码'],
  sex: ['性别'],
  birthDate: ['出生日期'],
  schoolCode: ['学校标识码', '学校代码'],
  employment: ['用工性质', '编制状态', '编制情况'],
  post: ['岗位类别'],
  title: ['专业技术职务', '职称'],
  certificateNo: ['教师资格证号码', '教师资格证号'],
  subject: ['任教学科'],
  joinedOn: ['进本校年月', '入职日期', '进本校时间'],
  nationalId: ['教师编号', '全国教师管理信息系统编号'],
  queriedOn: ['准入查询日期'],
  queryResult: ['准入查询结果'],
};

/** The 科室's override: per field, the header texts (first: the template's). Fields left out keep the default. */
export const ImportMapping = headerMappingSchema(StaffImportField, (f) => STAFF_IMPORT_FIELDS[f].label.zh, DEFAULT_IMPORT_MAPPING);
export type ImportMapping = z.infer<typeof ImportMapping>;

/** The mapping in force: the override's fields, the default for the rest. */
export const resolveMapping = (override: Partial<Record<StaffImportField, readonly string[]>> | null | undefined) =>
  resolveHeaders(StaffImportField.options, DEFAULT_IMPORT_MAPPING, override);

// --- cells: what a person (or the national system) typed, as the row schema takes it ---------------------------------

const EMPLOYMENT_WORDS: Record<StaffingStatus, readonly string[]> = {
  tenured: ['在编', '编制内', '在编人员'],
  special_post: ['特岗', '特岗教师'],
  contract: ['合同制', '合同', '编外合同', '聘用'],
  substitute: ['代课', '代课教师'],
  outsourced: ['劳务派遣/外包', '劳务派遣', '外包', '派遣'],
};
const POST_WORDS: Record<PostCategory, readonly string[]> = {
  teacher: ['专任教师', '教师'],
  management: ['管理人员', '管理', '行政人员'],
  support: ['教辅人员', '教辅'],
  service: ['工勤人员（含保安、食堂）', '工勤人员', '工勤', '保安', '食堂'],
};
const SEX_WORDS: Record<Sex, readonly string[]> = { male: ['男'], female: ['女'] };
const RESULT_WORDS: Record<AdmissionResult, readonly string[]> = {
  clear: [ADMISSION_RESULT_LABELS.clear.zh, '无记录', '无', '通过'],
  hit: [ADMISSION_RESULT_LABELS.hit.zh, '有记录', '有'],
};

const byWords = <K extends string>(words: Record<K, readonly string[]>, v: string): K | string | undefined =>
  compactText(v) === '' ? undefined : (keyOfWord(words, v) ?? v);

/** A date cell: YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYYMMDD, or a month (YYYY-MM, YYYYMM, as 进本校年月) → its first day. */
export function importDate(v: string): string | undefined {
  const c = compactText(v)
    .replace(/[年月]/g, '-')
    .replace(/日$/, '')
    .replace(/-$/, '');
  if (c === '') return undefined;
  const m = /^(\d{4})(\d{2})(\d{2})?$/.exec(c) ?? /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$/.exec(c);
  if (!m) return v;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : 1];
  if (!isRealDate(y, mo, d)) return v;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The row's cells (by field) as `StaffImportRow` takes them; unreadable values stay text for the schema to refuse. */
export function importRowInput(cells: Partial<Record<StaffImportField, string>>, schoolId: number) {
  const opt = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());
  return {
    schoolId,
    idNumber: cells.idNumber ?? '',
    name: cells.name ?? '',
    sex: cells.sex === undefined ? undefined : byWords(SEX_WORDS, cells.sex),
    birthDate: cells.birthDate === undefined ? undefined : importDate(cells.birthDate),
    employment: byWords(EMPLOYMENT_WORDS, cells.employment ?? ''),
    post: byWords(POST_WORDS, cells.post ?? ''),
    title: opt(cells.title),
    certificateNo: opt(cells.certificateNo),
    subject: opt(cells.subject),
    joinedOn: importDate(cells.joinedOn ?? ''),
    nationalId: opt(cells.nationalId),
    queriedOn: cells.queriedOn === undefined ? undefined : importDate(cells.queriedOn),
    queryResult: cells.queryResult === undefined ? undefined : byWords(RESULT_WORDS, cells.queryResult),
  };
}

/** One row of the import, checked: the hire's fields with the 准入查询 optional (a row for someone in post needs none). */
export const StaffImportRow = z
  .object({
    schoolId: SchoolRef,
    idNumber: IdCardNumber,
    name: requiredText(20, '姓名'),
    sex: Sex.optional(),
    birthDate: IsoDate.optional(),
    employment: StaffingStatus,
    post: PostCategory,
    title: textField(20, '职称').optional(),
    certificateNo: CertificateNo.optional(),
    subject: textField(20, '任教学科').optional(),
    joinedOn: IsoDate,
    nationalId: textField(32, '全国教师管理信息系统编号').optional(),
    queriedOn: IsoDate.optional(),
    queryResult: AdmissionResult.optional(),
  })
  .strict();
export type StaffImportRow = z.infer<typeof StaffImportRow>;

/** The row as a hire (the form's input): what hireRefusal and the gate read. */
export const rowAsHire = (r: StaffImportRow): HireInput => ({
  idNumber: r.idNumber,
  name: r.name,
  schoolId: r.schoolId,
  employment: r.employment,
  post: r.post,
  ...(r.title ? { title: r.title } : {}),
  ...(r.certificateNo ? { certificateNo: r.certificateNo } : {}),
  ...(r.subject ? { subject: r.subject } : {}),
  joinedOn: r.joinedOn,
  ...(r.nationalId ? { nationalId: r.nationalId } : {}),
  query: r.queriedOn && r.queryResult ? { queriedOn: r.queriedOn, result: r.queryResult } : { queriedOn: '', result: 'clear' },
});

/** The 准入查询 a row records, or null (none: the gate refuses a hire or transfer without it). */
export const rowQuery = (r: StaffImportRow) => (r.queriedOn && r.queryResult ? { queriedOn: r.queriedOn, result: r.queryResult } : null);

/**
 * What is wrong with a row on its own (no database): the file's sex and birth date against the ID number's, a 准入查询
 * half filled in, and the hire's own checks (age, certificate for a 专任教师), each on its field.
 */
export function importRowRefusals(r: StaffImportRow, today: string): { field: StaffImportField; message: string }[] {
  const out: { field: StaffImportField; message: string }[] = [];
  const id = parseIdCard(r.idNumber, { today });
  if (!id.ok) return [{ field: 'idNumber', message: id.message }];
  if (r.sex && r.sex !== id.value.gender) out.push({ field: 'sex', message: '性别与身份证号不符' });
  if (r.birthDate && r.birthDate !== id.value.birthDate)
    out.push({ field: 'birthDate', message: `出生日期与身份证号不符（身份证号为${id.value.birthDate}）` });
  if (!!r.queriedOn !== !!r.queryResult)
    out.push({ field: r.queriedOn ? 'queryResult' : 'queriedOn', message: '准入查询日期和结果应同时填写' });
  if (r.joinedOn > today) out.push({ field: 'joinedOn', message: '入职日期不能晚于今天' });
  const refusal = hireRefusal(rowAsHire(r), today);
  if (refusal) out.push({ field: refusal.field === 'certificateNo' ? 'certificateNo' : 'idNumber', message: refusal.message });
  return out;
}

/** The fields an import overwrites on a person already in post at the school (the national system's). */
export const NATIONAL_FIELDS = [
  'name',
  'employment',
  'post',
  'title',
  'certificateNo',
  'subject',
  'nationalId',
] as const satisfies readonly StaffImportField[];

/** Label lookups for the template's drop-downs. */
export const IMPORT_OPTIONS = {
  employment: StaffingStatus.options.map((s) => STAFFING_STATUS_LABELS[s].zh),
  post: PostCategory.options.map((p) => POST_CATEGORY_LABELS[p].zh),
  sex: ['男', '女'],
  queryResult: AdmissionResult.options.map((r) => ADMISSION_RESULT_LABELS[r].zh),
} as const;
