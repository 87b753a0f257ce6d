import { z } from 'zod';
import { headerMappingSchema, resolveHeaders } from '../header-mapping.ts';
import { IdCardNumber } from '../id-card.ts';
import { DivisionCode } from '../org.ts';
import { requiredText } from '../text.ts';
import { AID_CATEGORY_LABELS, AidCategory, LIST_CATEGORIES, type AidListKind } from './aid.ts';

/**
 * Importing a list (脱贫户/监测对象, 低保, 特困, 残疾) as its owner system exports it: the columns are found by the city's
 * mapping (per field the header texts it may carry; the first one is the template's), each row names a child, their
 * ID number, the category and the county.
 */
export const AidListField = z.enum(['name', 'idNumber', 'category', 'unitName'], { message: '没有这个导入字段' });
export type AidListField = z.infer<typeof AidListField>;
export const AID_LIST_FIELD_LABELS: Record<AidListField, { zh: string; en: string }> = {
  name: { zh: '姓名', en: 'Name' },
  idNumber: { zh: '身份证号', en: 'ID number' },
  category: { zh: '困难类别', en: 'Category' },
  unitName: { zh: '县市区', en: 'County' },
};
export const DEFAULT_AID_LIST_MAPPING: Record<AidListField, readonly string[]> = {
  name: ['姓名', '学生姓名', '儿童姓名', '成员姓名'],
  idNumber: ['身份证号', '身份证件号码', '证件号码', '公民身份号码'],
  category: ['困难类别', '人员类别', '户类型', '类别'],
  unitName: ['县市区', '所属县市区', '县（市、区）', '县区'],
};

/** The city's mapping: any field left out takes the default. One header text may not name two fields. */
export const AidListMapping = headerMappingSchema(AidListField, (f) => AID_LIST_FIELD_LABELS[f].zh, DEFAULT_AID_LIST_MAPPING);
export type AidListMapping = z.infer<typeof AidListMapping>;
export const resolveAidListMapping = (override: Partial<Record<AidListField, readonly string[]>> | null | undefined) =>
  resolveHeaders(AidListField.options, DEFAULT_AID_LIST_MAPPING, override);

/** The words the owner systems use for each category. */
const CATEGORY_WORDS: Record<AidCategory, readonly string[]> = {
  tuopin: ['脱贫家庭', '脱贫户', '原建档立卡', '建档立卡', '建档立卡户'],
  jiance: ['监测对象', '脱贫不稳定户', '边缘易致贫户', '突发严重困难户'],
  dibao: ['低保', '低保户', '低保家庭', '农村低保', '城市低保'],
  tekun: ['特困供养', '特困', '特困人员', '特困供养人员'],
  orphan: ['孤儿', '事实无人抚养儿童'],
  disabled: ['残疾', '残疾学生', '残疾儿童', '困难残疾'],
};
/** A category from its text on a list of this kind, or null (a 低保 list's row saying 孤儿 is refused). */
export function categoryOf(text: string, kind: AidListKind): AidCategory | null {
  const t = text.replace(/\s+/g, '');
  const found = AidCategory.options.find((c) => CATEGORY_WORDS[c].includes(t));
  return found && LIST_CATEGORIES[kind].includes(found) ? found : null;
}
export const listCategoryHint = (kind: AidListKind) => LIST_CATEGORIES[kind].map((c) => AID_CATEGORY_LABELS[c].zh).join('或');

/** One checked row of a list file. */
export const AidListRow = z
  .object({ name: requiredText(40, '姓名'), idNumber: IdCardNumber, category: AidCategory, unitCode: DivisionCode })
  .strict();
export type AidListRow = z.infer<typeof AidListRow>;
