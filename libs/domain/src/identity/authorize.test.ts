import { describe, expect, it } from 'vitest';
import { hengyang } from '../hengyang/index.ts';
import { Action, Area, authorize, scopeLabel, unionScopes, type DataScope, type Permission } from './authorize.ts';
import type { Grant } from './roles.ts';

const ALL: DataScope = { kind: 'all' };
const HENGNAN: DataScope = { kind: 'units', unitCodes: ['430422'] };
const SCHOOL: DataScope = { kind: 'school', schoolIds: [42], unitCodes: ['430422'] };

/** Expected result: a scope, or '-' for deny. */
type Row = Record<`${Area}:${Action}`, DataScope | '-'>;
const row = (allowed: Partial<Row>): Row => {
  const r = {} as Row;
  for (const area of Area.options) for (const action of Action.options) r[`${area}:${action}`] = allowed[`${area}:${action}`] ?? '-';
  return r;
};

// security.md §1.1 and the identity issue: 局领导 reads everything and writes nothing; 科室 reads/writes its module
// city-wide; 县区教育局 reads/writes its county in its granted modules; 学校 reads and enters its own school's records in the modules (issue 5); 系统管理员 has
// accounts/organisation/registry but no business data and no audit; 安全管理员 has security only; 审计管理员 reads
// the audit trail only.
const MATRIX: [string, Grant[], Row][] = [
  [
    '局领导',
    [{ role: 'leader' }],
    row({
      'platform:read': ALL,
      'safety:read': ALL,
      'private-edu:read': ALL,
      'teachers:read': ALL,
      'funding:read': ALL,
      'plan:read': ALL,
      'plan:instruct:read': ALL,
      'plan:instruct:write': ALL,
    }),
  ],
  [
    '科室 (安全)',
    [{ role: 'department', dept: 'safety', module: 'safety' }],
    row({ 'platform:read': ALL, 'safety:read': ALL, 'safety:write': ALL, 'plan:read': ALL, 'plan:write': ALL }),
  ],
  [
    '科室 (教师): its module and the 师德失范 cases, city-wide',
    [{ role: 'department', dept: 'teachers', module: 'teachers' }],
    row({
      'platform:read': ALL,
      'teachers:read': ALL,
      'teachers:write': ALL,
      'teachers:ethics:read': ALL,
      'teachers:ethics:write': ALL,
      'plan:read': ALL,
      'plan:write': ALL,
    }),
  ],
  [
    '衡南县教育局 with the county’s 师德 role',
    [{ role: 'county', unitCode: '430422', modules: ['teachers'], ethics: true }],
    row({
      'platform:read': HENGNAN,
      'teachers:read': HENGNAN,
      'teachers:write': HENGNAN,
      'teachers:ethics:read': HENGNAN,
      'teachers:ethics:write': HENGNAN,
      'plan:read': HENGNAN,
      'plan:write': HENGNAN,
    }),
  ],
  [
    '办公室 (plan coordinator, no module)',
    [{ role: 'department', dept: 'office' }],
    row({ 'platform:read': ALL, 'plan:read': ALL, 'plan:write': ALL, 'plan:admin:read': ALL, 'plan:admin:write': ALL }),
  ],
  [
    '衡南县教育局 (资助, 安全)',
    [{ role: 'county', unitCode: '430422', modules: ['funding', 'safety'] }],
    row({
      'platform:read': HENGNAN,
      'funding:read': HENGNAN,
      'funding:write': HENGNAN,
      'safety:read': HENGNAN,
      'safety:write': HENGNAN,
      'plan:read': HENGNAN,
      'plan:write': HENGNAN,
    }),
  ],
  [
    '学校',
    [{ role: 'school', schoolId: 42, unitCode: '430422' }],
    row({
      'platform:read': SCHOOL,
      'safety:read': SCHOOL,
      'safety:write': SCHOOL,
      'private-edu:read': SCHOOL,
      'private-edu:write': SCHOOL,
      'teachers:read': SCHOOL,
      'teachers:write': SCHOOL,
      'funding:read': SCHOOL,
      'funding:write': SCHOOL,
    }),
  ],
  // 学生资助: the aid role — the city aid centre, a county's and a school's aid staff, each only with `aid` on the grant
  [
    '市学生资助管理中心',
    [{ role: 'department', dept: 'planning', module: 'funding', aid: true }],
    row({
      'platform:read': ALL,
      'funding:read': ALL,
      'funding:write': ALL,
      'funding:aid:read': ALL,
      'funding:aid:write': ALL,
      'plan:read': ALL,
      'plan:write': ALL,
    }),
  ],
  [
    '衡南县教育局 with the county’s aid role',
    [{ role: 'county', unitCode: '430422', modules: ['funding'], aid: true }],
    row({
      'platform:read': HENGNAN,
      'funding:read': HENGNAN,
      'funding:write': HENGNAN,
      'funding:aid:read': HENGNAN,
      'funding:aid:write': HENGNAN,
      'plan:read': HENGNAN,
      'plan:write': HENGNAN,
    }),
  ],
  [
    '学校 with its aid staff',
    [{ role: 'school', schoolId: 42, unitCode: '430422', aid: true }],
    row({
      'platform:read': SCHOOL,
      'safety:read': SCHOOL,
      'safety:write': SCHOOL,
      'private-edu:read': SCHOOL,
      'private-edu:write': SCHOOL,
      'teachers:read': SCHOOL,
      'teachers:write': SCHOOL,
      'funding:read': SCHOOL,
      'funding:write': SCHOOL,
      'funding:aid:read': SCHOOL,
      'funding:aid:write': SCHOOL,
    }),
  ],
  ['系统管理员', [{ role: 'sysadmin' }], row({ 'platform:read': ALL, 'admin:accounts:read': ALL, 'admin:accounts:write': ALL })],
  ['安全管理员', [{ role: 'secadmin' }], row({ 'admin:security:read': ALL, 'admin:security:write': ALL })],
  ['审计管理员', [{ role: 'auditor' }], row({ 'audit:read': ALL })],
  ['没有角色', [], row({})],
];

const cases = MATRIX.flatMap(([who, grants, expected]) =>
  Area.options.flatMap((area) => Action.options.map((action) => [who, grants, { area, action }, expected[`${area}:${action}`]] as const)),
);

describe('authorize: role × area × action', () => {
  it('covers 14 accounts × 13 areas × 2 actions', () => expect(cases).toHaveLength(14 * 13 * 2));

  it.each(cases)('%s %o', (_who, grants, permission, expected) => {
    const d = authorize(grants, permission);
    if (expected === '-') expect(d.allowed).toBe(false);
    else expect(d).toEqual({ allowed: true, scope: expected });
  });
});

const read = (area: Area): Permission => ({ area, action: 'read' });
const write = (area: Area): Permission => ({ area, action: 'write' });

describe('authorize: cross-checks of security.md §5.2', () => {
  it('leadership changes no data: its only write is an instruction (批示) on the plan', () => {
    for (const area of Area.options) expect(authorize([{ role: 'leader' }], write(area)).allowed, area).toBe(area === 'plan:instruct');
  });

  it("the three admin roles cannot do each other's jobs or see business data", () => {
    const jobs = { sysadmin: 'admin:accounts', secadmin: 'admin:security', auditor: 'audit' } as const;
    for (const [role, own] of Object.entries(jobs)) {
      for (const area of Area.options) {
        if (area === own || (role === 'sysadmin' && area === 'platform')) continue;
        expect(authorize([{ role } as Grant], read(area)).allowed, `${role} ${area}`).toBe(false);
      }
    }
    expect(authorize([{ role: 'sysadmin' }], read('audit'))).toMatchObject({
      allowed: false,
      reason: 'NOT_PERMITTED',
      message: '无权进行此操作',
    });
  });

  it('denies an account that holds two admin roles, or an admin and a business role, everything', () => {
    const invalid: Grant[][] = [
      [{ role: 'sysadmin' }, { role: 'auditor' }],
      [{ role: 'secadmin' }, { role: 'sysadmin' }],
      [{ role: 'auditor' }, { role: 'secadmin' }],
      [{ role: 'sysadmin' }, { role: 'leader' }],
      [{ role: 'auditor' }, { role: 'department', dept: 'planning', module: 'funding' }],
    ];
    for (const grants of invalid) {
      for (const area of Area.options) {
        expect(authorize(grants, read(area)), `${JSON.stringify(grants)} ${area}`).toMatchObject({
          allowed: false,
          reason: 'INVALID_GRANTS',
        });
      }
    }
  });

  it('a user with no scope sees nothing', () => {
    for (const area of Area.options) expect(authorize([], read(area))).toMatchObject({ allowed: false, reason: 'NO_GRANTS' });
  });

  it('a county user cannot use a module it was not granted', () => {
    const grants: Grant[] = [{ role: 'county', unitCode: '430422', modules: ['funding'] }];
    expect(authorize(grants, write('teachers')).allowed).toBe(false);
    expect(authorize(grants, read('teachers')).allowed).toBe(false);
  });
});

describe('authorize: combining grants', () => {
  it('unions scopes, and all wins', () => {
    const twoCounties: Grant[] = [
      { role: 'county', unitCode: '430424', modules: ['funding'] },
      { role: 'county', unitCode: '430422', modules: ['funding', 'safety'] },
    ];
    expect(authorize(twoCounties, write('funding'))).toEqual({ allowed: true, scope: { kind: 'units', unitCodes: ['430422', '430424'] } });
    expect(authorize(twoCounties, write('safety'))).toEqual({ allowed: true, scope: HENGNAN });
    const withDept: Grant[] = [...twoCounties, { role: 'department', dept: 'planning', module: 'funding' }];
    expect(authorize(withDept, write('funding'))).toEqual({ allowed: true, scope: ALL });
    expect(authorize(withDept, read('platform'))).toEqual({ allowed: true, scope: ALL });
  });

  it('a leader who is also a 科室 writes only in that module', () => {
    const grants: Grant[] = [{ role: 'leader' }, { role: 'department', dept: 'personnel', module: 'teachers' }];
    expect(authorize(grants, write('teachers'))).toEqual({ allowed: true, scope: ALL });
    expect(authorize(grants, write('funding')).allowed).toBe(false);
  });

  it('a school inside a granted county is covered by it; elsewhere the school scope applies', () => {
    const grants: Grant[] = [
      { role: 'county', unitCode: '430422', modules: ['funding'] },
      { role: 'school', schoolId: 42, unitCode: '430422' },
    ];
    expect(authorize(grants, read('funding'))).toEqual({ allowed: true, scope: HENGNAN });
    expect(authorize(grants, read('teachers'))).toEqual({ allowed: true, scope: SCHOOL });
    expect(authorize(grants, write('teachers'))).toEqual({ allowed: true, scope: SCHOOL });
    expect(authorize(grants, write('platform')).allowed).toBe(false);
  });

  it('two schools combine', () => {
    const grants: Grant[] = [
      { role: 'school', schoolId: 7, unitCode: '430424' },
      { role: 'school', schoolId: 42, unitCode: '430422' },
    ];
    expect(authorize(grants, read('platform'))).toEqual({
      allowed: true,
      scope: { kind: 'school', schoolIds: [7, 42], unitCodes: ['430422', '430424'] },
    });
  });

  it('unionScopes: empty lists and inexpressible mixes end as none', () => {
    expect(unionScopes([])).toEqual({ kind: 'none' });
    expect(unionScopes([{ kind: 'units', unitCodes: [] }])).toEqual({ kind: 'none' });
    expect(unionScopes([{ kind: 'school', schoolIds: [], unitCodes: ['430422'] }])).toEqual({ kind: 'none' });
    expect(unionScopes([HENGNAN, { kind: 'school', schoolIds: [9], unitCodes: ['430421'] }])).toEqual({ kind: 'none' });
    expect(unionScopes([{ kind: 'none' }, ALL])).toEqual(ALL);
  });
});

describe('authorize: any failure denies', () => {
  it('denies malformed grants and permissions', () => {
    const bad = (g: unknown) => authorize([g] as Grant[], read('platform'));
    expect(bad({ role: 'superuser' })).toMatchObject({ allowed: false, reason: 'INVALID_GRANTS' });
    expect(bad({ role: 'county', unitCode: '430422', modules: [] })).toMatchObject({ allowed: false, reason: 'INVALID_GRANTS' });
    expect(bad({ role: 'leader', isAdmin: true })).toMatchObject({ allowed: false, reason: 'INVALID_GRANTS' });
    expect(bad(null)).toMatchObject({ allowed: false, reason: 'INVALID_GRANTS' });
    expect(authorize(null as unknown as Grant[], read('platform'))).toMatchObject({ allowed: false, reason: 'NO_GRANTS' });
    const leader: Grant[] = [{ role: 'leader' }];
    for (const p of [{ area: 'library', action: 'read' }, { area: 'safety', action: 'delete' }, { area: 'safety' }, null]) {
      expect(authorize(leader, p as Permission), JSON.stringify(p)).toMatchObject({ allowed: false, reason: 'INVALID_PERMISSION' });
    }
  });

  it('denies when reading the grants throws', () => {
    const exploding = new Proxy([], {
      get: () => {
        throw new Error('db down');
      },
    }) as unknown as Grant[];
    expect(authorize(exploding, read('platform'))).toEqual({ allowed: false, reason: 'ERROR', message: '权限检查失败' });
  });
});

describe('scopeLabel', () => {
  const lookup = (code: string) => hengyang.byCode(code)?.bureauName;
  it('names the scope for the badge of security.md §6', () => {
    expect(scopeLabel(ALL, lookup)).toBe('数据范围：全市');
    expect(scopeLabel(HENGNAN, lookup)).toBe('数据范围：衡南县教育局');
    expect(scopeLabel({ kind: 'units', unitCodes: ['430422', '430424'] }, lookup)).toBe('数据范围：衡南县教育局、衡东县教育局');
    expect(scopeLabel(SCHOOL, lookup)).toBe('数据范围：衡南县教育局 · 本校');
    expect(scopeLabel({ kind: 'school', schoolIds: [1, 2], unitCodes: ['430422'] }, lookup)).toBe('数据范围：衡南县教育局 · 2所学校');
    expect(scopeLabel({ kind: 'none' }, lookup)).toBe('数据范围：无');
    expect(scopeLabel({ kind: 'units', unitCodes: [] }, lookup)).toBe('数据范围：无');
    expect(scopeLabel({ kind: 'units', unitCodes: ['439999'] }, lookup)).toBe('数据范围：439999');
  });
  it('says the same in English, keeping the unit names as registered', () => {
    expect(scopeLabel(ALL, lookup, 'en-US')).toBe('Data scope: city-wide');
    expect(scopeLabel({ kind: 'units', unitCodes: ['430422', '430424'] }, lookup, 'en-US')).toBe('Data scope: 衡南县教育局, 衡东县教育局');
    expect(scopeLabel(SCHOOL, lookup, 'en-US')).toBe('Data scope: 衡南县教育局 · own school');
    expect(scopeLabel({ kind: 'school', schoolIds: [1, 2], unitCodes: ['430422'] }, lookup, 'en-US')).toBe(
      'Data scope: 衡南县教育局 · 2 schools',
    );
    expect(scopeLabel({ kind: 'none' }, lookup, 'en-US')).toBe('Data scope: none');
  });
});
