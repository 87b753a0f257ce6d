import { z } from 'zod';
import { PlanYear, RecordId, RecordVersion } from '../bounds.ts';
import { IdCardNumber } from '../id-card.ts';
import { requiredText } from '../text.ts';

/**
 * 年度考核 and 师德考核 (docs/domain/teachers.md, *Appraisal and registration as built*): one result of each per person
 * and year. The 年度考核 grades of the 事业单位 rules (优秀/合格/基本合格/不合格) plus 不定等次 (a year not graded — new
 * hires, long leave); 师德考核 合格 or 不合格.
 */
export const AppraisalResult = z.enum(['excellent', 'competent', 'basic', 'incompetent', 'ungraded'], {
  message: '请选择年度考核结果',
});
export type AppraisalResult = z.infer<typeof AppraisalResult>;
export const APPRAISAL_RESULT_LABELS: Record<AppraisalResult, { zh: string; en: string }> = {
  excellent: { zh: '优秀', en: 'Excellent' },
  competent: { zh: '合格', en: 'Competent' },
  basic: { zh: '基本合格', en: 'Basically competent' },
  incompetent: { zh: '不合格', en: 'Incompetent' },
  ungraded: { zh: '不定等次', en: 'Not graded' },
};

export const EthicsResult = z.enum(['pass', 'fail'], { message: '请选择师德考核结果' });
export type EthicsResult = z.infer<typeof EthicsResult>;
export const ETHICS_RESULT_LABELS: Record<EthicsResult, { zh: string; en: string }> = {
  pass: { zh: '合格', en: 'Pass' },
  fail: { zh: '不合格', en: 'Fail' },
};

/** A label (zh) back to its code, for the national system's export (`考核结果` 「合格」 → competent). */
export const appraisalResultOf = (text: string): AppraisalResult | null =>
  (Object.keys(APPRAISAL_RESULT_LABELS) as AppraisalResult[]).find((k) => APPRAISAL_RESULT_LABELS[k].zh === text.trim()) ?? null;
export const ethicsResultOf = (text: string): EthicsResult | null =>
  (Object.keys(ETHICS_RESULT_LABELS) as EthicsResult[]).find((k) => ETHICS_RESULT_LABELS[k].zh === text.trim()) ?? null;

/** The years an appraisal may be recorded for: from 2000 to the current year (a year's appraisal is made at its end). */
export function appraisalYearRefusal(year: number, today: string): string | null {
  const current = Number(today.slice(0, 4));
  return year > current ? `考核年度不能晚于${current}年` : null;
}

/** 考核结果录入: one person in post (the staff row), one year, both results. */
export const AppraisalInput = z
  .object({
    staffId: RecordId,
    year: PlanYear,
    result: AppraisalResult,
    ethics: EthicsResult,
  })
  .strict();
export type AppraisalInput = z.infer<typeof AppraisalInput>;

/** A correction of a recorded year's results (version-guarded). */
export const AppraisalCorrection = z
  .object({
    id: RecordId,
    expectedVersion: RecordVersion,
    result: AppraisalResult,
    ethics: EthicsResult,
  })
  .strict();
export type AppraisalCorrection = z.infer<typeof AppraisalCorrection>;

const labelled = <T extends string>(of: (text: string) => T | null, message: string) =>
  z.string({ message }).transform((text, ctx) => {
    const value = of(text);
    if (value === null) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return value;
  });

/**
 * One row of the 全国教师管理信息系统's appraisal export (or the template): 身份证号, 姓名, 年度, 考核结果, 师德考核结果 —
 * the results in the system's words (优秀/合格/基本合格/不合格/不定等次; 合格/不合格).
 */
export const AppraisalImportRow = z.object({
  idNumber: IdCardNumber,
  name: requiredText(20, '姓名'),
  year: z
    .string({ message: '请填写年度' })
    .regex(/^\d{4}$/, { message: '年度应为4位数字，如2021' })
    .transform(Number)
    .pipe(PlanYear),
  result: labelled(appraisalResultOf, '考核结果应为优秀、合格、基本合格、不合格或不定等次'),
  ethics: labelled(ethicsResultOf, '师德考核结果应为合格或不合格'),
});
export type AppraisalImportRow = z.infer<typeof AppraisalImportRow>;
