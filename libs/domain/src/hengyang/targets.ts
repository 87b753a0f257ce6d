/**
 * Numeric targets and dates of 《2022年衡阳市教育局工作要点》 (docs/seed/2022-work-priorities.txt; docs/domain/README.md).
 * Each field quotes the sentence it comes from. The generic rules take these as parameters.
 */
export const HENGYANG_TARGETS_2022 = {
  /** 第5项：“将市域民办义务教育在校生规模占比控制在5%以内” */
  privateCompulsoryShareCap: 0.05,
  /**
   * 第10项 “进一步提升学前教育普及普惠水平”: 学前三年毛入园率 ≥ 85%, the bureau's own target after the county supervision
   * standard 《县域学前教育普及普惠督导评估办法》 (secondary source; the seed names no figure).
   */
  preschoolGrossEnrolmentTarget: 0.85,
  /** 第5项：“6月底前将‘公参民’学校全部转为公办” */
  gongCanMinDeadline: '2022-06-30',
  /** 第9项：“高标准完成33730个学位建设任务” */
  seatConstructionTarget: 33_730,
  /** 第11项：“确保全市义务教育原建档立卡等家庭经济困难学生100%享受国家政策资助” */
  aidCoverageTarget: 1,
  /** 第4项：“推进中小学幼儿园安全防范建设‘4个100%’” */
  safetyComplianceTarget: 1,
  /** The first census after the 公参民 deadline: the one that should show every converted school as public. */
  privateShareCheckCensus: '2022-2023',
  /** Year-end for annual targets. */
  yearEnd: '2022-12-31',
} as const;

/**
 * Hengyang's private compulsory sector at end-2020 (学年初 2020-2021), from the Hunan Education Department's notice of
 * 2021-06-22 (reported by 芥末堆, 2021-07-04; docs/domain/private-education.md): the province's largest. The compulsory
 * total is back-calculated from the shares; the required cut is the notice's own figure.
 */
export const HENGYANG_PRIVATE_BASELINE_2020 = {
  censusYear: '2020-2021',
  privateSchools: 118,
  privatePrimary: 94_828,
  primaryShare: 0.166,
  privateJunior: 96_669,
  juniorShare: 0.34,
  /** 94,828 + 96,669. */
  privateCompulsory: 191_497,
  /** Back-calculated: 191,497 − 148,642 = 42,855 = 5% × 857,100. */
  compulsoryTotal: 857_100,
  /** “至少调减148642人” */
  requiredCut: 148_642,
} as const;
