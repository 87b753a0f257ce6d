import { and, asc, eq, inArray } from 'drizzle-orm';
import { secondFactorRequired, type Grant } from '@hyedu/domain';
import type { Tx } from '../audit.ts';
import { encryptField, totpRecordId } from '../field-crypto.ts';
import { hashPassword } from '../passwords.ts';
import { accounts, schools } from '../schema/index.ts';

/** The password of every demo account (listed in the README; demo data only — a production start refuses demo accounts). */
export const DEMO_PASSWORD = 'Demo#2022pass';
/**
 * The demo administrators' second-factor secret (base32, listed in the README to add to an authenticator app;
 * `pnpm demo-otp` prints the current code). Administrators must use TOTP; demo data only.
 */
export const DEMO_TOTP_SECRET = 'HYEDUDEMOHYEDUDEMOHYEDUDEMOHYEDU';

interface DemoAccount {
  username: string;
  displayName: string;
  grants: Grant[] | ((schools: DemoSchools) => Grant[]);
}
/** The schools the school accounts belong to. */
interface DemoSchools {
  school: number;
  privateSchool: number;
  primarySchool: number;
}

/** One account per role: leadership, the plan's coordinating 办公室, a department per module, three counties (one for off-campus training supervision only), three schools (a kindergarten, a public primary school, a private compulsory school), and the three administrators. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'leader', displayName: '局领导（演示）', grants: [{ role: 'leader' }] },
  { username: 'office', displayName: '办公室（演示）', grants: [{ role: 'department', dept: 'office' }] },
  { username: 'safety', displayName: '安全稳定科（演示）', grants: [{ role: 'department', dept: 'safety', module: 'safety' }] },
  { username: 'privedu', displayName: '民办教育科（演示）', grants: [{ role: 'department', dept: 'private-edu', module: 'private-edu' }] },
  { username: 'teachers', displayName: '人事教师科（演示）', grants: [{ role: 'department', dept: 'personnel', module: 'teachers' }] },
  { username: 'funding', displayName: '计划财务科（演示）', grants: [{ role: 'department', dept: 'planning', module: 'funding' }] },
  {
    username: 'hengnan',
    displayName: '衡南县教育局（演示）',
    grants: [{ role: 'county', unitCode: '430422', modules: ['safety', 'private-edu', 'teachers', 'funding'], ethics: true }],
  },
  {
    username: 'leiyang',
    displayName: '耒阳市教育局（演示）',
    grants: [{ role: 'county', unitCode: '430481', modules: ['safety', 'teachers'] }],
  },
  {
    username: 'changning',
    displayName: '常宁市教育局（校外培训监管，演示）',
    grants: [{ role: 'county', unitCode: '430482', modules: ['private-edu'] }],
  },
  { username: 'school', displayName: '学校用户（演示）', grants: (s) => [{ role: 'school', schoolId: s.school, unitCode: '430422' }] },
  {
    username: 'xiaoxue',
    displayName: '公办小学用户（演示）',
    grants: (s) => [{ role: 'school', schoolId: s.primarySchool, unitCode: '430422' }],
  },
  {
    username: 'minban',
    displayName: '民办学校用户（演示）',
    grants: (s) => [{ role: 'school', schoolId: s.privateSchool, unitCode: '430422' }],
  },
  // 学生资助: the city aid centre, a county's and a school's aid staff (the aid role rides on the grant's `aid`)
  {
    username: 'zizhu',
    displayName: '市学生资助管理中心（计划财务科，演示）',
    grants: [{ role: 'department', dept: 'planning', module: 'funding', aid: true }],
  },
  {
    username: 'hnzizhu',
    displayName: '衡南县学生资助管理中心（演示）',
    grants: [{ role: 'county', unitCode: '430422', modules: ['funding'], aid: true }],
  },
  {
    username: 'xxzizhu',
    displayName: '公办小学资助专干（演示）',
    grants: (s) => [{ role: 'school', schoolId: s.primarySchool, unitCode: '430422', aid: true }],
  },
  { username: 'sysadmin', displayName: '系统管理员（演示）', grants: [{ role: 'sysadmin' }] },
  { username: 'secadmin', displayName: '安全管理员（演示）', grants: [{ role: 'secadmin' }] },
  { username: 'auditor', displayName: '审计管理员（演示）', grants: [{ role: 'auditor' }] },
];

/** The `minban` account's school: the first private compulsory school of 衡南县 by code. */
export async function demoPrivateSchool(tx: Tx): Promise<number> {
  const [school] = await tx
    .select({ id: schools.id })
    .from(schools)
    .where(
      and(eq(schools.unitCode, '430422'), eq(schools.ownership, 'private'), inArray(schools.level, ['primary', 'junior', 'nine_year'])),
    )
    .orderBy(asc(schools.code))
    .limit(1);
  return school?.id ?? 0;
}

/** The `xiaoxue` account's school: the first public primary school of 衡南县 by code (it files the 双减 五项管理 returns). */
export async function demoPrimarySchool(tx: Tx): Promise<number> {
  const [school] = await tx
    .select({ id: schools.id })
    .from(schools)
    .where(and(eq(schools.unitCode, '430422'), eq(schools.ownership, 'public'), eq(schools.level, 'primary')))
    .orderBy(asc(schools.code))
    .limit(1);
  return school?.id ?? 0;
}

/**
 * Creates the demo accounts (the school account belongs to the first school of 衡南县 by code — a kindergarten —, `minban`
 * to demoPrivateSchool, `xiaoxue` to demoPrimarySchool).
 */
export async function seedDemoAccounts(tx: Tx, dataKey: Buffer): Promise<number> {
  const [school] = await tx
    .select({ id: schools.id })
    .from(schools)
    .where(eq(schools.unitCode, '430422'))
    .orderBy(asc(schools.code))
    .limit(1);
  const demoSchools = { school: school?.id ?? 0, privateSchool: await demoPrivateSchool(tx), primarySchool: await demoPrimarySchool(tx) };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = new Date();
  const rows = await tx
    .insert(accounts)
    .values(
      DEMO_ACCOUNTS.map((a) => ({
        username: a.username,
        displayName: a.displayName,
        passwordHash,
        passwordChangedAt: now,
        mustChangePassword: false,
        isDemo: true,
        grants: typeof a.grants === 'function' ? a.grants(demoSchools) : a.grants,
      })),
    )
    .returning({ id: accounts.id, grants: accounts.grants });
  // The secret is bound to the account id, so it is encrypted after the insert.
  for (const row of rows) {
    if (!secondFactorRequired(row.grants as Grant[])) continue;
    await tx
      .update(accounts)
      .set({ totpSecret: encryptField(dataKey, DEMO_TOTP_SECRET, totpRecordId(row.id)), totpEnabledAt: now })
      .where(eq(accounts.id, row.id));
  }
  return DEMO_ACCOUNTS.length;
}
