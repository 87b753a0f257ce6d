// The plan import's sheets and every check of a filled template. Runs in the parsing worker (see imports/worker.ts),
// so it imports no database code: the platform's 科室, units and modules come in as data.
import { z } from 'zod';
import {
  chineseNumeral,
  hasVisibleText,
  IMPORT_LIMITS,
  IsoDate,
  isSafeText,
  MAX_MILESTONES_PER_TASK,
  validateWorkPlan,
  type ModuleKey,
  type PlanTask,
  type WorkPlan,
} from '@hyedu/domain';
import { formatRowError, readSheet, validateRows, type Column } from '@hyedu/excel';
import type { ParseReport } from '../../imports/types.ts';

/** The plan template's three sheets. 科室, county and module names are the ones configured in the platform. */
export const INFO: Column[] = [
  { key: 'field', header: '字段', required: true, width: 12, example: '年度' },
  { key: 'value', header: '内容', required: true, width: 100, example: '2023' },
];
export const INFO_FIELDS = {
  year: '年度',
  title: '标题',
  issuer: '发文单位',
  issuedOn: '印发日期',
  recipients: '主送',
  preamble: '前言',
  closing: '结语',
} as const;
export const ITEMS: Column[] = [
  { key: 'sectionNo', header: '部分序号', required: true, width: 9, example: 1, note: '1、2、3…，对应“一、二、三…”' },
  { key: 'sectionTitle', header: '部分标题', required: true, width: 40, example: '深入学习贯彻党的二十大精神' },
  { key: 'itemNo', header: '事项序号', required: true, width: 9, example: 1, note: '全文连续编号 1、2、3…' },
  { key: 'itemTitle', header: '事项标题', required: true, width: 30, example: '学习贯彻党的创新理论' },
  { key: 'itemText', header: '事项内容', required: true, width: 80, example: '坚持把学习贯彻……作为首要政治任务。' },
  { key: 'modules', header: '承办模块', width: 20, note: '可填多个，用“、”分隔；不填表示仅门户跟踪' },
];
export const taskColumns = (deptNames: string[]): Column[] => [
  {
    key: 'code',
    header: '任务编号',
    required: true,
    width: 9,
    example: '5.1',
    note: '事项序号.序号；同一任务有多个时间节点时，每个节点占一行并重复任务编号',
  },
  { key: 'title', header: '任务名称', required: true, width: 40, example: '推进“公参民”学校规范工作' },
  { key: 'lead', header: '牵头科室', required: true, width: 18, options: deptNames, example: deptNames[0] ?? '' },
  { key: 'coOwners', header: '配合科室', width: 18, note: '可填多个，用“、”分隔' },
  {
    key: 'units',
    header: '承办县市区',
    required: true,
    width: 18,
    example: '全部县市区',
    note: '“全部县市区”、“市本级”，或县市区名称用“、”分隔',
  },
  { key: 'milestone', header: '时间节点', required: true, width: 24, example: '完成摸底' },
  { key: 'due', header: '截止日期', required: true, width: 12, example: '2023-06-30', note: '格式 YYYY-MM-DD' },
  { key: 'kpis', header: '关联指标', width: 20, note: '指标编号，用“、”分隔，可不填' },
];

const list = (s: string) =>
  s
    .split(/[、，,;；\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

export interface PlanImport {
  plan: WorkPlan;
  tasks: PlanTask[];
}

/** What the plan's cells are checked against: the platform's 科室, units and modules (read by the caller). */
export interface PlanLists {
  depts: { key: string; name: string }[];
  units: { code: string; name: string; kind: string }[];
  mods: { key: string; title: string }[];
}

/**
 * Reads and checks a filled template against the platform's lists. Returns every problem (by sheet, row and column)
 * or the plan and its tasks. Runs in the parsing worker: no database here.
 */
export async function readPlanSheets(
  buf: Buffer,
  { depts, units, mods }: PlanLists,
  report: ParseReport = () => {},
): Promise<{ errors: string[]; result?: PlanImport }> {
  const errors: string[] = [];
  const prefix = (sheet: string) => (e: string) => `“${sheet}”表 ${e}`;

  const limit = { maxRows: IMPORT_LIMITS.maxRows };
  const info = await readSheet(buf, '基本信息', INFO, limit);
  const field = (label: string) => info.find((r) => r.values.field === label)?.values.value ?? '';
  const header = {
    year: Number(field(INFO_FIELDS.year)),
    title: field(INFO_FIELDS.title),
    issuer: field(INFO_FIELDS.issuer),
    issuedOn: field(INFO_FIELDS.issuedOn),
    recipients: field(INFO_FIELDS.recipients),
    preamble: field(INFO_FIELDS.preamble),
    closing: field(INFO_FIELDS.closing),
  };
  for (const [k, label] of Object.entries(INFO_FIELDS))
    if (!String(header[k as keyof typeof header] ?? '').trim() && k !== 'closing') errors.push(`“基本信息”表 缺少“${label}”`);
  if (!Number.isInteger(header.year) || header.year < 2000 || header.year > 2100) errors.push('“基本信息”表 年度应为四位年份');
  if (header.issuedOn && !IsoDate.safeParse(header.issuedOn).success) errors.push('“基本信息”表 印发日期应为 YYYY-MM-DD 格式');

  // A text cell: what the shared text type refuses (control characters, broken or bidi characters, only invisible
  // characters) is refused here too; the row error names the sheet, row and column.
  const cell = (max: number) =>
    z
      .string()
      .trim()
      .max(max, { message: `最多${max}个字` })
      .refine(isSafeText, { message: '含有不可见的控制字符或无效字符' })
      .refine(hasVisibleText, { message: '不能为空' });
  const moduleOf = (name: string) => mods.find((m) => m.title === name || m.key === name)?.key;
  const ItemRow = z.object({
    sectionNo: z.coerce.number({ message: '应为整数' }).int({ message: '应为整数' }).min(1, { message: '应从1开始' }),
    sectionTitle: cell(200),
    itemNo: z.coerce.number({ message: '应为整数' }).int({ message: '应为整数' }).min(1, { message: '应从1开始' }),
    itemTitle: cell(100),
    itemText: cell(4000),
    modules: z
      .string()
      .transform((s, c) => list(s).map((n) => moduleOf(n) ?? (c.addIssue({ code: 'custom', message: `没有名为“${n}”的模块` }), z.NEVER))),
  });
  const itemRows = await readSheet(buf, '事项', ITEMS, limit);
  const items = validateRows(itemRows, ItemRow, ITEMS);
  errors.push(...items.errors.map(formatRowError).map(prefix('事项')));

  const deptOf = (n: string) => depts.find((d) => d.name === n || d.key === n)?.key;
  const counties = units.filter((u) => u.kind !== 'city');
  const TaskRow = z.object({
    code: z.string().regex(/^\d{1,2}\.\d{1,2}$/, { message: '应为“事项序号.序号”，如 5.1' }),
    title: cell(200),
    lead: z.string().transform((n, c) => deptOf(n) ?? (c.addIssue({ code: 'custom', message: `没有名为“${n}”的科室` }), z.NEVER)),
    coOwners: z
      .string()
      .transform((s, c) => list(s).map((n) => deptOf(n) ?? (c.addIssue({ code: 'custom', message: `没有名为“${n}”的科室` }), z.NEVER))),
    units: z.string().transform((s, c): PlanTask['units'] => {
      if (s === '全部县市区' || s === '全部') return 'all';
      if (s === '市本级') return [];
      return list(s).map(
        (n) =>
          counties.find((u) => u.name === n || u.code === n)?.code ??
          (c.addIssue({ code: 'custom', message: `没有名为“${n}”的县市区` }), z.NEVER),
      );
    }),
    milestone: cell(100),
    due: IsoDate,
    kpis: z.string().transform(list),
  });
  const taskSheet = await readSheet(buf, '任务', taskColumns(depts.map((d) => d.name)), limit);
  report({ parsed: info.length + itemRows.length + taskSheet.length });
  const taskRows = validateRows(taskSheet, TaskRow, taskColumns([]));
  errors.push(...taskRows.errors.map(formatRowError).map(prefix('任务')));
  if (errors.length) {
    report({ checked: info.length + itemRows.length + taskSheet.length });
    return { errors };
  }

  // Sections and items → the domain's plan, checked by the same rules as the 2022 plan.
  const sections = new Map<number, WorkPlan['sections'][number]>();
  const itemRowOf = new Map<number, number>();
  for (const { rowNumber, value: r } of items.valid) {
    const first = itemRowOf.get(r.itemNo);
    if (first !== undefined) {
      errors.push(`“事项”表 第${rowNumber}行 事项序号 与第${first}行重复（每个事项只能有一行）`);
      continue;
    }
    itemRowOf.set(r.itemNo, rowNumber);
    const s = sections.get(r.sectionNo) ?? { no: r.sectionNo, numeral: chineseNumeral(r.sectionNo), title: r.sectionTitle, items: [] };
    s.items.push({ no: r.itemNo, title: r.itemTitle, text: r.itemText, modules: r.modules as ModuleKey[] });
    sections.set(r.sectionNo, s);
  }
  const plan: WorkPlan = { ...header, sections: [...sections.values()].sort((a, b) => a.no - b.no) };
  errors.push(...validateWorkPlan(plan));
  const itemNos = new Set(plan.sections.flatMap((s) => s.items.map((i) => i.no)));
  const tasks = new Map<string, PlanTask>();
  // A task takes one row per milestone: the same milestone twice is a duplicate row, and a task has at most
  // MAX_MILESTONES_PER_TASK of them.
  const milestoneRowOf = new Map<string, number>();
  for (const { rowNumber, value: r } of taskRows.valid) {
    const itemNo = Number(r.code.split('.')[0]);
    if (!itemNos.has(itemNo)) errors.push(`“任务”表 第${rowNumber}行 任务编号 第${itemNo}项不在“事项”表中`);
    const key = JSON.stringify([r.code, r.milestone, r.due]);
    const first = milestoneRowOf.get(key);
    if (first !== undefined) {
      errors.push(`“任务”表 第${rowNumber}行 与第${first}行重复（同一任务的同一时间节点）`);
      continue;
    }
    milestoneRowOf.set(key, rowNumber);
    const t = tasks.get(r.code) ?? {
      code: r.code,
      itemNo,
      title: r.title,
      lead: r.lead,
      coOwners: r.coOwners,
      units: r.units,
      milestones: [],
      kpis: r.kpis,
    };
    if (t.milestones.length === MAX_MILESTONES_PER_TASK)
      errors.push(`“任务”表 第${rowNumber}行 任务${r.code}的时间节点超过${MAX_MILESTONES_PER_TASK}个`);
    else t.milestones.push({ title: r.milestone, due: r.due });
    tasks.set(r.code, t);
  }
  report({ checked: info.length + itemRows.length + taskSheet.length });
  return errors.length ? { errors } : { errors: [], result: { plan, tasks: [...tasks.values()] } };
}
