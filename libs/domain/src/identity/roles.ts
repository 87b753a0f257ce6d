import { z } from 'zod';
import { MAX_LIST_ENTRIES, RecordId } from '../bounds.ts';
import { ModuleKey } from '../modules.ts';
import { DivisionCode, type Organisation } from '../org.ts';
import { DeptKey } from '../plan/departments.ts';

/**
 * Roles (security.md §1.1). Business roles see business data within a scope; the three administrator roles
 * (三员) see none and are kept apart: one account never holds two of them, nor an admin role and a business role.
 */
export const Role = z.enum(['leader', 'department', 'county', 'school', 'sysadmin', 'secadmin', 'auditor']);
export type Role = z.infer<typeof Role>;

export const ROLE_LABELS: Record<Role, string> = {
  leader: '局领导',
  department: '科室',
  county: '县区教育局',
  school: '学校',
  sysadmin: '系统管理员',
  secadmin: '安全管理员',
  auditor: '审计管理员',
};

export const ADMIN_ROLES = ['sysadmin', 'secadmin', 'auditor'] as const satisfies readonly Role[];
export type AdminRole = (typeof ADMIN_ROLES)[number];
export const isAdminRole = (role: Role): role is AdminRole => (ADMIN_ROLES as readonly Role[]).includes(role);

const moduleList = z
  .array(ModuleKey)
  .min(1, { message: '县区教育局角色至少要授权一个模块' })
  .refine((ms) => new Set(ms).size === ms.length, { message: '授权模块不能重复' });

/** The module a county's 师德 role belongs to: a county grant may carry the role only with this module. */
export const ETHICS_MODULE: ModuleKey = 'teachers';

/** The module the aid role (学生资助) belongs to: a grant may carry `aid` only with this module. */
export const AID_MODULE: ModuleKey = 'funding';

/** One role assignment of an account, with its scope. An account has a list of them. */
export const Grant = z.discriminatedUnion('role', [
  z.object({ role: z.literal('leader') }).strict(),
  /** A city department (科室): its share of the work plan, and its module city-wide if it runs one. */
  /** `aid`: the city aid centre's role — hardship details of every county (needs the funding module). */
  z.object({ role: z.literal('department'), dept: DeptKey, module: ModuleKey.optional(), aid: z.literal(true).optional() }).strict(),
  /** A county-level bureau: its own unit, in the modules granted to it. */
  /** `ethics`: the county's 师德 role — it sees and handles the 师德失范 cases of its county (needs the teachers module). */
  /** `aid`: the county's 学生资助 role — hardship details of its county (needs the funding module). */
  z
    .object({
      role: z.literal('county'),
      unitCode: DivisionCode,
      modules: moduleList,
      ethics: z.literal(true).optional(),
      aid: z.literal(true).optional(),
    })
    .strict(),
  /** A school: its own school; unitCode is the school's county (or the city's code for 局直 schools). */
  /** `aid`: the school's aid staff — its own students' hardship details and 认定. */
  z.object({ role: z.literal('school'), schoolId: RecordId, unitCode: DivisionCode, aid: z.literal(true).optional() }).strict(),
  z.object({ role: z.literal('sysadmin') }).strict(),
  z.object({ role: z.literal('secadmin') }).strict(),
  z.object({ role: z.literal('auditor') }).strict(),
]);
export type Grant = z.infer<typeof Grant>;

/** Identity of a grant, for finding duplicates: the role plus what it is scoped to. */
function grantKey(g: Grant): string {
  if (g.role === 'department') return `department:${g.dept}`;
  if (g.role === 'county') return `county:${g.unitCode}`;
  if (g.role === 'school') return `school:${g.schoolId}`;
  return g.role;
}

/**
 * Problems with one account's set of grants, in Chinese; empty means valid. An empty list is valid: the
 * 系统管理员 creates the account, the 安全管理员 grants its roles later, and until then it sees nothing.
 * With `org`, unit codes are also checked against the organisation.
 */
export function validateGrants(grants: readonly Grant[], org?: Pick<Organisation, 'byCode' | 'isCounty'>): string[] {
  const errors: string[] = [];
  const admins = new Set(grants.map((g) => g.role).filter(isAdminRole));
  if (admins.size > 1) errors.push('同一账号不能兼任两种管理员角色（三员分立）');
  if (admins.size > 0 && grants.some((g) => !isAdminRole(g.role))) errors.push('管理员账号不能同时拥有业务角色');

  const seen = new Set<string>();
  for (const g of grants) {
    const key = grantKey(g);
    if (seen.has(key)) errors.push(`重复授权：${ROLE_LABELS[g.role]}${g.role === 'county' ? `（${g.unitCode}），请合并授权模块` : ''}`);
    seen.add(key);
  }

  const countyUnits = new Set(grants.flatMap((g) => (g.role === 'county' ? [g.unitCode] : [])));
  for (const g of grants) {
    if (g.role === 'county' && g.ethics && !g.modules.includes(ETHICS_MODULE)) errors.push('县区师德专责须同时授权“教师队伍”模块');
    if (g.role === 'county' && g.aid && !g.modules.includes(AID_MODULE)) errors.push('县区资助专责须同时授权“经费与资助”模块');
    if (g.role === 'department' && g.aid && g.module !== AID_MODULE) errors.push('资助中心角色须授权“经费与资助”模块');
    if (g.role === 'county' && org && !org.isCounty(g.unitCode)) errors.push(`县区教育局角色的单位应为县级单位：${g.unitCode}`);
    if (g.role === 'school' && org && !org.byCode(g.unitCode)) errors.push(`学校所属单位不存在：${g.unitCode}`);
    // A school scope and a county scope can only be combined when the county covers the school (see authorize).
    if (g.role === 'school' && countyUnits.size > 0 && !countyUnits.has(g.unitCode)) {
      errors.push('学校角色所属县区须与该账号的县区教育局角色一致');
    }
  }
  return [...new Set(errors)];
}

/** The departments (科室) an account belongs to, from its department grants. */
export const departmentsOf = (grants: readonly Grant[]): string[] => [
  ...new Set(grants.flatMap((g) => (g.role === 'department' ? [g.dept] : []))),
];

/** An account's grants as a zod schema: each grant's shape plus the rules of validateGrants. */
export const GrantList = z
  .array(Grant)
  .max(MAX_LIST_ENTRIES, { message: `权限最多${MAX_LIST_ENTRIES}项` })
  .superRefine((grants, ctx) => {
    for (const message of validateGrants(grants)) ctx.addIssue({ code: 'custom', message });
  });
