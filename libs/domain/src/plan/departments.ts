import { z } from 'zod';
import { ModuleKey } from '../modules.ts';
import { textField } from '../text.ts';

/**
 * The city bureau's departments (科室). Their real names and duties are not public (docs/domain/org.md; open point 2 in docs/domain/README.md), so the
 * list is data: the 系统管理员 keeps it, and a plan's tasks name their lead and co-owning departments by key.
 */
export const DeptKey = z.string().regex(/^[a-z][a-z0-9-]{1,31}$/, { message: '科室代码应为2–32位小写字母、数字或连字符，以字母开头' });
export type DeptKey = z.infer<typeof DeptKey>;

export const Department = z
  .object({
    key: DeptKey,
    name: textField(30, '科室名称').pipe(z.string().min(1, { message: '请输入科室名称' })),
    /** The department module it runs, if any (its users read and write that module city-wide). */
    module: ModuleKey.nullable(),
    sortOrder: z.number().int().min(0).max(999),
  })
  .strict();
export type Department = z.infer<typeof Department>;

/** The department that coordinates the work plan (keeps the plan, imports next year's). */
export const PLAN_COORDINATOR: DeptKey = 'office';
