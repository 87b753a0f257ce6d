import { z } from 'zod';
import { SchoolRef } from '../bounds.ts';
import { IsoDate } from '../date.ts';
import { IdCardNumber, parseIdCard } from '../id-card.ts';
import { requiredText, textField } from '../text.ts';
import { AdmissionQuery } from './gate.ts';

/**
 * The staff registry (docs/domain/teachers.md): every 教职员工 of a school — teachers and the others the 准入查询 also
 * covers (administrators, support staff, guards and canteen workers). The ID number is kept encrypted with its blind
 * index (the key the 公参民 placement records already use); birth date and sex come from it.
 */
export const StaffingStatus = z.enum(['tenured', 'special_post', 'contract', 'substitute', 'outsourced'], {
  message: '请选择用工性质',
});
export type StaffingStatus = z.infer<typeof StaffingStatus>;
export const STAFFING_STATUS_LABELS: Record<StaffingStatus, { zh: string; en: string }> = {
  tenured: { zh: '在编', en: 'Tenured (in quota)' },
  special_post: { zh: '特岗', en: 'Special-post teacher' },
  contract: { zh: '合同制', en: 'Contract' },
  substitute: { zh: '代课', en: 'Substitute' },
  outsourced: { zh: '劳务派遣/外包', en: 'Agency or outsourced' },
};
/** Who counts against the 编制 quota (编制使用率): 在编 only (特岗 teachers enter the quota when they stay on after 3 years). */
export const IN_QUOTA: readonly StaffingStatus[] = ['tenured'];

export const PostCategory = z.enum(['teacher', 'management', 'support', 'service'], { message: '请选择岗位类别' });
export type PostCategory = z.infer<typeof PostCategory>;
export const POST_CATEGORY_LABELS: Record<PostCategory, { zh: string; en: string }> = {
  teacher: { zh: '专任教师', en: 'Teacher' },
  management: { zh: '管理人员', en: 'Management' },
  support: { zh: '教辅人员', en: 'Teaching support' },
  service: { zh: '工勤人员（含保安、食堂）', en: 'Service (guards, canteen)' },
};

/** 性别, as the ID number's sequence digit gives it (odd: male). */
export const Sex = z.enum(['male', 'female'], { message: '请选择性别' });
export type Sex = z.infer<typeof Sex>;

/** 教师资格证号: 17 characters in the national format (year, province, kind…); here 8–20 letters and digits, not verified further. */
export const CertificateNo = textField(20, '教师资格证号').pipe(
  z.string().regex(/^[0-9A-Za-z]{8,20}$/, { message: '教师资格证号应为8至20位字母或数字' }),
);

/** A person entering a school (入职): who, where, on what terms, and the 准入查询 made for it. */
export const HireInput = z
  .object({
    idNumber: IdCardNumber,
    name: requiredText(20, '姓名'),
    schoolId: SchoolRef,
    employment: StaffingStatus,
    post: PostCategory,
    title: textField(20, '职称').optional(),
    certificateNo: CertificateNo.optional(),
    subject: textField(20, '任教学科').optional(),
    joinedOn: IsoDate,
    nationalId: textField(32, '全国教师管理信息系统编号').optional(),
    /** Absent: no 准入查询 was made — the gate refuses the hire and records the refusal (`no_query`). */
    query: AdmissionQuery.optional(),
  })
  .strict();
export type HireInput = z.infer<typeof HireInput>;

/** Why a hire is refused before the gate (its own fields), on its field, or null. */
export function hireRefusal(h: HireInput, today: string): { field: string; message: string } | null {
  const id = parseIdCard(h.idNumber, { today });
  if (!id.ok) return { field: 'idNumber', message: id.message };
  const age = ageOn(id.value.birthDate, h.joinedOn);
  if (age < 16) return { field: 'idNumber', message: '入职时未满16周岁，请核对身份证号与入职日期' };
  if (h.post === 'teacher' && !h.certificateNo && h.employment !== 'substitute')
    return { field: 'certificateNo', message: '专任教师请填写教师资格证号' };
  return null;
}

/** Whole years of age on `date`. */
export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

/**
 * The fields a staff record must have filled for the 信息完整率 KPI (`teachers.staff-completeness`), defined once here
 * and turned into SQL by the KPI's source: a 专任教师's 教师资格证号 (as a hire requires it: not for 代课) and 任教学科,
 * and everyone's 全国教师管理信息系统编号 except the agency and outsourced staff, whom that system does not hold.
 * Name, ID number (with birth date and sex), 用工性质, 岗位 and date joined cannot be missing.
 */
export const STAFF_REQUIRED_FIELDS: readonly {
  field: 'certificateNo' | 'subject' | 'nationalId';
  /** The posts the field is required for (all when absent). */
  posts?: readonly PostCategory[];
  /** The 用工性质 it is not required for. */
  except?: readonly StaffingStatus[];
}[] = [
  { field: 'certificateNo', posts: ['teacher'], except: ['substitute'] },
  { field: 'subject', posts: ['teacher'] },
  { field: 'nationalId', except: ['outsourced'] },
];

/** The required fields (`STAFF_REQUIRED_FIELDS`) a staff record leaves empty; a complete record has none. */
export function missingStaffFields(r: {
  post: PostCategory;
  employment: StaffingStatus;
  certificateNo: string | null;
  subject: string | null;
  nationalId: string | null;
}): string[] {
  return STAFF_REQUIRED_FIELDS.filter(
    (f) => (!f.posts || f.posts.includes(r.post)) && !f.except?.includes(r.employment) && !r[f.field]?.trim(),
  ).map((f) => f.field);
}
