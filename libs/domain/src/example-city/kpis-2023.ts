import { cityKpis } from '../kpi-catalogue.ts';
import type { CityKpiTarget, KpiDefinition, KpiId } from '../kpi.ts';
import { EXAMPLE_CITY_TARGETS_2023 as T } from './targets.ts';

/**
 * What 示例市's plan says about the KPIs it measures: seven of the catalogue's, with its own targets and one amber
 * band of its own. The rest of the catalogue is not in its plan and is left out.
 */
export const EXAMPLE_CITY_KPI_TARGETS_2023: Partial<Record<KpiId, CityKpiTarget>> = {
  'safety.compliance': { itemNo: 1, phrase: '安全防范建设达标学校占比达到95%', target: T.safetyComplianceTarget, targetSource: 'seed' },
  'safety.hazards-overdue': { itemNo: 1, phrase: '逾期未整改隐患动态清零', target: 0, targetSource: 'seed' },
  'safety.hazard-closure': { itemNo: 1, phrase: '建立隐患台账', target: 0.9, targetSource: 'bureau' },
  'private.compulsory-share': {
    itemNo: 3,
    phrase: '将民办义务教育在校生占比控制在10%以内',
    target: T.privateCompulsoryShareCap,
    targetSource: 'seed',
  },
  'funding.seats-delivered': {
    itemNo: 4,
    phrase: '新增1200个公办学位',
    target: T.seatConstructionTarget,
    targetSource: 'seed',
    amber: 0.25,
  },
  'funding.aid-coverage': { itemNo: 4, phrase: '家庭经济困难学生100%享受资助', target: T.aidCoverageTarget, targetSource: 'seed' },
  'teachers.training-completion': { itemNo: 5, phrase: '教师培训完成率达到90%', target: 0.9, targetSource: 'seed' },
};

/** 示例市's KPIs: the same catalogue as Hengyang's, with 示例市's targets. */
export const EXAMPLE_CITY_KPIS_2023: readonly KpiDefinition[] = cityKpis(EXAMPLE_CITY_KPI_TARGETS_2023);
