import { z } from 'zod';
import { headerMappingSchema, keyOfWord, resolveHeaders } from '../header-mapping.ts';
import { requiredText } from '../text.ts';
import { Uscc } from '../uscc.ts';
import { FEE_SUPERVISION_LABELS, FeeSupervision, TRAINING_CATEGORY_LABELS, TrainingCategory } from './training.ts';

/**
 * The national platform's institution list as exported: its format is not public, so the headers are a mapping the city
 * sets (as the teachers module does for the 全国教师管理信息系统): per field, the header texts, the first one the
 * template's. These defaults are the platform's field names as its pages show them (局定, not verified).
 */
export const PlatformImportField = z.enum(['platformId', 'name', 'uscc', 'category', 'unitName', 'feeSupervision']);
export type PlatformImportField = z.infer<typeof PlatformImportField>;
export const PLATFORM_FIELD_LABELS: Record<PlatformImportField, string> = {
  platformId: '机构编号',
  name: '机构名称',
  uscc: '统一社会信用代码',
  category: '机构类型',
  unitName: '所在县市区',
  feeSupervision: '资金监管方式',
};
export const DEFAULT_PLATFORM_MAPPING: Record<PlatformImportField, readonly string[]> = {
  platformId: ['机构编号', '平台机构编号', '机构ID'],
  name: ['机构名称'],
  uscc: ['统一社会信用代码', '信用代码'],
  category: ['机构类型', '培训类别'],
  unitName: ['所在县市区', '所在区县', '区县'],
  feeSupervision: ['资金监管方式', '预收费监管方式', '监管方式'],
};

/** The city's override: per field, the header texts. Fields left out keep the default; a header used twice is refused. */
export const PlatformMapping = headerMappingSchema(PlatformImportField, (f) => PLATFORM_FIELD_LABELS[f], DEFAULT_PLATFORM_MAPPING);
export type PlatformMapping = z.infer<typeof PlatformMapping>;

/** The mapping in force: the override's fields, the default for the rest. */
export const resolvePlatformMapping = (override: Partial<Record<PlatformImportField, readonly string[]>> | null | undefined) =>
  resolveHeaders(PlatformImportField.options, DEFAULT_PLATFORM_MAPPING, override);

const CATEGORY_WORDS: Record<TrainingCategory, readonly string[]> = {
  academic: [TRAINING_CATEGORY_LABELS.academic, '学科类培训机构', '学科'],
  non_academic: [TRAINING_CATEGORY_LABELS.non_academic, '非学科类培训机构', '非学科', '体育类', '文化艺术类', '科技类'],
};
const FEE_WORDS: Record<FeeSupervision, readonly string[]> = {
  bank_custody: [FEE_SUPERVISION_LABELS.bank_custody, '银行存管', '资金托管'],
  risk_deposit: [FEE_SUPERVISION_LABELS.risk_deposit, '保证金'],
  none: [FEE_SUPERVISION_LABELS.none, '未监管', '无', ''],
};
export const platformCategoryOf = (v: string) => keyOfWord(CATEGORY_WORDS, v);
export const platformFeeOf = (v: string) => keyOfWord(FEE_WORDS, v);

/**
 * One row of the platform's list as the import takes it (the parser has turned the county's name into its code and
 * the category and fee words into their keys; a word it does not know stays as written and is refused here).
 */
export const PlatformImportRow = z.object({
  platformId: requiredText(40, PLATFORM_FIELD_LABELS.platformId).pipe(
    z.string().regex(/^[\w-]+$/, { message: '机构编号只能含字母、数字、短横线和下划线' }),
  ),
  name: requiredText(100, PLATFORM_FIELD_LABELS.name),
  uscc: Uscc.nullable(),
  category: z.enum(TrainingCategory.options, { message: `应为${Object.values(TRAINING_CATEGORY_LABELS).join('或')}` }),
  unitCode: z.string().regex(/^\d{6}$/),
  feeSupervision: z.enum(FeeSupervision.options, { message: `应为${Object.values(FEE_SUPERVISION_LABELS).join('、')}之一` }),
});
export type PlatformImportRow = z.infer<typeof PlatformImportRow>;
