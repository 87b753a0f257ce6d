import { describe, expect, it } from 'vitest';
import { hengyang } from '../hengyang/index.ts';
import type { ModuleKey } from '../modules.ts';
import { ADMIN_ROLES, Grant, GrantList, Role, ROLE_LABELS, validateGrants, type Grant as GrantT } from './roles.ts';

const TWO_ADMINS = '同一账号不能兼任两种管理员角色（三员分立）';
const ADMIN_AND_BUSINESS = '管理员账号不能同时拥有业务角色';
const hengnan = (modules: ModuleKey[] = ['funding']): GrantT => ({ role: 'county', unitCode: '430422', modules });

// security.md §1.1: four business roles and the three administrator roles (三员).
describe('roles', () => {
  it('has the seven roles with Chinese labels', () => {
    expect(Role.options).toEqual(['leader', 'department', 'county', 'school', 'sysadmin', 'secadmin', 'auditor']);
    expect(Object.values(ROLE_LABELS)).toEqual(['局领导', '科室', '县区教育局', '学校', '系统管理员', '安全管理员', '审计管理员']);
    expect(ADMIN_ROLES).toEqual(['sysadmin', 'secadmin', 'auditor']);
  });

  it('parses each grant shape and rejects missing or extra fields', () => {
    const good: unknown[] = [
      { role: 'leader' },
      { role: 'department', dept: 'safety', module: 'safety' },
      { role: 'county', unitCode: '430422', modules: ['funding', 'safety'] },
      { role: 'school', schoolId: 17, unitCode: '430422' },
      { role: 'sysadmin' },
      { role: 'secadmin' },
      { role: 'auditor' },
    ];
    for (const g of good) expect(Grant.parse(g)).toEqual(g);
    const bad: unknown[] = [
      { role: 'department' },
      { role: 'department', dept: 'safety', module: 'library' },
      { role: 'department', module: 'safety' }, // no department
      { role: 'department', dept: 'Safety Dept' },
      { role: 'county', unitCode: '430422' },
      { role: 'county', unitCode: '4304', modules: ['funding'] },
      { role: 'school', schoolId: 0, unitCode: '430422' },
      { role: 'school', schoolId: 1.5, unitCode: '430422' },
      { role: 'leader', module: 'safety' },
      { role: 'sysadmin', unitCode: '430422' },
      { role: 'superuser' },
    ];
    for (const g of bad) expect(Grant.safeParse(g).success, JSON.stringify(g)).toBe(false);
  });

  it('needs at least one county module, without repeats', () => {
    const msg = (modules: unknown) => Grant.safeParse({ role: 'county', unitCode: '430422', modules }).error?.issues[0]?.message;
    expect(msg([])).toBe('县区教育局角色至少要授权一个模块');
    expect(msg(['funding', 'funding'])).toBe('授权模块不能重复');
  });

  it('gives a county the 师德 role only with the teachers module, and only as true', () => {
    expect(validateGrants([{ role: 'county', unitCode: '430422', modules: ['teachers', 'safety'], ethics: true }])).toEqual([]);
    expect(validateGrants([{ role: 'county', unitCode: '430422', modules: ['safety'], ethics: true }])).toEqual([
      '县区师德专责须同时授权“教师队伍”模块',
    ]);
    expect(Grant.safeParse({ role: 'county', unitCode: '430422', modules: ['teachers'], ethics: false }).success).toBe(false);
  });
});

describe('validateGrants (三员分立)', () => {
  it('accepts single roles, an empty list, and combined business roles', () => {
    expect(validateGrants([])).toEqual([]);
    for (const role of ADMIN_ROLES) expect(validateGrants([{ role }])).toEqual([]);
    expect(
      validateGrants([
        { role: 'department', dept: 'safety', module: 'safety' },
        { role: 'department', dept: 'planning', module: 'funding' },
      ]),
    ).toEqual([]);
    expect(validateGrants([hengnan(), { role: 'county', unitCode: '430421', modules: ['safety'] }])).toEqual([]);
    expect(validateGrants([hengnan(), { role: 'school', schoolId: 3, unitCode: '430422' }])).toEqual([]);
    expect(validateGrants([{ role: 'leader' }, { role: 'department', dept: 'personnel', module: 'teachers' }])).toEqual([]);
  });

  it('never lets one account hold two administrator roles', () => {
    for (const a of ADMIN_ROLES) {
      for (const b of ADMIN_ROLES) {
        if (a !== b) expect(validateGrants([{ role: a }, { role: b }]), `${a}+${b}`).toEqual([TWO_ADMINS]);
      }
    }
    expect(validateGrants([{ role: 'sysadmin' }, { role: 'secadmin' }, { role: 'auditor' }])).toEqual([TWO_ADMINS]);
  });

  it('never combines an administrator role with a business role', () => {
    const business: GrantT[] = [
      { role: 'leader' },
      { role: 'department', dept: 'safety', module: 'safety' },
      hengnan(),
      { role: 'school', schoolId: 1, unitCode: '430422' },
    ];
    for (const role of ADMIN_ROLES) {
      for (const b of business) expect(validateGrants([{ role }, b]), `${role}+${b.role}`).toEqual([ADMIN_AND_BUSINESS]);
    }
  });

  it('rejects duplicates', () => {
    expect(validateGrants([{ role: 'leader' }, { role: 'leader' }])).toEqual(['重复授权：局领导']);
    expect(validateGrants([{ role: 'auditor' }, { role: 'auditor' }])).toEqual(['重复授权：审计管理员']);
    expect(validateGrants([hengnan(['funding']), hengnan(['safety'])])).toEqual(['重复授权：县区教育局（430422），请合并授权模块']);
  });

  it("rejects a school outside the account's counties (the scope could not express it)", () => {
    expect(validateGrants([hengnan(), { role: 'school', schoolId: 3, unitCode: '430421' }])).toEqual([
      '学校角色所属县区须与该账号的县区教育局角色一致',
    ]);
  });

  it('checks unit codes against the organisation when given one', () => {
    expect(validateGrants([hengnan()], hengyang)).toEqual([]);
    expect(validateGrants([{ role: 'county', unitCode: '430400', modules: ['funding'] }], hengyang)).toEqual([
      '县区教育局角色的单位应为县级单位：430400',
    ]);
    expect(validateGrants([{ role: 'school', schoolId: 1, unitCode: '430400' }], hengyang)).toEqual([]); // 局直 school
    expect(validateGrants([{ role: 'school', schoolId: 1, unitCode: '110105' }], hengyang)).toEqual(['学校所属单位不存在：110105']);
  });

  it('GrantList applies the same rules as a schema', () => {
    expect(GrantList.safeParse([{ role: 'sysadmin' }, { role: 'auditor' }]).error?.issues[0]?.message).toBe(TWO_ADMINS);
    expect(GrantList.parse([{ role: 'leader' }])).toEqual([{ role: 'leader' }]);
  });
});
