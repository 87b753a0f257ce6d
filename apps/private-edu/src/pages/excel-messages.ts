import { defineMessages } from '@hyedu/ui';

const zh = {
  export: '导出 Excel',
  exported: '已导出 {n} 条',
  import: '导入',
  leversTitle: '导入调减措施',
  leversHowTo: '下载模板，按“填写说明”每行填写一项计划中的调减措施（学校须为实施义务教育的民办学校）。',
  leversRule: '导入后状态均为“计划中”；同一学校、调减方式和学年不能有两行。',
  profilesTitle: '导入民办学校登记信息',
  profilesHowTo: '下载模板，按“填写说明”每所民办学校填写一行。',
  profilesRule: '尚未登记的学校新增登记，已登记的学校以文件内容更新；实施义务教育的民办学校不得为营利性。',
  censusTitle: '导入学年初统计',
  censusHowTo: '下载模板，按“填写说明”每所学校填写一行：学年、该学年初的办学性质和各年级在校生数。一个文件只导入一个学年。',
  censusRule: '文件中各学校该学年的统计以文件为准（原有数字被替换）；其他学年和文件中没有的学校不变。县市区只能导入本县市区的学校。',
  platformTitle: '导入全国平台机构名单',
  platformHowTo:
    '从全国校外教育培训监管与服务综合平台导出机构名单后直接导入（按“培训机构设置”中的表头识别各列），或下载模板每个机构填写一行。',
  platformRule: '文件是平台当前的完整名单：文件中各县市区原有的平台名单全部替换为文件内容。县市区只能导入本县市区的机构。',
  checked: '检查通过：共 {n} 行，可以导入',
  imported: '已导入 {n} 行',
  empty: '文件中没有数据（示例行不计）',
};
/** The private-education pages' Excel buttons and import dialogs. */
export const useExcelMessages = defineMessages<keyof typeof zh>({
  'zh-CN': zh,
  'en-US': {
    export: 'Export to Excel',
    exported: '{n} rows exported',
    import: 'Import',
    leversTitle: 'Import levers',
    leversHowTo:
      'Download the template and fill one planned lever per row, as its instructions say (private schools teaching compulsory grades only).',
    leversRule: 'Every lever imported is planned; one row per school, lever and school year.',
    profilesTitle: 'Import private-school entries',
    profilesHowTo: 'Download the template and fill one row per private school, as its instructions say.',
    profilesRule:
      'Schools not yet registered are registered, the others updated from the file; a school teaching compulsory grades cannot be for-profit.',
    censusTitle: 'Import the start-of-year census',
    censusHowTo:
      'Download the template and fill one row per school, as its instructions say: the school year, the school’s ownership at its start and the pupils per grade. One school year per file.',
    censusRule:
      'That year’s figures of the schools in the file are replaced by the file’s; other years and schools not in the file stay as they are. A county imports its own schools only.',
    platformTitle: 'Import the national platform’s institution list',
    platformHowTo:
      'Import the institution list exported from the national off-campus training platform as it is (its columns are found by the headers set in the register’s settings), or download the template and fill one row per institution.',
    platformRule:
      'The file is the platform’s whole current list: each county’s list in the file replaces that county’s list held here. A county imports its own institutions only.',
    checked: 'No problems: {n} rows ready to import',
    imported: '{n} rows imported',
    empty: 'The file holds no data (the example row does not count)',
  },
});
