import { z } from 'zod';
import { ModuleKey } from '../modules.ts';
import { PLAN_COORDINATOR } from '../plan/departments.ts';
import { AID_MODULE, Grant, validateGrants } from './roles.ts';

/**
 * The one access decision (security.md §1 访问控制 d–f, §1.1, §5.2). The api middleware calls it with the
 * session's grants and the procedure's declared permission, and filters every query by the returned scope.
 * It fails closed: no grants, invalid grants, an unknown area or action, an empty scope or any exception → deny.
 * Out-of-scope *records* are the api's NOT_FOUND; a denied *permission* is its FORBIDDEN.
 */
export const Area = z.enum([
  'platform',
  ...ModuleKey.options,
  'plan',
  'plan:instruct',
  'plan:admin',
  'teachers:ethics',
  // 学生资助: the aid role
  'funding:aid',
  'admin:accounts',
  'admin:security',
  'audit',
]);
export type Area = z.infer<typeof Area>;
export const Action = z.enum(['read', 'write']);
export type Action = z.infer<typeof Action>;

/**
 * 'platform': the portal's own data (organisation, module registry, school list).
 * 'plan': the work plan's tasks and progress reports (departments: their own tasks; counties: their own reports).
 * 'plan:instruct': leadership instructions (批示). 'plan:admin': keeping the plan itself (the coordinating 办公室).
 * 'teachers:ethics': 师德失范 cases (the city's teachers 科室 city-wide; a county bureau's account only with the county's
 * ethics role, `ethics` on its grant); leadership and schools see counts through 'teachers', never the cases.
 * 'funding:aid': 学生资助 hardship details (names, categories, the follow-up, payments): the city aid centre (a department
 * grant of the funding module with `aid`), a county's or a school's aid staff only with `aid` on their grant; everyone
 * else with the funding module sees counts and masked rows.
 * 'admin:accounts': 系统管理 — accounts, the organisation tree and the module registry.
 * 'admin:security': 安全管理 — roles, grants, security policy. 'audit': the audit trail.
 */
export const Permission = z.object({ area: Area, action: Action }).strict();
export type Permission = z.infer<typeof Permission>;

export type DataScope =
  | { kind: 'all' }
  | { kind: 'units'; unitCodes: string[] }
  | { kind: 'school'; schoolIds: number[]; unitCodes: string[] }
  | { kind: 'none' };
export type AllowedScope = Exclude<DataScope, { kind: 'none' }>;

export type DenyReason = 'NO_GRANTS' | 'INVALID_GRANTS' | 'INVALID_PERMISSION' | 'NOT_PERMITTED' | 'EMPTY_SCOPE' | 'ERROR';
export type Decision = { allowed: true; scope: AllowedScope } | { allowed: false; reason: DenyReason; message: string };

const DENY_MESSAGES: Record<DenyReason, string> = {
  NO_GRANTS: '该账号尚未授权任何角色',
  INVALID_GRANTS: '该账号的角色配置有误，请联系安全管理员',
  INVALID_PERMISSION: '接口访问策略无效',
  NOT_PERMITTED: '无权进行此操作',
  EMPTY_SCOPE: '该账号没有可访问的数据范围',
  ERROR: '权限检查失败',
};
const deny = (reason: DenyReason): Decision => ({ allowed: false, reason, message: DENY_MESSAGES[reason] });

const ALL: DataScope = { kind: 'all' };
const isBusinessArea = (area: Area): boolean => area === 'platform' || ModuleKey.safeParse(area).success;

/** What one grant contributes to a permission: a scope, or null for nothing. */
function grantScope(g: Grant, { area, action }: Permission): DataScope | null {
  switch (g.role) {
    case 'leader':
      if (area === 'plan:instruct') return ALL;
      return (isBusinessArea(area) || area === 'plan') && action === 'read' ? ALL : null;
    case 'department':
      if (area === 'teachers:ethics') return g.module === 'teachers' ? ALL : null;
      if (area === 'funding:aid') return g.aid && g.module === AID_MODULE ? ALL : null;
      if (area === g.module || area === 'plan') return ALL; // plan writes: only the department's own tasks (checked per record)
      if (area === 'plan:admin') return g.dept === PLAN_COORDINATOR ? ALL : null;
      return area === 'platform' && action === 'read' ? ALL : null;
    case 'county': {
      const scope: DataScope = { kind: 'units', unitCodes: [g.unitCode] };
      if (area === 'teachers:ethics') return g.ethics ? scope : null;
      if (area === 'funding:aid') return g.aid && g.modules.includes(AID_MODULE) ? scope : null;
      if ((g.modules as readonly string[]).includes(area) || area === 'plan') return scope;
      return area === 'platform' && action === 'read' ? scope : null;
    }
    case 'school': {
      // A school reads the platform and every module for itself, and enters its own records in the modules
      // (issue 5: “Schools enter for themselves”); what it may change within a module is the module's rule.
      const own: DataScope = { kind: 'school', schoolIds: [g.schoolId], unitCodes: [g.unitCode] };
      if (area === 'funding:aid') return g.aid ? own : null;
      if (ModuleKey.safeParse(area).success) return own;
      return area === 'platform' && action === 'read' ? own : null;
    }
    case 'sysadmin':
      if (area === 'admin:accounts') return ALL;
      return area === 'platform' && action === 'read' ? ALL : null;
    case 'secadmin':
      return area === 'admin:security' ? ALL : null;
    case 'auditor':
      return area === 'audit' && action === 'read' ? ALL : null;
    default:
      return null;
  }
}

const sortedUnique = <T extends string | number>(xs: readonly T[]): T[] => [...new Set(xs)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * Union of scopes; 'all' wins. A school scope inside a unit scope is covered by it. A school outside the units
 * cannot be expressed (validateGrants forbids that combination), so that case yields 'none' (fail closed).
 */
export function unionScopes(scopes: readonly DataScope[]): DataScope {
  if (scopes.some((s) => s.kind === 'all')) return ALL;
  const units = sortedUnique(scopes.flatMap((s) => (s.kind === 'units' ? s.unitCodes : [])));
  const schools = scopes.flatMap((s) => (s.kind === 'school' ? [s] : []));
  const schoolUnits = sortedUnique(schools.flatMap((s) => s.unitCodes));
  const schoolIds = sortedUnique(schools.flatMap((s) => s.schoolIds));
  if (units.length > 0) return schoolUnits.every((u) => units.includes(u)) ? { kind: 'units', unitCodes: units } : { kind: 'none' };
  if (schoolIds.length > 0 && schoolUnits.length > 0) return { kind: 'school', schoolIds, unitCodes: schoolUnits };
  return { kind: 'none' };
}

/** May an account with these grants do this? If so, within which data scope. */
export function authorize(grants: readonly Grant[], permission: Permission): Decision {
  try {
    const parsedPermission = Permission.safeParse(permission);
    if (!parsedPermission.success) return deny('INVALID_PERMISSION');
    if (!Array.isArray(grants) || grants.length === 0) return deny('NO_GRANTS');
    const parsed = z.array(Grant).safeParse(grants);
    if (!parsed.success || validateGrants(parsed.data).length > 0) return deny('INVALID_GRANTS');

    const scopes = parsed.data.map((g) => grantScope(g, parsedPermission.data)).filter((s): s is DataScope => s !== null);
    if (scopes.length === 0) return deny('NOT_PERMITTED');
    const scope = unionScopes(scopes);
    return scope.kind === 'none' ? deny('EMPTY_SCOPE') : { allowed: true, scope };
  } catch {
    return deny('ERROR');
  }
}

/**
 * The scope badge shown on every page and export (security.md §6), e.g. '数据范围：衡南县教育局'; in English
 * 'Data scope: 衡南县教育局' (unit names are data and stay as registered).
 */
export function scopeLabel(scope: DataScope, lookup: (code: string) => string | undefined, locale: 'zh-CN' | 'en-US' = 'zh-CN'): string {
  const en = locale === 'en-US';
  const names = (codes: readonly string[]) => codes.map((c) => lookup(c) ?? c).join(en ? ', ' : '、');
  const label = (what: string) => (en ? `Data scope: ${what}` : `数据范围：${what}`);
  const none = label(en ? 'none' : '无');
  switch (scope.kind) {
    case 'all':
      return label(en ? 'city-wide' : '全市');
    case 'units':
      return scope.unitCodes.length > 0 ? label(names(scope.unitCodes)) : none;
    case 'school': {
      const n = scope.schoolIds.length;
      if (n === 0) return none;
      const schools = en ? (n === 1 ? 'own school' : `${n} schools`) : n === 1 ? '本校' : `${n}所学校`;
      return label(`${names(scope.unitCodes)} · ${schools}`);
    }
    default:
      return none;
  }
}
