import type { KpiSource, Measure } from '../../kpi/source.ts';
import { namedProjects } from './named.ts';

/**
 * 重点项目按计划推进率 (第9项 “加快推进市十七中搬迁、衡钢中学初中部新建工程的建设 … 抓好 … 项目的管理”): the named projects
 * on schedule or in use on the business date ÷ the named projects, per unit (the city's 局直 projects under its own
 * code, 楚怡中职 under 衡南县).
 */
export const namedOnSchedule: KpiSource = {
  id: 'funding.named-on-schedule',
  recordsRoute: 'funding:named',
  recordsArea: 'funding',
  async byUnit(db, scope, today) {
    const out = new Map<string, Measure>();
    for (const r of await namedProjects(db, scope, today)) {
      const m = out.get(r.unitCode) ?? { num: 0, den: 0 };
      out.set(r.unitCode, { num: m.num + (r.schedule.state === 'late' ? 0 : 1), den: (m.den ?? 0) + 1 });
    }
    return out;
  },
};
