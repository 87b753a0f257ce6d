import { defineMessages } from '@hyedu/ui';

export const useDashboardMessages = defineMessages({
  'zh-CN': {
    title: '领导驾驶舱', lead: '年度工作要点的关键指标，按各模块业务数据实时计算。', item: '第{n}项', target: '目标', asOf: '截至 {t}', noData: '暂无数据',
    noDataHint: '相关模块尚未录入业务数据', trend: '趋势', formula: '计算方法', source: '工作要点原文', city: '全市', unit: '单位', value: '数值', status: '状态',
    byUnit: '各县市区', beside: '不在地图上的单位', schools: '学校', records: '查看明细记录', back: '返回', school: '学校名称', code: '学校标识码', numDen: '分子 / 分母',
    mapTitle: '{title}（按县市区）', mapHighGood: '高（好）', mapHighBad: '高（差）', mapLow: '低', leagueCaption: '{title}：各县市区数值与状态（与地图数据相同），点击单位查看明细', print: '打印', export: '导出 Excel',
    // The same words as KPI_STATUS_LABELS of @hyedu/domain (the Excel export's words).
    cityValue: '全市：{v}', formulaLabel: '计算方法：', sourceLabel: '工作要点原文（第{n}项）：', besideLabel: '不在地图上的单位：',
    status_green: '达标', status_amber: '接近目标', status_red: '未达标', status_no_data: '暂无数据',
    dataAsOf: '数据截至 {d}', seed: '工作要点', bureau: '局定目标', targetSourceHint: '目标来源', verifiedOfDue: '已核实 {verified} / 应报 {due} 所',
    countyTarget: '局定目标（县市区）', cityApplies: '{source}（沿用全市目标）',
  },
  'en-US': {
    title: 'Leadership dashboard', lead: "The work plan's key indicators, computed live from the modules' records.", item: 'Item {n}', target: 'Target', asOf: 'As of {t}', noData: 'No data yet',
    noDataHint: 'The module has no records yet', trend: 'Trend', formula: 'Formula', source: 'In the work plan', city: 'City', unit: 'Unit', value: 'Value', status: 'Status',
    byUnit: 'By county', beside: 'Units not on the map', schools: 'Schools', records: 'Open the records', back: 'Back', school: 'School', code: 'School code', numDen: 'Numerator / denominator',
    mapTitle: '{title} by county', mapHighGood: 'High (good)', mapHighBad: 'High (bad)', mapLow: 'Low', leagueCaption: '{title}: value and status of each county-level unit (the figures of the map); open a unit for its detail', print: 'Print', export: 'Export to Excel',
    cityValue: 'City: {v}', formulaLabel: 'Formula: ', sourceLabel: 'In the work plan (item {n}): ', besideLabel: 'Units not on the map: ',
    status_green: 'On target', status_amber: 'Near target', status_red: 'Off target', status_no_data: 'No data',
    dataAsOf: 'Data as of {d}', seed: 'Work plan', bureau: "Bureau's own target", targetSourceHint: 'Target source', verifiedOfDue: 'Verified {verified} of {due} schools due',
    countyTarget: "County's own target", cityApplies: 'City target ({source})',
  },
});
