/**
 * The Chinese label of every input field of the platform, by its name (the last key of its path) or, where one name
 * means different things, by its full path without list indexes (`task.milestones.title`). A validation message
 * names its field with it (「标题：不能为空」), so a message read away from its form still says which field is wrong.
 * The hostile-input walk of the API fails for a mutation field that has no label here.
 */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  // records and versions
  id: '记录编号',
  reportId: '报告编号',
  taskId: '任务编号',
  milestoneId: '节点编号',
  instructionId: '批示编号',
  schoolId: '学校',
  inspectionId: '检查记录',
  expectedVersion: '记录版本',
  expectedUpdatedAt: '记录版本',
  // people and accounts
  username: '用户名',
  password: '密码',
  current: '当前密码',
  next: '新密码',
  initialPassword: '初始密码',
  displayName: '姓名',
  otp: '动态口令',
  code: '动态口令',
  grants: '权限',
  role: '角色',
  unitCode: '单位',
  modules: '模块',
  disabled: '停用',
  // the plan
  year: '年度',
  itemNo: '事项序号',
  sectionNo: '部分序号',
  sectionTitle: '部分标题',
  title: '标题',
  issuer: '发文单位',
  issuedOn: '印发日期',
  recipients: '主送',
  preamble: '前言',
  closing: '结语',
  text: '内容',
  task: '任务',
  'task.code': '任务编号',
  'task.title': '任务名称',
  'task.itemNo': '事项序号',
  lead: '牵头科室',
  coOwners: '配合科室',
  units: '承办单位',
  milestones: '时间节点',
  'task.milestones.title': '节点名称',
  due: '完成时限',
  kpis: '关联指标',
  report: '进展报告',
  period: '报告期',
  status: '进展状态',
  narrative: '进展情况',
  figures: '填报数据',
  label: '指标名称',
  value: '数值',
  unit: '单位',
  action: '操作',
  reason: '原因',
  doneOn: '完成日期',
  // files and imports
  fileName: '文件名',
  base64: '文件内容',
  dryRun: '仅检查',
  progressKey: '导入进度标识',
  phase: '整改阶段',
  // departments, modules, origins, security policy
  key: '代码',
  name: '名称',
  module: '对应模块',
  sortOrder: '排序',
  change: '修改内容',
  version: '版本号',
  remoteEntry: '入口地址',
  basePath: '基础路径',
  enabled: '启用',
  titleEn: '英文名称',
  icon: '图标',
  items: '事项',
  origin: '来源',
  note: '说明',
  policy: '安全策略',
  minLength: '密码最小长度',
  maxLength: '密码最大长度',
  minClasses: '字符类别',
  historyDepth: '密码历史',
  maxAgeDays: '密码有效期',
  expiryWarningDays: '到期提醒天数',
  maxFailures: '失败次数',
  lockMinutes: '锁定时间',
  idleMinutes: '空闲超时',
  idleWarningMinutes: '超时提醒',
  absoluteHours: '会话最长时间',
  // lists and filters
  page: '页码',
  pageSize: '每页条数',
  q: '搜索词',
  after: '翻页位置',
  actor: '操作人',
  result: '结果',
  from: '起始日期',
  to: '截止日期',
  ownership: '办学性质',
  boarding: '寄宿',
  kpiId: '指标',
  target: '目标值',
  show: '显示范围',
  // private education
  plannedYear: '学年',
  licenceNo: '办学许可证号',
  uscc: '统一社会信用代码',
  sponsor: '举办者',
  gcmType: '公参民类型',
  gcm: '是否公参民',
  missing: '只看未登记',
  partyOrg: '党组织情况',
  forProfit: '营利性质',
  approvedIntake: '核定招生计划',
  rule: '计数口径',
  scale: '年检结论等次',
  schoolYear: '学年',
  targetCut: '目标调减人数',
  // safety
  fourth: '第四项',
  term: '学期',
  deadline: '整改期限',
  measures: '整改措施',
  stage: '报送阶段',
  categories: '检查内容',
  inspectors: '检查人员',
  summary: '情况',
  level: '级别',
  category: '隐患类别',
  source: '隐患来源',
  location: '隐患部位',
  description: '隐患描述',
  responsiblePerson: '整改责任人',
  occurredAt: '发生时间',
  place: '发生地点',
  kind: '类别',
  severity: '等级',
  topic: '教育主题',
  heldOn: '活动日期',
  participants: '参与人数',
  inspectedOn: '检查日期',
  foundOn: '发现日期',
  type: '类型',
  deaths: '死亡人数',
  injuries: '受伤人数',
  students: '在校生数',
  staff: '教职工数',
  fulltimeGuards: '专职保安人数',
  evidenceDate: '佐证日期',
  norm: '保安配备标准',
  minimum: '最少保安人数',
  largeSchoolAbove: '大规模学校人数',
  perMille: '保安配备比例',
  boardingPerMille: '寄宿制学校保安配备比例',
  // private education: 公参民 conversion cases
  publicPartner: '参与举办的公办学校',
  disposal: '处置方式',
  plan: '县级方案',
  caseId: '治理案',
  idNumber: '身份证号',
  staffStatus: '编制情况',
  placement: '安置方式',
  placedOn: '安置日期',
  placedAt: '安置去向',
  overdue: '是否逾期',
  // private education: 年检
  materials: '年检自查报告',
  siteVisit: '初审和实地查看意见',
  departments: '联审科室',
  notice: '整改通知',
  rectifyBy: '整改期限',
  grade: '年检结论',
  conclusion: '结论说明',
  verdict: '联审意见',
  comment: '意见内容',
  // private education: 办学许可事项
  registration: '分类登记',
  alteration: '变更事项',
  validUntil: '许可证有效期至',
  // private education: 普惠性民办园认定
  feeAsked: '每月保教费',
  feeCap: '收费上限',
  subsidy: '生均补助',
  validFrom: '认定生效日期',
  revokedOn: '撤销日期',
  // teachers: the staff registry and the entry gate
  employment: '用工性质',
  post: '岗位类别',
  certificateNo: '教师资格证号',
  subject: '任教学科',
  joinedOn: '入职日期',
  nationalId: '全国教师管理信息系统编号',
  query: '准入查询',
  queriedOn: '准入查询日期',
  'query.result': '准入查询结果',
  toSchoolId: '调入学校',
  entersOn: '调入日期',
  // teachers: 师德失范 cases
  clause: '违反的准则条款',
  clueSource: '线索来源',
  clue: '线索内容',
  findings: '调查认定的事实',
  notifiedOn: '告知日期',
  defence: '陈述申辩情况',
  hearing: '是否举行听证',
  handling: '处理方式',
  effectiveOn: '决定生效日期',
  certificate: '教师资格处理',
  blacklist: '是否列入黑名单',
  blacklistUntil: '黑名单期限',
  outcome: '复核结论',
  standing: '黑名单状态',
  staffId: '在岗人员',
  // private education: 学前人口 and 保教费收费记录
  population: '3至5周岁常住人口数',
  feeCharged: '每月实收保教费',
};

/** A field's label from its path (keys and list indexes), or undefined when the registry has none. */
export function fieldLabel(path: readonly PropertyKey[]): string | undefined {
  const keys = path.filter((k): k is string => typeof k === 'string');
  for (let i = 0; i < keys.length; i++) {
    const label = FIELD_LABELS[keys.slice(i).join('.')];
    if (label !== undefined) return label;
  }
  return undefined;
}

/**
 * A message of the shared text type starts with the label its schema gave (textField(100, '活动名称')), which is
 * more precise than the registry's (a `note` is 活动情况 on one form and 报送内容 on another).
 */
const OWN_LABEL = /^[\u4e00-\u9fff]{2,}(最多\d+个字|含有不可见的控制字符或无效字符|不能只含空白或不可见字符|应为文本)$/;

/** True when the message says which field it is about: the registry's label, or the text type's own label. */
export function namesField(path: readonly PropertyKey[], message: string): boolean {
  const label = fieldLabel(path);
  return (label !== undefined && message.includes(label)) || OWN_LABEL.test(message);
}

/** The message as a user reads it: the field's label in front unless the message already names its field. */
export function labelledMessage(path: readonly PropertyKey[], message: string): string {
  const label = fieldLabel(path);
  return label === undefined || namesField(path, message) ? message : `${label}：${message}`;
}
