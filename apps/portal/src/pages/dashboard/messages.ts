import { defineMessages } from '@hyedu/ui';

export const useDashboardMessages = defineMessages({
  'zh-CN': {
    title: '领导驾驶舱', lead: '年度工作要点的关键指标，按各模块业务数据实时计算。', item: '第{n}项', target: '目标', asOf: '截至 {t}', noData: '暂无数据',
    noDataHint: '相关模块尚未录入业务数据', trend: '趋势', formula: '计算方法', source: '工作要点原文', city: '全市', unit: '单位', value: '数值', status: '状态',
    byUnit: '各县市区', beside: '不在地图上的单位', schools: '学校', records: '查看明细记录', back: '返回', school: '学校名称', code: '学校标识码', numDen: '分子 / 分母',
    mapTitle: '{title}（按县市区）', print: '打印', export: '导出 Excel',
    dataAsOf: '数据截至 {d}', seed: '工作要点', bureau: '局定目标', targetSourceHint: '目标来源', verifiedOfDue: '已核实 {verified} / 应报 {due} 所',
  },
  'en-US': {
    title: 'Leadership dashboard', lead: "The work plan's key indicators, computed live from the modules' records.", item: 'Item {n}', target: 'Target', asOf: 'As of {t}', noData: 'No data yet',
    noDataHint: 'The module has no records yet', trend: 'Trend', formula: 'Formula', source: 'In the work plan', city: 'City', unit: 'Unit', value: 'Value', status: 'Status',
    byUnit: 'By county', beside: 'Units not on the map', schools: 'Schools', records: 'Open the records', back: 'Back', school: 'School', code: 'School code', numDen: 'Numerator / denominator',
    mapTitle: '{title} by county', print: 'Print', export: 'Export to Excel',
    dataAsOf: 'Data as of {d}', seed: 'Work plan', bureau: "Bureau's own target", targetSourceHint: 'Target source', verifiedOfDue: 'Verified {verified} of {due} schools due',
  },
});
