/**
 * Numeric targets and dates of 《2022年衡阳市教育局工作要点》 (docs/seed/2022-work-priorities.txt; docs/domain/README.md).
 * Each field quotes the sentence it comes from. The generic rules take these as parameters.
 */
export const HENGYANG_TARGETS_2022 = {
  /** 第5项：“将市域民办义务教育在校生规模占比控制在5%以内” */
  privateCompulsoryShareCap: 0.05,
  /** 第5项：“6月底前将‘公参民’学校全部转为公办” */
  gongCanMinDeadline: '2022-06-30',
  /** 第9项：“高标准完成33730个学位建设任务” */
  seatConstructionTarget: 33_730,
  /** 第11项：“确保全市义务教育原建档立卡等家庭经济困难学生100%享受国家政策资助” */
  aidCoverageTarget: 1,
  /** 第4项：“推进中小学幼儿园安全防范建设‘4个100%’” */
  safetyComplianceTarget: 1,
  /** Year-end for annual targets. */
  yearEnd: '2022-12-31',
} as const;
