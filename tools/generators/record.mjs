#!/usr/bin/env node
// Writes a new record type in the module kit's shape, so it starts from working code:
//   pnpm gen:record <module> <name> --title 中文名 --title-en "English name" [--root <dir>] [--no-migration]
// e.g. pnpm gen:record private-edu conversion-case --title 转设案例 --title-en "Conversion case"
// It writes the domain declaration (input schema, workflow stub) with its test, the table, the sub-router
// (list, byId, schools, create, step, history) with its test and fixtures, the list page, the form dialog and the
// detail page (workflow actions and timeline) with their routes, then a migration (drizzle-kit) and formats it all.
// Adapt the workflow and the fields to the rule in docs/domain before the record type is used.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    title: { type: 'string' },
    'title-en': { type: 'string' },
    root: { type: 'string' },
    'no-migration': { type: 'boolean' },
  },
});
const root = resolve(values.root ?? join(dirname(fileURLToPath(import.meta.url)), '../..'));
const [mod, name] = positionals;
const kebab = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
if (!mod || !name || !kebab.test(mod) || !kebab.test(name) || !values.title || !values['title-en']) {
  console.error('用法：pnpm gen:record <module> <name> --title 中文名 --title-en "English name"（module 与 name 用小写和连字符）');
  process.exit(2);
}
const title = values.title;
const titleEn = values['title-en'];
const camelOf = (s) => s.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
const modCamel = camelOf(mod);
const camel = camelOf(name);
const Pascal = camel[0].toUpperCase() + camel.slice(1);
const CONST = name.replace(/-/g, '_').toUpperCase();
const plural = `${camel}s`;
const snake = `${mod}_${name}`.replace(/-/g, '_');
const table = `${modCamel}${Pascal}s`;
const target = snake;
const wfKey = `${modCamel}.${camel}`;
const routeList = `${mod}:${name}s`;
const routeOne = `${mod}:${name}`;

const path = (...p) => join(root, ...p);
const need = (p, what) => {
  if (!existsSync(path(p))) {
    console.error(`找不到${what}：${p}`);
    process.exit(1);
  }
};
need(`apps/${mod}/src/routes.ts`, `模块 ${mod} 的路由`);
const routerFile = [`libs/api/src/routers/${mod}.ts`, `libs/api/src/routers/${mod}/index.ts`].find((p) => existsSync(path(p)));
if (!routerFile) {
  console.error(`找不到模块 ${mod} 的接口路由（libs/api/src/routers/${mod}.ts）`);
  process.exit(1);
}
const written = [];
function write(p, text) {
  if (existsSync(path(p))) {
    console.error(`${p} 已存在，未覆盖；请换一个名称`);
    process.exit(1);
  }
  mkdirSync(dirname(path(p)), { recursive: true });
  writeFileSync(path(p), text);
  written.push(p);
}
/** Inserts `text` after the first line matching `anchor` (or appends it), once. */
function insert(p, anchor, text, { before = false } = {}) {
  const s = readFileSync(path(p), 'utf8');
  if (s.includes(text.trim())) return;
  const i = anchor ? s.search(anchor) : -1;
  if (anchor && i < 0) {
    console.error(`${p} 中找不到插入位置 ${anchor}`);
    process.exit(1);
  }
  const at = i < 0 ? s.length : before ? i : s.indexOf('\n', i) + 1;
  writeFileSync(path(p), s.slice(0, at) + text + s.slice(at));
  written.push(p);
}

// ---- domain: the input schema and the workflow, declared once -------------------------------------------------
const domainDir = `libs/domain/src/${mod}`;
write(
  `${domainDir}/${name}.ts`,
  `import { z } from 'zod';
import { SchoolRef } from '../bounds.ts';
import { textField } from '../text.ts';
import { defineWorkflow, stateLabels, stepEnum } from '../workflow/workflow.ts';

/**
 * ${title} (${titleEn}): recorded by a school (or its county for it), submitted, then approved by the county or the city
 * or returned with a reason. Generated as a starting point: replace the states, steps and fields with the rule this
 * record serves (docs/domain), and keep the rule here, once.
 */
export const ${CONST}_WORKFLOW = defineWorkflow({
  key: '${wfKey}',
  noun: { zh: '${title}', en: '${titleEn.toLowerCase()}' },
  states: ['draft', 'submitted', 'approved'],
  stateLabels: {
    draft: { zh: '待提交', en: 'Draft' },
    submitted: { zh: '待审核', en: 'Submitted' },
    approved: { zh: '已通过', en: 'Approved' },
  },
  initial: 'draft',
  turn: { draft: ['school'], submitted: ['county'], approved: [] },
  steps: {
    submit: { label: { zh: '提交', en: 'Submit' }, from: ['draft'], to: 'submitted', by: ['school', 'county'] },
    approve: {
      label: { zh: '审核通过', en: 'Approve' },
      from: ['submitted'],
      to: 'approved',
      by: ['county', 'city'],
      notBySubmitter: { message: '不能审核自己提交的${title}' },
    },
    return: { label: { zh: '退回', en: 'Return' }, from: ['submitted'], to: 'draft', by: ['county', 'city'], reason: true },
  },
});

export const ${Pascal}Status = z.enum(${CONST}_WORKFLOW.states);
export type ${Pascal}Status = z.infer<typeof ${Pascal}Status>;
export const ${CONST}_STATUS_LABELS = stateLabels(${CONST}_WORKFLOW, 'zh');
export const ${Pascal}Action = stepEnum(${CONST}_WORKFLOW);
export type ${Pascal}Action = z.infer<typeof ${Pascal}Action>;

/** What is entered: the school, a title and a note. */
export const ${Pascal}Input = z
  .object({
    schoolId: SchoolRef,
    title: textField(100, '标题').pipe(z.string().min(2, { message: '标题至少写2个字' })),
    note: textField(1000, '说明').optional(),
  })
  .strict();
export type ${Pascal}Input = z.infer<typeof ${Pascal}Input>;

/** The record as its workflow sees it. */
export const ${camel}Case = (r: { status: ${Pascal}Status; submittedBy: string | null }) => ({ state: r.status, submittedBy: r.submittedBy });
`,
);
write(
  `${domainDir}/${name}.test.ts`,
  `import { describe, expect, it } from 'vitest';
import { ${camel}Case, ${Pascal}Input, ${CONST}_WORKFLOW as wf } from './${name}.ts';

const school = { level: 'school' as const, username: 'school' };
const county = { level: 'county' as const, username: 'county' };

describe('${title}', () => {
  it('is submitted by the school and approved or returned (with a reason) by someone else', () => {
    expect(wf.allowed(${camel}Case({ status: 'draft', submittedBy: null }), school)).toEqual(['submit']);
    expect(wf.next('submit', 'draft')).toBe('submitted');
    expect(wf.allowed(${camel}Case({ status: 'submitted', submittedBy: 'school' }), county)).toEqual(['approve', 'return']);
    expect(wf.refusal(${camel}Case({ status: 'submitted', submittedBy: 'county' }), 'approve', county)).toBe('不能审核自己提交的${title}');
    expect(wf.refusal(${camel}Case({ status: 'submitted', submittedBy: 'school' }), 'return', county, { reason: ' ' })).toBe('请填写退回原因');
    expect(wf.finalStates).toEqual(['approved']);
  });

  it('refuses a short title in Chinese', () => {
    expect(${Pascal}Input.safeParse({ schoolId: 1, title: '短' }).error?.issues[0]?.message).toBe('标题至少写2个字');
  });
});
`,
);
// A module with its own domain entry point (`@hyedu/domain/<module>`, kept out of the root chunk every page loads)
// declares its record types there; any other module's are exported from the root.
const ownEntry = Object.hasOwn(JSON.parse(readFileSync(path('libs/domain/package.json'), 'utf8')).exports ?? {}, `./${mod}`);
const DOMAIN = ownEntry ? `@hyedu/domain/${mod}` : '@hyedu/domain';
if (!existsSync(path(`${domainDir}/index.ts`)))
  write(`${domainDir}/index.ts`, `// ${mod}: the module's record types and rules.\nimport '../zod-config.ts';\n`);
insert(`${domainDir}/index.ts`, null, `export * from './${name}.ts';\n`);
if (!ownEntry) insert('libs/domain/src/index.ts', null, `export * from './${mod}/index.ts';\n`);

// ---- db: the table, its state column built from the workflow ----------------------------------------------------
write(
  `libs/db/src/schema/${mod}-${name}.ts`,
  `import { index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { ${CONST}_WORKFLOW } from '${DOMAIN}';
import { schoolRef, unitRef } from './columns.ts';
import { members } from './members.ts';

/** ${title} (${titleEn}): one per school and matter, with its workflow state. */
export const ${table} = pgTable(
  '${snake}s',
  {
    id: serial().primaryKey(),
    schoolId: schoolRef(),
    unitCode: unitRef(),
    title: text().notNull(),
    note: text(),
    status: text({ enum: members(${CONST}_WORKFLOW.states) }).notNull(),
    returnReason: text(),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    submittedBy: text(),
    submittedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
  },
  (t) => [index('${snake}s_unit_status_idx').on(t.unitCode, t.status, t.id), index('${snake}s_school_idx').on(t.schoolId)],
);
`,
);
insert('libs/db/src/schema/index.ts', null, `export * from './${mod}-${name}.ts';\n`);

// ---- api: one sub-router for the record type, with its test and fixtures ----------------------------------------
const routerDir = `libs/api/src/routers/${mod}`;
write(
  `${routerDir}/${name}.ts`,
  `import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { and, count, desc, eq, ilike, or } from 'drizzle-orm';
import { z } from 'zod';
import { tables } from '@hyedu/db';
import { authorize, ExpectedVersion, RecordId, textField } from '@hyedu/domain';
import { ${camel}Case, ${Pascal}Action, ${Pascal}Input, ${Pascal}Status, ${CONST}_WORKFLOW as wf } from '${DOMAIN}';
import { auditChange } from '../../audit-change.ts';
import { recordHistory } from '../../history.ts';
import { Page } from '../../inputs.ts';
import { contains, scopeCondition } from '../../queries.ts';
import { actorLevel, recordScope, schoolInScope } from '../../record-scope.ts';
import { scoped } from '../../scoped.ts';
import { readProcedure, writeProcedure } from '../../trpc.ts';
import { applyStep } from '../../workflow-step.ts';

const { ${table}: r, schools, orgUnits } = tables;
const TARGET = '${target}';
const read = readProcedure('${mod}');
const write = writeProcedure('${mod}');

export const ${Pascal}Filter = Page.extend({ status: ${Pascal}Status.optional(), q: textField(40, '搜索词').optional() }).strict();
const Id = z.object({ id: RecordId }).strict();
const canWrite = (grants: Parameters<typeof authorize>[0]) => authorize(grants, { area: '${mod}', action: 'write' }).allowed;

/** A record in the caller's scope, or the one NOT_FOUND. */
const visible = (ctx: Parameters<typeof schoolInScope>[0], id: number) =>
  scoped(TARGET, id, async () => (await ctx.db.select().from(r).where(and(eq(r.id, id), recordScope(ctx.scope, r))))[0]);

/** ${title}: list, one record, the schools to choose from, create, its steps and its history. */
export const ${camel}Router = {
  list: read.input(${Pascal}Filter).query(async ({ ctx, input }) => {
    const where = and(
      recordScope(ctx.scope, r),
      input.status ? eq(r.status, input.status) : undefined,
      input.q ? or(ilike(r.title, contains(input.q)), ilike(schools.name, contains(input.q))) : undefined,
    );
    const [rows, [total]] = await Promise.all([
      ctx.db
        .select({ id: r.id, title: r.title, status: r.status, schoolName: schools.name, unitName: orgUnits.name, createdAt: r.createdAt })
        .from(r)
        .innerJoin(schools, eq(schools.id, r.schoolId))
        .innerJoin(orgUnits, eq(orgUnits.code, r.unitCode))
        .where(where)
        .orderBy(desc(r.id))
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize),
      ctx.db.select({ n: count() }).from(r).innerJoin(schools, eq(schools.id, r.schoolId)).where(where),
    ]);
    return {
      total: total?.n ?? 0,
      page: input.page,
      pageSize: input.pageSize,
      canCreate: canWrite(ctx.identity.grants),
      rows: rows.map((x) => ({ ...x, createdAt: x.createdAt.toISOString() })),
    };
  }),

  byId: read.input(Id).query(async ({ ctx, input }) => {
    const row = await visible(ctx, input.id);
    const [school] = await ctx.db.select({ name: schools.name, code: schools.code }).from(schools).where(eq(schools.id, row.schoolId));
    const actor = { level: actorLevel(ctx.scope), username: ctx.identity.username };
    return {
      ...row,
      createdAt: row.createdAt.toISOString(),
      submittedAt: row.submittedAt?.toISOString() ?? null,
      school: school!,
      allowed: canWrite(ctx.identity.grants) ? wf.allowed(${camel}Case(row), actor) : [],
    };
  }),

  /** The schools of the caller's scope whose name holds \`q\` (the form's school picker). */
  schools: read.input(z.object({ q: textField(40, '搜索词').optional() }).strict()).query(({ ctx, input }) =>
    ctx.db
      .select({ id: schools.id, name: schools.name })
      .from(schools)
      .where(and(scopeCondition(ctx.scope), input.q ? ilike(schools.name, contains(input.q)) : undefined))
      .orderBy(schools.code)
      .limit(20),
  ),

  create: write.input(${Pascal}Input).mutation(async ({ ctx, input }) => {
    const school = await schoolInScope(ctx, input.schoolId);
    return ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(r)
        .values({ ...input, note: input.note || null, unitCode: school.unitCode, status: wf.initial, createdBy: ctx.identity.username, createdAt: ctx.now })
        .returning({ id: r.id, version: r.version });
      await auditChange(tx, ctx, { action: '${wfKey}.create', targetType: TARGET, targetId: row!.id, after: { school: school.code, ...input } });
      return row!;
    });
  }),

  step: write
    .input(z.object({ id: RecordId, expectedVersion: ExpectedVersion, action: ${Pascal}Action, reason: textField(500, '原因').optional() }).strict())
    .mutation(async ({ ctx, input }) => {
      await visible(ctx, input.id);
      if (input.reason !== undefined && input.reason.trim().length === 1)
        throw new TRPCError({ code: 'BAD_REQUEST', message: '原因至少写2个字' });
      const who = ctx.identity.username;
      return applyStep(ctx, {
        wf,
        table: r,
        stateKey: 'status',
        id: input.id,
        expectedVersion: input.expectedVersion,
        action: input.action,
        reason: input.reason,
        actor: { level: actorLevel(ctx.scope), username: who },
        caseOf: ${camel}Case,
        changes: () =>
          input.action === 'submit'
            ? { submittedBy: who, submittedAt: ctx.now, returnReason: null }
            : input.action === 'return'
              ? { returnReason: input.reason! }
              : {},
        audit: { targetType: TARGET },
      });
    }),

  history: read.input(Id).query(async ({ ctx, input }) => {
    await visible(ctx, input.id);
    return recordHistory(ctx.db, TARGET, input.id);
  }),
} satisfies TRPCRouterRecord;
`,
);
write(
  `${routerDir}/${name}.test.ts`,
  `import { and, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables, verifyAuditChain, type Database } from '@hyedu/db';
import { openTestDatabase, TEST_AUDIT_KEY, testEngines } from '@hyedu/db/testing';
import { callerWithCookie, failure, signIn } from '../../testing.ts';

describe.each(testEngines())('${title} on %s', (engine) => {
  let database: Database;
  const cookies = new Map<string, string>();
  const as = (user: string) => callerWithCookie(database, cookies.get(user)!);
  let schoolId = 0;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    for (const u of ['school', 'hengnan']) cookies.set(u, await signIn(database, u));
    const [account] = await database.db.select({ grants: tables.accounts.grants }).from(tables.accounts).where(eq(tables.accounts.username, 'school'));
    schoolId = (account!.grants as { schoolId: number }[])[0]!.schoolId;
  }, 120_000);
  afterAll(() => database?.close());

  it('runs its workflow: created, submitted, returned with a reason, submitted again, approved — each step audited', async () => {
    const hengnan = await as('hengnan');
    const { id } = await hengnan.${modCamel}.${plural}.create({ schoolId, title: '生成的记录', note: '由生成器写出' });
    expect(await hengnan.${modCamel}.${plural}.byId({ id })).toMatchObject({ status: 'draft', version: 1, allowed: ['submit'] });
    await hengnan.${modCamel}.${plural}.step({ id, expectedVersion: 1, action: 'submit' });
    expect(await failure(hengnan.${modCamel}.${plural}.step({ id, expectedVersion: 2, action: 'approve' }))).toEqual({
      code: 'CONFLICT',
      message: '不能审核自己提交的${title}',
    });
    expect(await failure(hengnan.${modCamel}.${plural}.step({ id, expectedVersion: 2, action: 'return' }))).toMatchObject({ code: 'BAD_REQUEST' });
    await hengnan.${modCamel}.${plural}.step({ id, expectedVersion: 2, action: 'return', reason: '材料不全' });
    const list = await hengnan.${modCamel}.${plural}.list({ page: 1, pageSize: 20, q: '生成的记录' });
    expect(list.rows.map((x) => [x.id, x.status])).toEqual([[id, 'draft']]);
    const history = await hengnan.${modCamel}.${plural}.history({ id });
    expect(history.map((e) => e.action)).toEqual(['${wfKey}.create', '${wfKey}.submit', '${wfKey}.return']);
    expect(await verifyAuditChain(database.db, TEST_AUDIT_KEY)).toMatchObject({ ok: true });
  });

  it('a school sees and enters only its own: another school’s record and school do not exist for it', async () => {
    const hengnan = await as('hengnan');
    const school = await as('school');
    const [other] = await database.db
      .select({ id: tables.schools.id })
      .from(tables.schools)
      .where(and(eq(tables.schools.unitCode, '430422'), ne(tables.schools.id, schoolId)))
      .limit(1);
    const { id } = await hengnan.${modCamel}.${plural}.create({ schoolId: other!.id, title: '另一所学校的记录' });
    expect(await failure(school.${modCamel}.${plural}.byId({ id }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failure(school.${modCamel}.${plural}.create({ schoolId: other!.id, title: '越权登记' }))).toMatchObject({ code: 'NOT_FOUND' });
    expect((await school.${modCamel}.${plural}.list({ page: 1, pageSize: 100 })).rows.some((x) => x.id === id)).toBe(false);
    const mine = await school.${modCamel}.${plural}.create({ schoolId, title: '本校登记的记录' });
    expect((await school.${modCamel}.${plural}.byId({ id: mine.id })).allowed).toEqual(['submit']);
  });
});
`,
);
insert(routerFile, /^import /m, `import { ${camel}Router } from './${routerFile.endsWith('index.ts') ? '' : `${mod}/`}${name}.ts';\n`, {
  before: true,
});
insert(routerFile, new RegExp(`export const ${modCamel}Router = \\{`), `  ${plural}: ${camel}Router,\n`);
insert(
  'libs/api/src/fixtures.ts',
  /export const INPUTS: Record<string, unknown> = \{/,
  [
    `  '${modCamel}.${plural}.list': { page: 1, pageSize: 5 },`,
    `  '${modCamel}.${plural}.byId': { id: 999999 },`,
    `  '${modCamel}.${plural}.schools': {},`,
    `  '${modCamel}.${plural}.create': { schoolId: 999999, title: '矩阵测试' },`,
    `  '${modCamel}.${plural}.step': { id: 999999, expectedVersion: 1, action: 'submit' },`,
    `  '${modCamel}.${plural}.history': { id: 999999 },`,
    '',
  ].join('\n'),
);

// ---- web: the list page, the form, the record page, their messages and routes ------------------------------------
const pageDir = `apps/${mod}/src/pages/${name}`;
write(
  `${pageDir}/messages.ts`,
  `import { defineMessages } from '@hyedu/ui';

const zh = {
  listTitle: '${title}',
  lead: '共 {n} 条',
  add: '登记${title}',
  school: '学校',
  unit: '所属单位',
  recordTitle: '标题',
  note: '说明',
  status: '状态',
  allStatuses: '全部状态',
  search: '搜索标题或学校',
  createdAt: '登记时间',
  empty: '暂无${title}',
  save: '保存',
  choose: '请选择',
  added: '已登记',
  back: '返回列表',
  details: '基本情况',
  history: '操作记录',
  actCreate: '登记',
};
export const useRecordMessages = defineMessages<keyof typeof zh>({
  'zh-CN': zh,
  'en-US': {
    listTitle: '${titleEn}',
    lead: '{n} in all',
    add: 'Add',
    school: 'School',
    unit: 'Unit',
    recordTitle: 'Title',
    note: 'Note',
    status: 'Status',
    allStatuses: 'All statuses',
    search: 'Search title or school',
    createdAt: 'Recorded',
    empty: 'Nothing recorded yet',
    save: 'Save',
    choose: 'Choose',
    added: 'Recorded',
    back: 'Back to the list',
    details: 'Details',
    history: 'History',
    actCreate: 'recorded it',
  },
});
`,
);
write(
  `${pageDir}/query.ts`,
  `import { ${Pascal}Status } from '${DOMAIN}';
import { defineListQuery, oneOf, text } from '@hyedu/web';

/** The list's filters as they live in the URL: \`?status=&q=&page=\`. */
export const ${camel}Query = defineListQuery({ status: oneOf(${Pascal}Status), q: text() });
`,
);
write(
  `${pageDir}/query.test.ts`,
  `import { describe, expect, it } from 'vitest';
import { ${camel}Query } from './query.ts';

describe('${title} list query', () => {
  it('reads known filters from the URL and drops what it does not know', () => {
    const q = ${camel}Query.parse({ status: 'submitted', q: '学校', page: '2', bogus: 'x' });
    expect(q).toMatchObject({ status: 'submitted', q: '学校', page: 2 });
    expect(${camel}Query.parse({ status: 'nonsense' }).status).toBeUndefined();
  });
});
`,
);
write(
  `${pageDir}/${Pascal}Dialog.vue`,
  `<script setup lang="ts">
import { useQuery } from '@tanstack/vue-query';
import { ref } from 'vue';
import { ElDialog, ElOption, ElSelect, FormActions, FormField, TextField } from '@hyedu/ui';
import { api, trpc, useRecordForm } from '@hyedu/web';
import { useRecordMessages } from './messages.ts';

/** 登记${title}: the school, a title and a note; the server's field errors show on their fields. */
const open = defineModel<boolean>({ required: true });
const emit = defineEmits<{ added: [id: number] }>();
const t = useRecordMessages();
const search = ref('');
const schools = useQuery(api.${modCamel}.${plural}.schools.queryOptions(() => ({ q: search.value || undefined })));
const { values: form, errors, busy, submit, close, beforeClose } = useRecordForm({
  open,
  blank: () => ({ schoolId: undefined as number | undefined, title: '', note: '' }),
  submit: (f) => trpc.${modCamel}.${plural}.create.mutate({ schoolId: f.schoolId as number, title: f.title, note: f.note || undefined }),
  done: ({ id }) => {
    open.value = false;
    emit('added', id);
  },
});
</script>

<template>
  <ElDialog v-model="open" :title="t('add')" width="min(560px, 96vw)" append-to-body :close-on-click-modal="false" :before-close="beforeClose">
    <form class="hy-form-grid" novalidate data-test="${name}-form" @submit.prevent="submit">
      <FormField id="${name}-school" v-slot="{ describedBy, invalid }" :label="t('school')" :error="errors.schoolId" wide>
        <ElSelect
          id="${name}-school"
          v-model="form.schoolId"
          filterable
          remote
          :remote-method="(q: string) => (search = q)"
          :placeholder="t('choose')"
          :aria-describedby="describedBy"
          :aria-invalid="invalid"
        >
          <ElOption v-for="s in schools.data.value ?? []" :key="s.id" :value="s.id" :label="s.name" />
        </ElSelect>
      </FormField>
      <TextField id="${name}-title" v-model="form.title" :label="t('recordTitle')" :error="errors.title" :maxlength="100" wide />
      <TextField id="${name}-note" v-model="form.note" :label="t('note')" :error="errors.note" type="textarea" :rows="3" :maxlength="1000" wide />
      <FormActions :submit-label="t('save')" :error="errors._" :busy="busy" @cancel="close(() => (open = false))" />
    </form>
  </ElDialog>
</template>
`,
);
write(
  `${pageDir}/${Pascal}ListPage.vue`,
  `<script setup lang="ts">
import { computed, ref } from 'vue';
import { ${CONST}_WORKFLOW, ${Pascal}Status } from '${DOMAIN}';
import { BasePage, ElAlert, ElButton, ElInput, ElTag, FilterSelect, formatDateTime, formatInt, useLocaleStore } from '@hyedu/ui';
import { api, RecordTable, ScopeText, useRecordList, type Column, type RouterOutputs } from '@hyedu/web';
import ${Pascal}Dialog from './${Pascal}Dialog.vue';
import { useRecordMessages } from './messages.ts';
import { ${camel}Query } from './query.ts';

/** ${title}: the records of the caller's scope, filtered by status and text, with 登记 for those who may write. */
const t = useRecordMessages();
const locale = useLocaleStore();
const lang = computed(() => (locale.locale === 'en-US' ? 'en' : 'zh'));
const { filters, list, table, total, setQuery, refresh } = useRecordList({ source: api.${modCamel}.${plural}.list, query: ${camel}Query });
type Row = RouterOutputs['${modCamel}']['${plural}']['list']['rows'][number];
const columns = computed<Column<Row>[]>(() => [
  { key: 'title', label: t('recordTitle'), minWidth: 200 },
  { key: 'school', label: t('school'), minWidth: 180, value: (r: Row) => r.schoolName },
  { key: 'status', label: t('status'), width: 110 },
  { key: 'createdAt', label: t('createdAt'), width: 170, value: (r: Row) => formatDateTime(r.createdAt) },
]);
const search = ref(filters.value.q ?? '');
const adding = ref(false);
const notice = ref<string | null>(null);
async function added() {
  notice.value = t('added');
  await refresh();
}
</script>

<template>
  <BasePage :title="t('listTitle')">
    <template #lead
      ><ScopeText /><template v-if="total !== undefined"> · {{ t('lead', { n: formatInt(total) }) }}</template></template
    >
    <template #actions>
      <ElButton v-if="list.data.value?.canCreate" type="primary" data-test="${name}-add" @click="adding = true">{{ t('add') }}</ElButton>
    </template>
    <div class="hy-filters">
      <FilterSelect
        :model-value="filters.status"
        :options="${Pascal}Status.options.map((s) => ({ value: s, label: ${CONST}_WORKFLOW.stateLabels[s][lang] }))"
        :label="t('status')"
        :placeholder="t('allStatuses')"
        @update:model-value="(v: string | undefined) => setQuery({ status: v })"
      />
      <ElInput v-model="search" clearable :placeholder="t('search')" :aria-label="t('search')" style="width: 220px" @change="setQuery({ q: search.trim() || undefined })" />
    </div>
    <ElAlert v-if="notice" type="success" show-icon :title="notice" @close="notice = null" />
    <RecordTable :list="table" :columns="columns" :empty-text="t('empty')" test-id="${name}-table">
      <template #cell-title="{ row }">
        <RouterLink :to="{ name: '${routeOne}', params: { id: String(row.id) } }"><span lang="zh-CN">{{ row.title }}</span></RouterLink>
      </template>
      <template #cell-status="{ row }">
        <ElTag size="small" disable-transitions>{{ ${CONST}_WORKFLOW.stateLabels[row.status][lang] }}</ElTag>
      </template>
    </RecordTable>
    <${Pascal}Dialog v-if="list.data.value?.canCreate" v-model="adding" @added="added" />
  </BasePage>
</template>
`,
);
write(
  `${pageDir}/${Pascal}Page.vue`,
  `<script setup lang="ts">
import { useQuery } from '@tanstack/vue-query';
import { computed } from 'vue';
import { useRoute } from 'vue-router';
import { ${CONST}_WORKFLOW, type ${Pascal}Action } from '${DOMAIN}';
import { BasePage, DetailList, ElAlert, ElSkeleton, ElTag, formatDateTime, RecordCard, RecordHistoryCard, useLocaleStore } from '@hyedu/ui';
import { api, errorMessage, RecordSteps, trpc, useInvalidate, useWorkflowSteps } from '@hyedu/web';
import { useRecordMessages } from './messages.ts';

/** One ${title}: its details, the steps the caller may take (from the workflow's declaration) and its history. */
const t = useRecordMessages();
const locale = useLocaleStore();
const lang = computed(() => (locale.locale === 'en-US' ? 'en' : 'zh'));
const route = useRoute();
const invalidate = useInvalidate();
const id = computed(() => Number(route.params.id));
const record = useQuery(api.${modCamel}.${plural}.byId.queryOptions(() => ({ id: id.value })));
const history = useQuery(api.${modCamel}.${plural}.history.queryOptions(() => ({ id: id.value })));
const r = computed(() => record.data.value);
/** A step that needs a reason (退回) opens its form first. */
const steps = useWorkflowSteps({
  workflow: ${CONST}_WORKFLOW,
  run: (action: ${Pascal}Action, reason) =>
    trpc.${modCamel}.${plural}.step.mutate({ id: id.value, expectedVersion: r.value!.version, action, reason }),
  refresh: () => invalidate(api.${modCamel}.${plural}),
});
const details = computed(() => {
  const x = r.value!;
  return [
    { key: 'school', label: t('school'), value: x.school.name, zh: true },
    { key: 'status', label: t('status') },
    { key: 'createdAt', label: t('createdAt'), value: \`\${x.createdBy} · \${formatDateTime(x.createdAt)}\` },
    { key: 'note', label: t('note'), value: x.note, wide: true, text: true, zh: true },
  ];
});
</script>

<template>
  <BasePage :title="r?.title ?? t('listTitle')">
    <RouterLink :to="{ name: '${routeList}' }" class="hy-back">← {{ t('back') }}</RouterLink>
    <ElAlert v-if="record.error.value" type="error" :closable="false" show-icon :title="errorMessage(record.error.value)" />
    <ElSkeleton v-else-if="!r" :rows="6" animated />
    <template v-else>
      <RecordCard :title="t('details')">
        <DetailList :items="details">
          <template #status
            ><ElTag disable-transitions>{{ ${CONST}_WORKFLOW.stateLabels[r.status][lang] }}</ElTag></template
          >
        </DetailList>
        <RecordSteps :steps="steps" :workflow="${CONST}_WORKFLOW" :record="r" reason-id="${name}-reason" />
      </RecordCard>
      <RecordHistoryCard
        :title="t('history')"
        :workflow="${CONST}_WORKFLOW"
        :entries="history.data.value"
        :labels="{ '${wfKey}.create': t('actCreate') }"
      />
    </template>
  </BasePage>
</template>
`,
);
insert(
  `apps/${mod}/src/routes.ts`,
  /children: \[/,
  `      {
        path: '${name}s',
        name: '${routeList}',
        component: () => import('./pages/${name}/${Pascal}ListPage.vue'),
        meta: { title: '${title}', titleEn: '${titleEn}' },
      },
      {
        path: '${name}s/:id(\\\\d+)',
        name: '${routeOne}',
        component: () => import('./pages/${name}/${Pascal}Page.vue'),
        meta: { title: '${title}', titleEn: '${titleEn}' },
      },
`,
);

// ---- the migration, then the formatter --------------------------------------------------------------------------
if (!values['no-migration']) {
  execFileSync(path('libs/db/node_modules/.bin/drizzle-kit'), ['generate', '--name', `${snake}s`], {
    cwd: path('libs/db'),
    stdio: 'inherit',
  });
}
const files = [...new Set(written)];
execFileSync(path('node_modules/.bin/prettier'), ['--write', '--log-level', 'warn', ...files], { cwd: root, stdio: 'inherit' });
console.log(`已生成${title}（${wfKey}）：\n${files.map((f) => `  ${f}`).join('\n')}`);
console.log('下一步：按 docs/domain 中的规则修改工作流和字段；在 libs/domain/src/fields.ts 补充新字段的中文名。');
