import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, asc, eq, ilike, or } from 'drizzle-orm';
import { z } from 'zod';
import { tables } from '@hyedu/db';
import {
  createOrganisation,
  DEFAULT_SECURITY_POLICY,
  ExpectedVersion,
  GrantList,
  MAX_RECORD_ID,
  ModuleKey,
  OrgUnit,
  policyFromStorage,
  SecurityPolicy,
  textField,
  Username,
  validateGrants,
} from '@hyedu/domain';
import { auditChange } from '../audit-change.ts';
import { forgetPolicy } from '../auth/policy-store.ts';
import { contains } from '../queries.ts';
import { readProcedure, writeProcedure } from '../trpc.ts';
import { AccountQuery, listAccounts, lockAccount } from './account-rows.ts';

const { accounts, departments, modules, orgUnits, schools, securityPolicy } = tables;

/** 安全管理员: roles and grants (三员 separation checked), unlocking, second-factor reset, the security policy. */
export const securityRouter = {
  accounts: readProcedure('admin:security')
    .input(AccountQuery)
    .query(({ ctx, input }) => listAccounts(ctx.db, input, ctx.now)),

  /** The organisation units grants may name (县区 and the city for 局直 schools). */
  units: readProcedure('admin:security').query(({ ctx }) =>
    ctx.db
      .select({ code: orgUnits.code, name: orgUnits.name, bureauName: orgUnits.bureauName, kind: orgUnits.kind })
      .from(orgUnits)
      .orderBy(asc(orgUnits.sortOrder)),
  ),

  /** The 科室 a department grant may name, with the module each runs. */
  departments: readProcedure('admin:security').query(({ ctx }) =>
    ctx.db
      .select({ key: departments.key, name: departments.name, module: departments.module })
      .from(departments)
      .orderBy(asc(departments.sortOrder)),
  ),

  /** The modules of the registry a county grant may name (the disabled ones too: a grant may outlast a pause). */
  modules: readProcedure('admin:security').query(async ({ ctx }) => {
    const rows = await ctx.db
      .select({ key: modules.key, title: modules.title, titleEn: modules.titleEn })
      .from(modules)
      .orderBy(asc(modules.sortOrder));
    return rows.map((r) => ({ ...r, key: ModuleKey.parse(r.key) }));
  }),

  /** Finds a school for a school grant (name or code). */
  findSchools: readProcedure('admin:security')
    .input(z.object({ q: textField(40, '搜索词').pipe(z.string().min(1, { message: '请输入学校名称或代码' })) }).strict())
    .query(({ ctx, input }) =>
      ctx.db
        .select({ id: schools.id, code: schools.code, name: schools.name, unitCode: schools.unitCode })
        .from(schools)
        .where(or(ilike(schools.name, contains(input.q)), eq(schools.code, input.q)))
        .orderBy(asc(schools.code))
        .limit(20),
    ),

  setGrants: writeProcedure('admin:security')
    .input(z.object({ username: Username, expectedVersion: ExpectedVersion, grants: GrantList }).strict())
    .mutation(async ({ ctx, input }) => {
      const me = ctx.identity;
      // Nobody grants themselves anything (三员: the 安全管理员 cannot widen their own rights).
      if (input.username === me.username) throw new TRPCError({ code: 'FORBIDDEN', message: '不能修改自己的授权' });
      const units = await ctx.db.select().from(orgUnits);
      const org = createOrganisation(units.map((u) => OrgUnit.parse(u)));
      const problems = validateGrants(input.grants, org);
      const depts = await ctx.db.select({ key: departments.key, module: departments.module }).from(departments);
      for (const g of input.grants) {
        if (g.role !== 'department') continue;
        const dept = depts.find((d) => d.key === g.dept);
        if (!dept) problems.push(`科室不存在：${g.dept}`);
        else if ((g.module ?? null) !== dept.module) problems.push(`科室角色的模块应与该科室负责的模块一致（${dept.module ?? '无'}）`);
      }
      for (const g of input.grants) {
        if (g.role !== 'school') continue;
        const [school] = await ctx.db.select({ unitCode: schools.unitCode }).from(schools).where(eq(schools.id, g.schoolId));
        if (!school) problems.push(`学校不存在：${g.schoolId}`);
        else if (school.unitCode !== g.unitCode) problems.push('学校角色的所属单位与学校登记不一致');
      }
      if (problems.length) throw new TRPCError({ code: 'BAD_REQUEST', message: problems.join('；') });
      return ctx.db.transaction(async (tx) => {
        const before = await lockAccount(tx, input.username, input.expectedVersion);
        const [after] = await tx
          .update(accounts)
          .set({ grants: input.grants, version: before.version + 1 })
          .where(eq(accounts.id, before.id))
          .returning({ version: accounts.version });
        await auditChange(tx, ctx, {
          action: 'admin.security.setGrants',
          targetType: 'account',
          targetId: input.username,
          before: { grants: before.grants },
          after: { grants: input.grants },
        });
        return { version: after!.version };
      });
    }),

  /** Ends a lock before its 15 minutes (「联系安全管理员」). */
  unlock: writeProcedure('admin:security')
    .input(z.object({ username: Username, expectedVersion: ExpectedVersion }).strict())
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const before = await lockAccount(tx, input.username, input.expectedVersion);
        const [after] = await tx
          .update(accounts)
          .set({ failures: 0, lockedUntil: null, version: before.version + 1 })
          .where(eq(accounts.id, before.id))
          .returning({ version: accounts.version });
        await auditChange(tx, ctx, {
          action: 'admin.security.unlock',
          targetType: 'account',
          targetId: input.username,
          before: { failures: before.failures, lockedUntil: before.lockedUntil?.toISOString() ?? null },
          after: { failures: 0, lockedUntil: null },
        });
        return { version: after!.version };
      }),
    ),

  /** Clears a lost second factor: the holder sets up a new one (administrators must, at their next login). */
  resetTotp: writeProcedure('admin:security')
    .input(z.object({ username: Username, expectedVersion: ExpectedVersion }).strict())
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const before = await lockAccount(tx, input.username, input.expectedVersion);
        const [after] = await tx
          .update(accounts)
          .set({ totpSecret: null, totpPending: null, totpEnabledAt: null, totpLastStep: null, version: before.version + 1 })
          .where(eq(accounts.id, before.id))
          .returning({ version: accounts.version });
        await auditChange(tx, ctx, {
          action: 'admin.security.resetTotp',
          targetType: 'account',
          targetId: input.username,
          before: { totp: before.totpEnabledAt !== null },
          after: { totp: false },
        });
        return { version: after!.version };
      }),
    ),

  /** The policy in force, its version (0: never changed, the defaults apply) and the 等保 floor. */
  policy: readProcedure('admin:security').query(async ({ ctx }) => {
    const [row] = await ctx.db.select().from(securityPolicy).where(eq(securityPolicy.id, 1));
    return {
      policy: policyFromStorage(row?.policy ?? null),
      version: row?.version ?? 0,
      updatedAt: row?.updatedAt.toISOString() ?? null,
      updatedBy: row?.updatedBy ?? null,
      floor: { ...DEFAULT_SECURITY_POLICY },
    };
  }),

  /** Changes the policy. The schema refuses anything weaker than 等保 asks (field-level messages). */
  setPolicy: writeProcedure('admin:security')
    .input(z.object({ policy: SecurityPolicy, expectedVersion: z.number().int().min(0).max(MAX_RECORD_ID) }).strict())
    .mutation(async ({ ctx, input }) => {
      const result = await ctx.db.transaction(async (tx) => {
        const [row] = await tx.select().from(securityPolicy).where(eq(securityPolicy.id, 1)).for('update');
        if ((row?.version ?? 0) !== input.expectedVersion)
          throw new TRPCError({ code: 'CONFLICT', message: '安全策略已被他人修改，请刷新后重新提交' });
        const before = row?.policy ?? DEFAULT_SECURITY_POLICY;
        const version = (row?.version ?? 0) + 1;
        if (row)
          await tx
            .update(securityPolicy)
            .set({ policy: input.policy, updatedAt: ctx.now, updatedBy: ctx.identity.username, version })
            .where(and(eq(securityPolicy.id, 1)));
        else
          await tx
            .insert(securityPolicy)
            .values({ id: 1, policy: input.policy, updatedAt: ctx.now, updatedBy: ctx.identity.username, version });
        await auditChange(tx, ctx, {
          action: 'admin.security.setPolicy',
          targetType: 'security_policy',
          targetId: '1',
          before,
          after: input.policy,
        });
        return { version };
      });
      forgetPolicy(ctx.db);
      return result;
    }),
} satisfies TRPCRouterRecord;
