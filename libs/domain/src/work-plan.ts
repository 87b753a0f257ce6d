import { z } from 'zod';
import { IsoDate } from './date.ts';
import { ModuleKey } from './modules.ts';

/**
 * A bureau's annual work plan (工作要点): numbered sections (一、二、…) holding items numbered
 * 1..N straight through the whole document, plus an unnumbered closing paragraph (统筹…).
 */
export const WorkPlanItem = z.object({
  no: z.number().int().min(1),
  /** Heading sentence before the first 。, without the 。, e.g. '学习贯彻党的创新理论'. */
  title: z.string().min(1).max(100),
  /** Full text after the heading. */
  text: z.string().min(1),
  /** Department modules that serve this item (docs/domain/plan.md); empty = portal only. */
  modules: z.array(ModuleKey),
});
export type WorkPlanItem = z.infer<typeof WorkPlanItem>;

export const WorkPlanSection = z.object({
  no: z.number().int().min(1).max(99),
  /** Chinese numeral of `no`: 一, 二, …, 十, 十一, … */
  numeral: z.string().min(1),
  title: z.string().min(1),
  items: z.array(WorkPlanItem).min(1),
});
export type WorkPlanSection = z.infer<typeof WorkPlanSection>;

export const WorkPlan = z.object({
  year: z.number().int().min(2000).max(2100),
  title: z.string().min(1),
  issuer: z.string().min(1),
  issuedOn: IsoDate,
  recipients: z.string().min(1),
  preamble: z.string().min(1),
  sections: z.array(WorkPlanSection).min(1),
  /** The unnumbered closing paragraph(s), joined with '\n'. */
  closing: z.string(),
});
export type WorkPlan = z.infer<typeof WorkPlan>;

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Chinese numeral for 1..99 as used in section headings (一、十、十一、二十、二十一 …). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`只支持1至99：${n}`);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (tens === 0) return DIGITS[ones]!;
  return `${tens === 1 ? '' : DIGITS[tens]!}十${DIGITS[ones]!}`;
}

/**
 * Checks the schema, that sections are numbered 1..M with matching numerals and that items are
 * numbered 1..N consecutively across sections. Returns Chinese error messages; empty when valid.
 */
export function validateWorkPlan(plan: unknown): string[] {
  const parsed = WorkPlan.safeParse(plan);
  if (!parsed.success) {
    return parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}：${i.message}` : i.message));
  }
  const errors: string[] = [];
  let expected = 1;
  parsed.data.sections.forEach((section, si) => {
    if (section.no !== si + 1) errors.push(`第${si + 1}部分的编号应为${si + 1}，实际为${section.no}`);
    else if (section.numeral !== chineseNumeral(section.no)) {
      errors.push(`第${section.no}部分的序号应为“${chineseNumeral(section.no)}”，实际为“${section.numeral}”`);
    }
    for (const item of section.items) {
      if (item.no !== expected) errors.push(`第${section.no}部分的事项编号应为${expected}，实际为${item.no}`);
      expected = item.no + 1;
    }
  });
  return errors;
}

export interface WorkPlanItemRef extends WorkPlanItem {
  sectionNo: number;
  sectionNumeral: string;
  sectionTitle: string;
}

/** All items in order, each with its section. */
export function workPlanItems(plan: WorkPlan): WorkPlanItemRef[] {
  return plan.sections.flatMap((s) =>
    s.items.map((item) => ({ ...item, sectionNo: s.no, sectionNumeral: s.numeral, sectionTitle: s.title })),
  );
}
