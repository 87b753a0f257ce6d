/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PlanTask } from '../plan/tasks.ts';
import { HENGYANG_DEPARTMENTS } from './departments.ts';
import { HENGYANG_KPIS_2022 } from './kpis-2022.ts';
import { HENGYANG_PLAN_2022 } from './plan-2022.ts';
import { HENGYANG_TASKS_2022 } from './tasks-2022.ts';

const seed = readFileSync(new URL('../../../../docs/seed/2022-work-priorities.txt', import.meta.url), 'utf8').replace(/\s+/g, '');
const depts = new Set(HENGYANG_DEPARTMENTS.map((d) => d.key));
const kpis = new Map<string, (typeof HENGYANG_KPIS_2022)[number]>(HENGYANG_KPIS_2022.map((k) => [k.id, k]));

describe('the 2022 plan as tasks, milestones and KPIs', () => {
  it('every one of the 19 items has at least one task; every task is valid and led by a known 科室', () => {
    const items = new Set(HENGYANG_TASKS_2022.map((t) => t.itemNo));
    expect([...items].sort((a, b) => a - b)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    for (const task of HENGYANG_TASKS_2022) {
      expect(PlanTask.safeParse(task).error?.issues ?? [], task.code).toEqual([]);
      expect(depts.has(task.lead), `${task.code} lead ${task.lead}`).toBe(true);
      for (const c of task.coOwners) expect(depts.has(c), `${task.code} co-owner ${c}`).toBe(true);
      for (const m of task.milestones) expect(m.due >= '2022-04-14' && m.due <= '2022-12-31', `${task.code} ${m.due}`).toBe(true);
    }
    expect(new Set(HENGYANG_TASKS_2022.map((t) => t.code)).size).toBe(HENGYANG_TASKS_2022.length);
  });

  it('the hard dates: “6月底前将‘公参民’学校全部转为公办” → 2022-06-30; “33730个学位” by the year end', () => {
    expect(seed).toContain('6月底前将“公参民”学校全部转为公办');
    const t51 = HENGYANG_TASKS_2022.find((t) => t.code === '5.1')!;
    expect(t51.milestones[0]).toEqual({ title: '“公参民”学校全部转为公办', due: '2022-06-30' });
    expect(seed).toContain('高标准完成33730个学位建设任务');
    expect(HENGYANG_TASKS_2022.find((t) => t.code === '9.1')!.milestones.at(-1)).toEqual({ title: '完成33730个学位', due: '2022-12-31' });
  });

  it('every KPI quotes a phrase of its item in the seed, and every task names only KPIs of its own item', () => {
    const itemText = new Map(
      HENGYANG_PLAN_2022.sections.flatMap((s) => s.items).map((i) => [i.no, (i.title + i.text).replace(/\s+/g, '')]),
    );
    for (const k of HENGYANG_KPIS_2022) expect(itemText.get(k.itemNo), k.id).toContain(k.phrase.replace(/\s+/g, ''));
    for (const task of HENGYANG_TASKS_2022) {
      for (const id of task.kpis) expect(kpis.get(id)?.itemNo, `${task.code} → ${id}`).toBe(task.itemNo);
    }
    expect(kpis.get('private.compulsory-share')).toMatchObject({ target: 0.05, direction: 'at_most' });
    expect(kpis.get('funding.seats-delivered')).toMatchObject({ target: 33_730, direction: 'at_least' });
  });
});
