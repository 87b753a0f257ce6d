import type { AuditResult } from './audit-result.ts';

/**
 * The words of the audit trail for the 审计管理员: actions, the records they touch and the fields they change, in
 * Chinese and English. The audit page and its CSV export both describe a record through `describeAudit`, so the file
 * says exactly what the screen says.
 */
export type AuditLocale = 'zh-CN' | 'en-US';

type Words = readonly [zh: string, en: string];

export const AUDIT_ACTIONS: Readonly<Record<string, Words>> = {
  'auth.login': ['登录', 'Sign in'],
  'auth.logout': ['退出登录', 'Sign out'],
  'auth.changePassword': ['修改密码', 'Change password'],
  'auth.revokeOtherSessions': ['结束其他会话', 'End other sessions'],
  'auth.totpBegin': ['开始绑定动态口令', 'Begin one-time code setup'],
  'auth.totpConfirm': ['绑定动态口令', 'Confirm one-time codes'],
  'auth.totpDisable': ['解绑动态口令', 'Turn off one-time codes'],
  'admin.accounts.create': ['创建账号', 'Create account'],
  'admin.accounts.update': ['修改账号', 'Change account'],
  'admin.accounts.resetPassword': ['重置密码', 'Reset password'],
  'admin.security.setGrants': ['修改授权', 'Change grants'],
  'admin.security.unlock': ['解锁账号', 'Unlock account'],
  'admin.security.resetTotp': ['重置动态口令', 'Reset one-time codes'],
  'admin.security.setPolicy': ['修改安全策略', 'Change security policy'],
  'admin.departments.create': ['新增科室', 'Add department'],
  'admin.departments.update': ['修改科室', 'Change department'],
  'module.update': ['修改模块登记', 'Change module registry'],
  'module_origin.add': ['添加模块来源地址', 'Add module origin'],
  'module_origin.update': ['修改模块来源地址', 'Change module origin'],
  'module_origin.remove': ['删除模块来源地址', 'Remove module origin'],
  'audit.export': ['导出审计记录', 'Export audit trail'],
  'audit.search': ['查询审计记录', 'Search audit trail'],
  'audit.verify': ['校验审计链', 'Verify audit chain'],
  'plan.createPlan': ['新建工作要点', 'Create plan'],
  'plan.importPlan': ['导入工作要点', 'Import plan'],
  'plan.addItem': ['添加工作要点条目', 'Add plan item'],
  'plan.createTask': ['新建任务', 'Create task'],
  'plan.setCountyTarget': ['设置县市区目标', 'Set county target'],
  'plan.setMilestone': ['更新节点完成情况', 'Update milestone'],
  'plan.submitReport': ['提交进展报告', 'Submit progress report'],
  'plan.resubmitReport': ['重新提交进展报告', 'Resubmit progress report'],
  'plan.reviewReport': ['审核通过进展报告', 'Approve progress report'],
  'plan.returnReport': ['退回进展报告', 'Return progress report'],
  'plan.attach': ['上传报告附件', 'Upload report file'],
  'plan.instruct': ['领导批示', 'Write instruction'],
  'plan.acknowledge': ['确认批示', 'Acknowledge instruction'],
  // An export is audited under its procedure's path: the plan's status export before and since the plan's sub-routers.
  'plan.exportStatus': ['导出工作要点进展', 'Export plan status'],
  'plan.plans.export': ['导出工作要点进展', 'Export plan status'],
  'dashboard.export': ['导出驾驶舱指标', 'Export dashboard'],
  'safety.reportHazard': ['登记隐患', 'Report hazard'],
  'safety.importHazards': ['导入隐患', 'Import hazards'],
  'safety.attachHazardFile': ['上传隐患附件', 'Upload hazard file'],
  'safety.hazard.set_deadline': ['确定整改期限', 'Set rectification deadline'],
  'safety.hazard.start': ['开始整改', 'Start rectification'],
  'safety.hazard.submit': ['提交验收', 'Submit for acceptance'],
  'safety.hazard.return': ['退回整改', 'Return for rectification'],
  'safety.hazard.close': ['验收销号', 'Accept and close'],
  'safety.addInspection': ['登记检查', 'Record inspection'],
  'safety.addActivity': ['登记专项教育活动', 'Record education activity'],
  'safety.reportIncident': ['报告安全事件', 'Report incident'],
  'safety.incidentStage': ['续报安全事件', 'Incident follow-up report'],
  'safety.submitProfile': ['填报4个100%', 'Submit 4×100% status'],
  'safety.updateProfile': ['修改4个100%', 'Change 4×100% status'],
  'safety.verifyProfile': ['核实4个100%', 'Verify 4×100% status'],
  'safety.returnProfile': ['退回4个100%', 'Return 4×100% status'],
  'safety.importProfiles': ['导入4个100%', 'Import 4×100% status'],
  'safety.saveSettings': ['修改安全管理设置', 'Change safety settings'],
  'safety.exportHazards': ['导出隐患台账', 'Export hazards'],
  'safety.exportIncidents': ['导出安全事件', 'Export incidents'],
  'safety.exportActivities': ['导出专项教育活动', 'Export activities'],
  'safety.exportProfiles': ['导出4个100%', 'Export 4×100% status'],
  'safety.hazards.export': ['导出隐患台账', 'Export hazards'],
  'safety.incidents.export': ['导出安全事件', 'Export incidents'],
  'safety.activities.export': ['导出专项教育活动', 'Export activities'],
  'safety.profiles.export': ['导出4个100%', 'Export 4×100% status'],
  'safety.hazard.correct': ['更正隐患', 'Correct hazard'],
  'safety.hazard.withdraw': ['撤回验收申请', 'Withdraw from acceptance'],
  'safety.hazard.void': ['作废隐患', 'Void hazard'],
  'privateEdu.lever.create': ['登记调减措施', 'Add lever'],
  'privateEdu.importLevers': ['导入调减措施', 'Import levers'],
  'privateEdu.levers.export': ['导出调减措施', 'Export levers'],
  'privateEdu.levers.exportLedger': ['导出调减台账', 'Export reduction ledger'],
  'privateEdu.importProfiles': ['导入民办学校登记信息', 'Import private-school entries'],
  'privateEdu.profiles.export': ['导出民办学校登记信息', 'Export private-school registry'],
  'privateEdu.conversions.export': ['导出公参民治理案', 'Export conversion cases'],
  'privateEdu.inspections.export': ['导出民办学校年检', 'Export annual inspections'],
  'privateEdu.licences.export': ['导出办学许可事项', 'Export licence cases'],
  'privateEdu.puhui.export': ['导出普惠性民办园认定', 'Export inclusive kindergarten recognitions'],
  'privateEdu.importCensus': ['导入学年初统计', 'Import start-of-year census'],
  'privateEdu.census.export': ['导出学年初统计', 'Export start-of-year census'],
  'privateEdu.lever.complete': ['确认调减措施完成', 'Mark lever done'],
  'privateEdu.lever.drop': ['取消调减措施', 'Drop lever'],
  'privateEdu.profile.create': ['登记民办学校信息', 'Register private school'],
  'privateEdu.profile.update': ['修改民办学校信息', 'Update private school entry'],
  'privateEdu.profile.followLicence': ['按办学许可更新民办学校信息', 'Update private school entry from an approved licence case'],
  'privateEdu.settings.saveRule': ['设置购买学位计数口径', 'Set the bought-seats counting rule'],
  'privateEdu.settings.saveGradeScale': ['设置年检结论等次', 'Set the annual inspection grades'],
  'privateEdu.settings.saveTarget': ['设置县市区调减目标', 'Set a county’s target cut'],
  'privateEdu.conversion.create': ['登记公参民治理案', 'Record conversion case'],
  'privateEdu.conversion.savePlan': ['修改县级方案', 'Change county plan'],
  'privateEdu.conversion.tick': ['登记实施事项完成', 'Tick implementation item'],
  'privateEdu.conversion.addTeacher': ['登记受影响教师', 'Add affected teacher'],
  'privateEdu.conversion.placeTeacher': ['登记教师安置', 'Record teacher placement'],
  'privateEdu.conversion.submit_plan': ['报送县级方案', 'Submit county plan'],
  'privateEdu.conversion.approve_plan': ['审核通过县级方案', 'Approve county plan'],
  'privateEdu.conversion.return_plan': ['退回县级方案', 'Return county plan'],
  'privateEdu.conversion.complete': ['确认公参民治理完成', 'Mark conversion completed'],
  'privateEdu.conversion.accept': ['验收公参民治理案', 'Accept conversion case'],
  'privateEdu.conversion.reject': ['公参民治理验收不通过', 'Reject conversion case'],
  'privateEdu.conversion.lever': ['更新治理案的调减措施', 'Update the case’s lever'],
  'privateEdu.conversion.ownership': ['学校转为公办', 'School becomes public'],
  'privateEdu.inspection.create': ['登记民办学校年检', 'Open annual inspection'],
  'privateEdu.inspection.submit': ['提交年检材料', 'Submit inspection materials'],
  'privateEdu.inspection.return_materials': ['退回年检材料', 'Return inspection materials'],
  'privateEdu.inspection.request_opinions': ['提请科室联审', 'Ask departments for opinions'],
  'privateEdu.inspection.opinion': ['提出联审意见', 'Give joint-review opinion'],
  'privateEdu.inspection.issue_notice': ['下达整改通知', 'Issue rectification notice'],
  'privateEdu.inspection.submit_report': ['提交整改报告', 'Submit rectification report'],
  'privateEdu.inspection.return_report': ['退回继续整改', 'Return for further rectification'],
  'privateEdu.inspection.conclude': ['作出年检结论', 'Grade the school'],
  'privateEdu.inspection.publish': ['公示年检结论', 'Publish inspection result'],
  'privateEdu.licence.create': ['申请办学许可事项', 'Open licence case'],
  'privateEdu.licence.submit': ['提交办学许可申请', 'Submit licence application'],
  'privateEdu.licence.accept': ['受理办学许可申请', 'Accept licence application'],
  'privateEdu.licence.return': ['退回办学许可申请', 'Return licence application'],
  'privateEdu.licence.approve': ['批准办学许可事项', 'Approve licence case'],
  'privateEdu.licence.refuse': ['不予批准办学许可事项', 'Refuse licence case'],
  'privateEdu.puhui.create': ['申请普惠性民办园认定', 'Apply for inclusive kindergarten recognition'],
  'privateEdu.puhui.submit': ['提交普惠性民办园认定申请', 'Submit inclusive kindergarten application'],
  'privateEdu.puhui.return': ['退回普惠性民办园认定申请', 'Return inclusive kindergarten application'],
  'privateEdu.puhui.recognise': ['认定普惠性民办园', 'Recognise inclusive kindergarten'],
  'privateEdu.puhui.refuse': ['不予认定普惠性民办园', 'Refuse inclusive kindergarten recognition'],
  'privateEdu.puhui.revoke': ['撤销普惠性民办园认定', 'Revoke inclusive kindergarten recognition'],
  'teachers.staff.hire': ['教职员工入职', 'Hire a staff member'],
  'teachers.staff.transfer': ['教职员工调动', 'Transfer a staff member'],
  'teachers.importStaff': ['导入教职工信息', 'Import staff from the national system'],
  'teachers.files.import': ['检查教职工信息导入文件', 'Check a staff import file'],
  'teachers.files.exportStaff': ['导出教职员工', 'Export staff'],
  'teachers.files.exportEntries': ['导出入职与调动记录', 'Export hires and transfers'],
  'teachers.files.exportEthicsCases': ['导出师德失范案件', 'Export ethics cases'],
  'teachers.files.exportBlacklist': ['导出师德失范黑名单', 'Export the ethics blacklist'],
  'teachers.settings.saveMapping': ['设置教职工信息导入表头', 'Set the staff import’s headers'],
  'teachers.ethics.report': ['登记师德失范线索', 'Report an ethics clue'],
  'teachers.ethics.verify': ['核查师德失范线索', 'Verify an ethics clue'],
  'teachers.ethics.dismiss': ['师德失范线索不予立案', 'Do not file an ethics case'],
  'teachers.ethics.file': ['师德失范案件立案', 'File an ethics case'],
  'teachers.ethics.investigate': ['开始调查师德失范案件', 'Investigate an ethics case'],
  'teachers.ethics.saveFindings': ['填写调查认定的事实', 'Record the findings'],
  'teachers.ethics.notify': ['告知当事人', 'Notify the person'],
  'teachers.ethics.saveDefence': ['记录陈述申辩情况', 'Record the defence'],
  'teachers.ethics.decide': ['作出师德失范处理决定', 'Decide an ethics case'],
  'teachers.ethics.execute': ['执行师德失范处理决定', 'Execute an ethics decision'],
  'teachers.ethics.appeal': ['受理师德失范申诉', 'Accept an ethics appeal'],
  'teachers.ethics.review': ['作出申诉复核决定', 'Decide an ethics appeal'],
  'teachers.ethics.close': ['师德失范案件结案', 'Close an ethics case'],
  'teachers.ethics.list': ['查看师德失范案件列表', 'View ethics cases'],
  'teachers.ethics.byId': ['查看师德失范案件', 'View an ethics case'],
  'teachers.ethics.history': ['查看师德失范案件记录', 'View an ethics case’s history'],
  'teachers.ethics.lift': ['解除师德失范黑名单', 'Lift a blacklist entry'],
  'teachers.ethics.blacklist': ['查看师德失范黑名单', 'View the ethics blacklist'],
  'privateEdu.preschool.save': ['填报学前三年人口', 'Enter pre-school population'],
  'privateEdu.fees.create': ['登记保教费收费记录', 'Record kindergarten fee'],
  'privateEdu.fees.update': ['更正保教费收费记录', 'Correct kindergarten fee'],
  // funding: named projects
  'funding.named.export': ['导出重点项目', 'Export named projects'],
  // funding: spending returns
  'funding.spending.create': ['填报教育经费决算', 'Enter spending return'],
  'funding.spending.update': ['修改教育经费决算填报', 'Correct spending return'],
  'funding.spending.submit': ['提交教育经费决算填报', 'Submit spending return'],
  'funding.spending.accept': ['审核通过教育经费决算填报', 'Accept spending return'],
  'funding.spending.return': ['退回教育经费决算填报', 'Return spending return'],
  'funding.spending.reopen': ['退回修订教育经费决算', 'Reopen spending return'],
  'funding.spending.export': ['导出教育经费决算填报', 'Export spending returns'],
  'funding.spending.exportRule': ['导出“两个只增不减”核查', 'Export the two no-decrease check'],
  'funding.settings.set': ['设置“两个只增不减”核查单位', 'Set the units checked'],
  // funding: seat projects
  'funding.projects.create': ['登记学位建设项目', 'Add a school-place project'],
  'funding.projects.update': ['修改学位建设项目', 'Change a school-place project'],
  'funding.projects.reach': ['记录项目节点', 'Record a project milestone'],
  'funding.projects.attach': ['上传项目节点附件', 'Upload a project milestone file'],
  'funding.projects.export': ['导出学位建设项目', 'Export school-place projects'],
  'funding.allocation.set': ['分配学位建设任务', 'Allocate the school-place target'],
  'funding.allocation.export': ['导出学位建设任务分配', 'Export the school-place allocation'],
  // 校外培训执法案件
  'privateEdu.enforcement.create': ['登记校外培训执法线索', 'Register an enforcement lead'],
  'privateEdu.enforcement.update': ['修改校外培训执法案件', 'Correct an enforcement case'],
  'privateEdu.enforcement.verify': ['开始核查执法线索', 'Start verifying an enforcement lead'],
  'privateEdu.enforcement.file': ['执法案件立案', 'Open an enforcement case'],
  'privateEdu.enforcement.decline': ['执法线索不予立案', 'Do not open an enforcement case'],
  'privateEdu.enforcement.notify': ['执法案件告知', 'Notify the party of an enforcement case'],
  'privateEdu.enforcement.decide': ['作出执法处罚决定', 'Decide an enforcement case'],
  'privateEdu.enforcement.execute': ['记录执法决定执行', 'Record enforcement of a decision'],
  'privateEdu.enforcement.close': ['执法案件结案', 'Close an enforcement case'],
  'privateEdu.enforcement.escalate': ['执法案件提级办理', 'Take up an enforcement case at the city'],
  'privateEdu.enforcement.hand_back': ['执法案件交回县市区办理', 'Hand an enforcement case back to the county'],
  'privateEdu.enforcement.attach': ['上传执法证据材料', 'Upload enforcement evidence'],
  'privateEdu.enforcement.export': ['导出校外培训执法案件', 'Export enforcement cases'],
  // 校外培训机构
  'privateEdu.training.create': ['登记校外培训机构', 'Register a tutoring institution'],
  'privateEdu.training.update': ['修改校外培训机构', 'Change a tutoring institution'],
  'privateEdu.training.export': ['导出校外培训机构', 'Export tutoring institutions'],
  'privateEdu.training.capacity.export': ['导出校外培训监管力量', 'Export supervision capacity'],
  'privateEdu.training.platform.exportUnmatched': ['导出平台名单未入册机构', 'Export platform institutions missing from the register'],
  'privateEdu.trainingConversion.relicense': ['营改非：换发办学许可证', 'Non-profit conversion: new licence'],
  'privateEdu.trainingConversion.register': ['营改非：民政登记', 'Non-profit conversion: civil-affairs registration'],
  'privateEdu.trainingConversion.changeLicence': ['营改非：变更或注销营业执照', 'Non-profit conversion: business licence'],
  'privateEdu.trainingConversion.complete': ['营改非：确认完成', 'Non-profit conversion: done'],
  'privateEdu.trainingConversion.terminate': ['营改非：终止', 'Non-profit conversion: terminated'],
  'privateEdu.training.capacity.save': ['填报校外培训监管力量', 'Enter tutoring supervision capacity'],
  'privateEdu.training.settings.save': ['修改培训机构设置', 'Change tutoring register settings'],
  'privateEdu.training.importPlatform': ['导入全国平台机构名单', 'Import the national platform list'],
  // 五项管理
  'privateEdu.fiveItems.create': ['填报五项管理情况', 'Enter a five-items return'],
  'privateEdu.fiveItems.update': ['修改五项管理情况', 'Change a five-items return'],
  'privateEdu.fiveItems.submit': ['提交五项管理情况', 'Submit a five-items return'],
  'privateEdu.fiveItems.accept': ['审核通过五项管理情况', 'Accept a five-items return'],
  'privateEdu.fiveItems.return': ['退回五项管理情况', 'Return a five-items return'],
  'privateEdu.fiveItems.export': ['导出五项管理情况', 'Export five-items returns'],
  'privateEdu.fiveItems.saveWorkEnd': ['设置下班时间', 'Set the end of office hours'],
  'privateEdu.fiveItems.saveDue': ['设置五项管理报送截止日期', 'Set a five-items due date'],
  // 教师补充计划
  'teachers.programmes.saveQuota': ['下达教师补充计划人数', 'Set a programme quota'],
  'teachers.programmes.addPerson': ['登记教师补充计划人员', 'Add a programme teacher'],
  'teachers.programmes.arrive': ['登记计划人员到岗', 'Record a programme teacher’s arrival'],
  'teachers.programmes.depart': ['登记计划人员提前离岗', 'Record an early departure'],
  'teachers.programmes.saveTargeted': ['设置优师计划定向县', 'Set the targeted counties'],
  'teachers.programmes.exportPersons': ['导出教师补充计划人员', 'Export programme teachers'],
  'teachers.programmes.exportSummary': ['导出教师补充计划到岗情况', 'Export programme arrivals'],
};

/** The areas a procedure path starts with, for actions not in the list above (a refused read names its procedure). */
const AREAS: Readonly<Record<string, Words>> = {
  auth: ['登录与账号', 'Sign-in'],
  admin: ['系统管理', 'Administration'],
  audit: ['审计', 'Audit'],
  platform: ['平台', 'Platform'],
  plan: ['工作要点', 'Work plan'],
  dashboard: ['领导驾驶舱', 'Dashboard'],
  safety: ['安全管理', 'Safety'],
  'private-edu': ['民办教育', 'Private education'],
  privateEdu: ['民办教育', 'Private education'],
  teachers: ['教师队伍', 'Teachers'],
  funding: ['经费与资助', 'Funding & aid'],
};

export const AUDIT_TARGETS: Readonly<Record<string, Words>> = {
  account: ['账号', 'Account'],
  session: ['会话', 'Session'],
  department: ['科室', 'Department'],
  module: ['模块', 'Module'],
  module_origin: ['模块来源地址', 'Module origin'],
  security_policy: ['安全策略', 'Security policy'],
  export: ['导出', 'Export'],
  procedure: ['接口', 'Procedure'],
  audit_log: ['审计记录', 'Audit record'],
  work_plan: ['工作要点', 'Work plan'],
  work_plan_item: ['工作要点条目', 'Plan item'],
  plan_task: ['任务', 'Task'],
  plan_milestone: ['节点', 'Milestone'],
  kpi_county_target: ['县市区指标目标', 'County KPI target'],
  progress_report: ['进展报告', 'Progress report'],
  plan_instruction: ['批示', 'Instruction'],
  attachment: ['附件', 'File'],
  safety_hazard: ['隐患', 'Hazard'],
  safety_inspection: ['检查记录', 'Inspection'],
  safety_activity: ['专项教育活动', 'Education activity'],
  safety_incident: ['安全事件', 'Incident'],
  safety_profile: ['4个100%填报', '4×100% status'],
  safety_settings: ['安全管理设置', 'Safety settings'],
  private_lever: ['调减措施', 'Lever'],
  private_profile: ['民办学校登记信息', 'Private school entry'],
  private_settings: ['民办教育设置', 'Private education settings'],
  private_county_target: ['县市区调减目标', 'County target cut'],
  teacher_staff: ['教职员工', 'Staff member'],
  teacher_settings: ['教师队伍设置', 'Teachers settings'],
  teacher_entry: ['入职与调动记录', 'Entry record'],
  teacher_ethics_case: ['师德失范案件', 'Ethics case'],
  view: ['查看', 'View'],
  private_conversion: ['公参民治理案', 'Conversion case'],
  private_conversion_teacher: ['受影响教师', 'Affected teacher'],
  private_inspection: ['民办学校年检', 'Annual inspection'],
  private_licence_case: ['办学许可事项', 'Licence case'],
  private_puhui_recognition: ['普惠性民办园认定', 'Inclusive kindergarten recognition'],
  private_preschool_population: ['学前三年人口', 'Pre-school population'],
  private_kindergarten_fee: ['保教费收费记录', 'Kindergarten fee record'],
  // funding: spending returns
  funding_spending_return: ['教育经费决算填报', 'Spending return'],
  funding_settings: ['经费与资助设置', 'Funding settings'],
  // funding: seat projects
  funding_project: ['学位建设项目', 'School-place project'],
  funding_allocation: ['学位建设任务分配', 'School-place allocation'],
  // 校外培训执法案件
  private_enforcement_case: ['校外培训执法案件', 'Off-campus training enforcement case'],
  // 校外培训机构
  private_training_institution: ['校外培训机构', 'Tutoring institution'],
  private_training_capacity: ['校外培训监管力量', 'Tutoring supervision capacity'],
  private_training_settings: ['培训机构设置', 'Tutoring register settings'],
  // 五项管理
  private_five_items_return: ['五项管理情况', 'Five-items return'],
  private_five_items_settings: ['五项管理设置', 'Five-items settings'],
  // 全国平台名单导入
  private_training_platform: ['全国平台机构名单', 'National platform list'],
};

export const AUDIT_FIELDS: Readonly<Record<string, Words>> = {
  status: ['状态', 'Status'],
  deadline: ['整改期限', 'Deadline'],
  reason: ['原因', 'Reason'],
  measures: ['整改措施', 'Measures'],
  review: ['审核状态', 'Review'],
  returnReason: ['退回原因', 'Return reason'],
  grants: ['授权', 'Grants'],
  enabled: ['启用', 'Enabled'],
  remoteEntry: ['入口地址', 'Entry'],
  version: ['版本', 'Version'],
  displayName: ['姓名', 'Name'],
  username: ['用户名', 'Username'],
  disabled: ['停用', 'Disabled'],
  narrative: ['进展情况', 'Narrative'],
  figures: ['数据', 'Figures'],
  period: ['报告期', 'Period'],
  task: ['任务', 'Task'],
  unitCode: ['单位代码', 'Unit code'],
  school: ['学校代码', 'School code'],
  schoolId: ['学校编号', 'School id'],
  fileName: ['文件名', 'File name'],
  size: ['大小（字节）', 'Size (bytes)'],
  sha256: ['SHA-256', 'SHA-256'],
  attachment: ['附件编号', 'File id'],
  phase: ['阶段', 'Phase'],
  filter: ['筛选条件', 'Filter'],
  rows: ['行数', 'Rows'],
  scope: ['数据范围', 'Scope'],
  doneOn: ['完成日期', 'Done on'],
  text: ['内容', 'Text'],
  note: ['备注', 'Note'],
  origin: ['来源地址', 'Origin'],
  title: ['名称', 'Title'],
  name: ['名称', 'Name'],
  sortOrder: ['排序', 'Order'],
  module: ['模块', 'Module'],
  year: ['年度', 'Year'],
  failures: ['连续失败次数', 'Failures'],
  lockedUntil: ['锁定至', 'Locked until'],
  mustChangePassword: ['须修改密码', 'Must change password'],
  totp: ['动态口令', 'One-time codes'],
  mime: ['文件类型', 'File type'],
  stage: ['报告阶段', 'Stage'],
  code: ['编号', 'Code'],
  source: ['隐患来源', 'Source'],
  category: ['类别', 'Category'],
  severity: ['严重程度', 'Severity'],
  foundOn: ['发现日期', 'Found on'],
  location: ['部位', 'Place'],
  description: ['描述', 'Description'],
  responsiblePerson: ['整改责任人', 'Responsible'],
  file: ['文件', 'File'],
  row: ['行', 'Row'],
  itemNo: ['条目序号', 'Item no.'],
  sectionNo: ['部分序号', 'Section no.'],
  policy: ['安全策略', 'Policy'],
  target: ['目标值', 'Target'],
  ended: ['结束会话数', 'Sessions ended'],
  kind: ['方式', 'Kind'],
  plannedYear: ['计划体现学年', 'First census'],
  students: ['学生数', 'Pupils'],
  licenceNo: ['办学许可证号', 'Licence no.'],
  uscc: ['统一社会信用代码', 'USCC'],
  sponsor: ['举办者', 'Sponsor'],
  forProfit: ['营利性', 'For profit'],
  gcmType: ['公参民类型', 'Partnership type'],
  partyOrg: ['党组织情况', 'Party organisation'],
  approvedIntake: ['核定招生计划', 'Approved intake'],
  purchasedSeatsCountAs: ['购买学位计数口径', 'Bought seats count as'],
  importMapping: ['导入表头设置', 'Import headers'],
  hires: ['新入职人数', 'Hires'],
  transfers: ['调动人数', 'Transfers'],
  updates: ['更新人数', 'Updated'],
  unchanged: ['无变化人数', 'Unchanged'],
  dryRun: ['仅检查', 'Check only'],
  refused: ['未准入', 'Refused'],
  targetCut: ['目标调减人数', 'Target cut'],
  schoolYear: ['学年', 'School year'],
  type: ['类型', 'Type'],
  publicPartner: ['参与举办的公办学校', 'Public partner'],
  disposal: ['处置方式', 'Disposal'],
  plan: ['县级方案', 'County plan'],
  completedOn: ['完成日期', 'Completed on'],
  acceptedOn: ['验收日期', 'Accepted on'],
  staffStatus: ['编制情况', 'Staff status'],
  placement: ['安置方式', 'Placement'],
  placedOn: ['安置日期', 'Placed on'],
  placedAt: ['安置去向', 'Placed at'],
  ownership: ['办学性质', 'Ownership'],
  authority: ['审批机关', 'Approving authority'],
  registration: ['分类登记', 'Registration'],
  alteration: ['变更事项', 'Change requested'],
  validUntil: ['许可证有效期至', 'Valid until'],
  refusalReason: ['不予批准原因', 'Refusal reason'],
  feeAsked: ['申请保教费（分/月）', 'Fee asked (fen/month)'],
  feeCap: ['保教费上限（分/月）', 'Fee cap (fen/month)'],
  subsidy: ['生均补助（分/年）', 'Subsidy per child (fen/year)'],
  validFrom: ['认定生效日期', 'Recognised from'],
  revokedOn: ['撤销日期', 'Revoked on'],
  revocationReason: ['撤销原因', 'Revocation reason'],
  population: ['3至5周岁常住人口数', 'Resident population aged 3–5'],
  feeCharged: ['每月实收保教费（分）', 'Fee charged (fen/month)'],
  term: ['学期', 'Term'],
  // funding: seat projects
  milestone: ['节点', 'Milestone'],
  milestoneLabel: ['节点名称', 'Milestone name'],
  on: ['完成日期', 'Reached on'],
  deliveredSeats: ['实际新增学位数', 'Places delivered'],
  planned: ['计划日期', 'Planned dates'],
  plannedSeats: ['计划学位数', 'Places planned'],
  investment: ['计划总投资（分）', 'Planned investment (fen)'],
  flags: ['补齐短板', 'Shortfalls'],
  sector: ['学校类别', 'Sector'],
  area: ['城乡', 'Area'],
  projectStage: ['项目节点', 'Project stage'],
  byUnit: ['各单位学位数', 'Places by unit'],
  sum: ['合计', 'Total'],
  // 校外培训执法案件
  handlerLevel: ['办理层级', 'Handled by'],
  subjectName: ['当事人名称', 'Party'],
  subjectAddress: ['经营地址', 'Address'],
  violation: ['违法类型', 'Violation'],
  covertForm: ['隐形变异形式', 'Covert form'],
  clueOn: ['线索日期', 'Lead received on'],
  clueSource: ['线索来源', 'Lead source'],
  summary: ['线索内容', 'Lead'],
  prepaidFrom: ['预收费起始日期', 'Prepaid from'],
  prepaidTo: ['预收费截止日期', 'Prepaid to'],
  prepaidLessons: ['预收课时', 'Lessons prepaid'],
  prepaidAmount: ['预收金额（分）', 'Amount prepaid (fen)'],
  filedOn: ['立案日期', 'Opened on'],
  caseNo: ['立案编号', 'Case number'],
  declineReason: ['不予立案原因', 'Reason for not opening'],
  notifiedOn: ['告知日期', 'Notified on'],
  hearingRequested: ['要求听证', 'Hearing requested'],
  representation: ['陈述申辩意见', 'Representations'],
  decidedOn: ['决定日期', 'Decided on'],
  decisionNo: ['处罚决定书文号', 'Decision number'],
  penalties: ['处罚种类', 'Penalties'],
  fineFen: ['罚款（分）', 'Fine (fen)'],
  confiscatedFen: ['没收违法所得（分）', 'Confiscated (fen)'],
  executedOn: ['执行日期', 'Enforced on'],
  executionResult: ['执行结果', 'Enforcement result'],
  closedOn: ['结案日期', 'Closed on'],
  // 校外培训机构
  licenceValidUntil: ['许可证有效期至', 'Licence valid until'],
  approvedOn: ['审批日期', 'Approved on'],
  floorArea: ['场所面积', 'Floor area'],
  trainingCategory: ['培训类别', 'Category'],
  subType: ['非学科类类别', 'Non-academic type'],
  trainingStage: ['培训对象', 'Pupils'],
  nature: ['机构性质', 'Profit status'],
  operatingStatus: ['经营状态', 'Operating status'],
  deregisteredOn: ['注销日期', 'Deregistered on'],
  leftAcademicOn: ['转为非学科类日期', 'Left academic tutoring on'],
  platformId: ['全国平台机构编号', 'National platform id'],
  feeSupervision: ['预收费监管方式', 'Fee supervision'],
  whiteList: ['白名单', 'White list'],
  conversionState: ['营改非状态', 'Conversion state'],
  hasBody: ['是否设立专门监管机构', 'Dedicated body'],
  bodyName: ['专门监管机构名称', 'Body name'],
  fullTimeStaff: ['专职人员数', 'Full-time staff'],
  partTimeStaff: ['兼职人员数', 'Part-time staff'],
  enforcementStaff: ['执法人员数', 'Enforcement staff'],
  baseDate: ['压减基数日期', 'Reduction base date'],
  // 五项管理
  grades: ['各年级情况', 'Grades'],
  phoneManaged: ['手机管理措施', 'Phone measures'],
  phoneWrittenRequest: ['家长书面申请', 'Parents’ written request'],
  readingReviewed: ['读物审核', 'Reading materials reviewed'],
  afterSchoolCovered: ['参加课后服务人数', 'After-school pupils'],
  afterSchoolWilling: ['有意愿参加课后服务人数', 'Pupils wanting after-school care'],
  afterSchoolEnd: ['课后服务结束时间', 'After-school end time'],
  compliant: ['是否达标', 'Compliant'],
  breaches: ['问题数', 'Breaches'],
  workEnd: ['下班时间', 'End of office hours'],
  due: ['截止日期', 'Due date'],
  // 全国平台名单导入
  units: ['县市区', 'Counties'],
  replaced: ['替换的原有行数', 'Rows replaced'],
};

/** How an audited call ended: done, refused, or failed. */
export const AUDIT_RESULTS: Readonly<Record<AuditResult, Words>> = {
  ok: ['成功', 'OK'],
  denied: ['拒绝', 'Denied'],
  error: ['出错', 'Error'],
};

const pick = (w: Words, locale: AuditLocale) => (locale === 'en-US' ? w[1] : w[0]);

/** An action's name; an action not in the list (a refused call) is named by its area and its procedure. */
export function auditActionLabel(action: string, locale: AuditLocale = 'zh-CN'): string {
  const known = AUDIT_ACTIONS[action];
  if (known) return pick(known, locale);
  const area = AREAS[action.split('.')[0] ?? ''];
  return area ? `${pick(area, locale)}${locale === 'en-US' ? ': ' : '：'}${action}` : action;
}

/** A record type's name; an import of records is `<type>:import`, a file of a record `<type>:<phase>`. */
export function auditTargetLabel(targetType: string | null, locale: AuditLocale = 'zh-CN'): string {
  if (!targetType) return '';
  const [base = '', suffix] = targetType.split(':');
  const name = AUDIT_TARGETS[base] ? pick(AUDIT_TARGETS[base], locale) : base;
  if (suffix === 'import') return locale === 'en-US' ? `${name} (import)` : `${name}（导入）`;
  return suffix ? `${name}（${suffix}）` : name;
}

export const auditFieldLabel = (field: string, locale: AuditLocale = 'zh-CN'): string =>
  AUDIT_FIELDS[field] ? pick(AUDIT_FIELDS[field], locale) : field;

const text = (v: unknown): string =>
  v === undefined || v === null || v === ''
    ? '—'
    : typeof v === 'string'
      ? v
      : typeof v === 'number' || typeof v === 'boolean'
        ? String(v)
        : JSON.stringify(v);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Field-level changes of one audit record: each field that differs between before and after (or that the record
 * names only after: what was set), in the record's order, with its label and both values as text ('—' for none).
 */
export function auditChanges(
  before: unknown,
  after: unknown,
  locale: AuditLocale = 'zh-CN',
): { field: string; label: string; before: string; after: string }[] {
  const b = isRecord(before) ? before : before === null || before === undefined ? {} : { value: before };
  const a = isRecord(after) ? after : after === null || after === undefined ? {} : { value: after };
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields
    .filter((f) => JSON.stringify(b[f]) !== JSON.stringify(a[f]) || !(f in b))
    .filter((f) => b[f] !== undefined || a[f] !== undefined)
    .map((f) => ({ field: f, label: auditFieldLabel(f, locale), before: text(b[f]), after: text(a[f]) }));
}

/** The changes as one line, as the screen lists them and the CSV holds them: 「状态：整改中 → 待验收；…」. */
export function auditChangesText(before: unknown, after: unknown, locale: AuditLocale = 'zh-CN'): string {
  const sep = locale === 'en-US' ? '; ' : '；';
  const colon = locale === 'en-US' ? ': ' : '：';
  // A record without a before (something created, a login) lists what it holds; otherwise each field before → after.
  const created = before === null || before === undefined;
  return auditChanges(before, after, locale)
    .map((c) => (created ? `${c.label}${colon}${c.after}` : `${c.label}${colon}${c.before} → ${c.after}`))
    .join(sep);
}

/** The CSV's header: the screen's column names. */
export const AUDIT_CSV_HEADER = ['序号', '时间（北京时间）', '操作人', '实际操作人', '操作', '对象', '结果', '来源', '变更'] as const;

/** One audit record as the screen and the CSV show it (Chinese unless asked). */
export function describeAudit(
  r: { action: string; targetType: string | null; targetId: string | null; result: string; before?: unknown; after?: unknown },
  locale: AuditLocale = 'zh-CN',
): { action: string; target: string; result: string; changes: string } {
  const result = AUDIT_RESULTS[r.result as 'ok'];
  return {
    action: auditActionLabel(r.action, locale),
    target: [auditTargetLabel(r.targetType, locale), r.targetId ?? ''].filter(Boolean).join(' '),
    result: result ? pick(result, locale) : r.result,
    changes: auditChangesText(r.before, r.after, locale),
  };
}
