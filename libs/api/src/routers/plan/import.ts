import { eq } from 'drizzle-orm';
import { insertPlanTasks, tables, type Db, type Tx } from '@hyedu/db';
import { writeTemplate } from '@hyedu/excel';
import { INFO, INFO_FIELDS, ITEMS, taskColumns, type PlanImport, type PlanLists } from './import-sheets.ts';

const { departments, orgUnits, workPlanItems, workPlans, workPlanSections, modules } = tables;

export async function planTemplate(db: Db): Promise<string> {
  const depts = await db.select({ name: departments.name }).from(departments).orderBy(departments.sortOrder);
  const buf = await writeTemplate(
    [
      { name: '基本信息', columns: INFO },
      { name: '事项', columns: ITEMS },
      { name: '任务', columns: taskColumns(depts.map((d) => d.name)) },
    ],
    [
      '《年度工作要点》导入模板。请勿修改表头和工作表名称；灰色斜体的示例行导入时会被忽略。',
      `“基本信息”表的“字段”列依次填写：${Object.values(INFO_FIELDS).join('、')}。`,
      '“事项”表每行一个工作事项；“任务”表每行一个时间节点（一个任务有多个节点时重复任务编号和任务名称）。',
      '导入时先检查全部内容，发现任何错误都不会导入，并逐行说明错误所在。',
    ],
  );
  return buf.toString('base64');
}

/** The lists a plan file is checked against (passed to the parsing worker). */
export async function planLists(db: Db): Promise<PlanLists> {
  const [depts, units, mods] = await Promise.all([
    db.select({ key: departments.key, name: departments.name }).from(departments),
    db.select({ code: orgUnits.code, name: orgUnits.name, kind: orgUnits.kind }).from(orgUnits),
    db.select({ key: modules.key, title: modules.title }).from(modules),
  ]);
  return { depts, units, mods };
}

/** Writes an imported plan (one transaction, with the caller's audit row). The year must not exist yet. */
export async function insertPlan(tx: Tx, { plan, tasks }: PlanImport) {
  const [exists] = await tx.select({ year: workPlans.year }).from(workPlans).where(eq(workPlans.year, plan.year));
  if (exists) throw new Error(`${plan.year}年的工作要点已存在，不能重复导入`);
  await tx.insert(workPlans).values({
    year: plan.year,
    title: plan.title,
    issuer: plan.issuer,
    issuedOn: plan.issuedOn,
    recipients: plan.recipients,
    preamble: plan.preamble,
    closing: plan.closing,
  });
  await tx.insert(workPlanSections).values(plan.sections.map((s) => ({ year: plan.year, no: s.no, numeral: s.numeral, title: s.title })));
  await tx
    .insert(workPlanItems)
    .values(
      plan.sections.flatMap((s) =>
        s.items.map((i) => ({ year: plan.year, no: i.no, sectionNo: s.no, title: i.title, body: i.text, modules: [...i.modules] })),
      ),
    );
  const counties = (await tx.select({ code: orgUnits.code, kind: orgUnits.kind }).from(orgUnits))
    .filter((u) => u.kind !== 'city')
    .map((u) => u.code);
  await insertPlanTasks(tx, plan.year, tasks, counties);
}
