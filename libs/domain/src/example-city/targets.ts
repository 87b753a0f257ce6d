/**
 * Figures of 示例市's (synthetic) 2023 plan, each quoting the sentence of EXAMPLE_CITY_PLAN_2023 it comes from.
 * Deliberately unlike Hengyang's: a looser private-school cap, a smaller seat target, a 95% safety target.
 */
export const EXAMPLE_CITY_TARGETS_2023 = {
  /** 第3项：“将民办义务教育在校生占比控制在10%以内” */
  privateCompulsoryShareCap: 0.1,
  /** 第3项：“8月底前完成‘公参民’学校规范工作” */
  gongCanMinDeadline: '2023-08-31',
  /** 第4项：“新增1200个公办学位” */
  seatConstructionTarget: 1_200,
  /** 第4项：“家庭经济困难学生100%享受资助” */
  aidCoverageTarget: 1,
  /** 第1项：“安全防范建设达标学校占比达到95%” */
  safetyComplianceTarget: 0.95,
  yearEnd: '2023-12-31',
} as const;
