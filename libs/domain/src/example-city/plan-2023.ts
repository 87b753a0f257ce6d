import type { WorkPlan } from '../work-plan.ts';

/** 示例市's (synthetic) 2023 work plan: two sections, five items — a smaller plan than Hengyang's 19 items. */
export const EXAMPLE_CITY_PLAN_2023: WorkPlan = {
  year: 2023,
  title: '2023年示例市教育局工作要点',
  issuer: '示例市教育局',
  issuedOn: '2023-03-01',
  recipients: '各区县（市）教育局，局直各单位',
  preamble: '本文件为测试用的虚构工作要点，不对应任何真实城市。',
  sections: [
    {
      no: 1,
      numeral: '一',
      title: '守牢校园安全底线',
      items: [
        {
          no: 1,
          title: '抓好校园安全',
          text: '安全防范建设达标学校占比达到95%。建立隐患台账，逾期未整改隐患动态清零。',
          modules: ['safety'],
        },
        { no: 2, title: '加强思想政治工作', text: '开展主题教育活动。', modules: [] },
      ],
    },
    {
      no: 2,
      numeral: '二',
      title: '促进教育公平',
      items: [
        {
          no: 3,
          title: '规范民办教育',
          text: '8月底前完成“公参民”学校规范工作，将民办义务教育在校生占比控制在10%以内。',
          modules: ['private-edu'],
        },
        {
          no: 4,
          title: '扩大学位供给',
          text: '新增1200个公办学位。家庭经济困难学生100%享受资助。',
          modules: ['funding'],
        },
        { no: 5, title: '建设教师队伍', text: '教师培训完成率达到90%。', modules: ['teachers'] },
      ],
    },
  ],
  closing: '做好其他日常工作。',
};
