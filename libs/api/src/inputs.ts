import { z } from 'zod';
import { DivisionCode, Ownership, requiredText, SchoolLevel, textField } from '@hyedu/domain';

export const Page = z.object({
  page: z.number().int().min(1, { message: '页码从1开始' }).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100, { message: '每页最多100条' }).default(20),
});

export const UnitFilter = z.object({ unitCode: DivisionCode.optional() }).strict();

export const SchoolFilter = Page.extend({
  unitCode: DivisionCode.optional(),
  level: SchoolLevel.optional(),
  ownership: Ownership.optional(),
  boarding: z.boolean().optional(),
  q: textField(40, '搜索词').optional(),
}).strict();
export type SchoolFilter = z.infer<typeof SchoolFilter>;

/** An uploaded file: its name and content as base64 (at most 5 MB once decoded; checked again before parsing). */
export const Upload = z.object({
  fileName: requiredText(255, '文件名'),
  base64: z
    .string()
    .max(7_000_000, { message: '文件过大，最大 5MB' })
    .regex(/^[A-Za-z0-9+/=]*$/, { message: '文件内容编码无效' }),
});

/**
 * An Excel import: the file, whether only to check it (dry run), and the key under which the page polls its progress
 * (platform.importProgress).
 */
export const ImportUpload = Upload.extend({
  dryRun: z.boolean(),
  progressKey: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/, { message: '导入进度标识无效' })
    .optional(),
}).strict();
