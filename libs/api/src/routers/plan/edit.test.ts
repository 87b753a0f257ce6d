import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { callerAs, failure } from '../../testing.ts';

describe.each(testEngines())('entering a plan in the portal on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(engine, { scale: 0.02 });
  });
  afterAll(() => database?.close());

  it('the 办公室 creates 2024, adds sections and items in order and a task; it reads like an imported plan', async () => {
    const office = await callerAs(database, 'office');
    expect(
      await failure(
        (await callerAs(database, 'privedu')).plan.plans.create({
          year: 2024,
          title: 'x',
          issuer: 'x',
          issuedOn: '2024-03-01',
          recipients: 'x',
          preamble: 'x',
          closing: '',
        }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
    await office.plan.plans.create({
      year: 2024,
      title: '2024年衡阳市教育局工作要点',
      issuer: '衡阳市教育局',
      issuedOn: '2024-03-01',
      recipients: '各县市区教育局',
      preamble: '2024年是……',
      closing: '',
    });
    expect(
      await failure(
        office.plan.plans.create({
          year: 2024,
          title: 'x',
          issuer: 'x',
          issuedOn: '2024-03-01',
          recipients: 'x',
          preamble: 'x',
          closing: '',
        }),
      ),
    ).toEqual({ code: 'CONFLICT', message: '2024年的工作要点已存在' });
    expect(await failure(office.plan.plans.addItem({ year: 2024, sectionNo: 2, sectionTitle: '二', title: '事项', text: '内容' }))).toEqual(
      {
        code: 'BAD_REQUEST',
        message: '请先添加第一部分',
      },
    );
    expect(
      await office.plan.plans.addItem({
        year: 2024,
        sectionNo: 1,
        sectionTitle: '坚持党的全面领导',
        title: '学习贯彻党的创新理论',
        text: '坚持把学习贯彻……作为首要政治任务。',
      }),
    ).toEqual({ no: 1 });
    expect(
      await office.plan.plans.addItem({ year: 2024, sectionNo: 1, sectionTitle: '', title: '加强党组织建设', text: '推动……' }),
    ).toEqual({
      no: 2,
    });
    expect(
      await office.plan.plans.addItem({
        year: 2024,
        sectionNo: 2,
        sectionTitle: '办好人民满意的教育',
        title: '推进民办教育健康发展',
        text: '……',
        modules: ['private-edu'],
      }),
    ).toEqual({ no: 3 });
    const task = {
      code: '3.1',
      itemNo: 3,
      title: '控制民办义务教育在校生占比',
      lead: 'private-edu',
      coOwners: [],
      units: 'all' as const,
      milestones: [{ title: '年底前控制在5%以内', due: '2024-12-31' }],
      kpis: ['private.compulsory-share'],
    };
    expect(await failure(office.plan.tasks.create({ year: 2024, task: { ...task, lead: 'nobody' } }))).toEqual({
      code: 'BAD_REQUEST',
      message: '科室不存在：nobody',
    });
    await office.plan.tasks.create({ year: 2024, task });
    expect(await failure(office.plan.tasks.create({ year: 2024, task }))).toEqual({ code: 'CONFLICT', message: '任务编号 3.1 已存在' });
    const leader = await callerAs(database, 'leader');
    const plan = await leader.platform.workPlan({ year: 2024 });
    expect(plan.sections.map((s) => [s.numeral, s.items.map((i) => i.no)])).toEqual([
      ['一', [1, 2]],
      ['二', [3]],
    ]);
    expect((await leader.plan.tasks.list({ year: 2024 })).map((t) => [t.code, t.units.length])).toEqual([['3.1', 13]]);
  });
});
