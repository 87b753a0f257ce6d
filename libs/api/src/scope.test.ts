import { and, arrayOverlaps, count, eq, inArray, ne, notExists } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables, type Database } from '@hyedu/db';
import { openTestDatabase, testEngines } from '@hyedu/db/testing';
import { beijingDate, termOf } from '@hyedu/domain';
import { callerAs, httpCall, procedures, recordIdFields, signIn } from './testing.ts';

/**
 * No existence oracle: for every record id any procedure takes (found in the router's input schemas, so a new
 * procedure is covered without being listed here), a county asking for a record of another county and for a record
 * that does not exist gets the same answer, byte for byte, over HTTP.
 */
const COUNTY = 'hengnan';
const OWN = '430422';
const OTHER = '430481';
const NO_UNIT = '430499';
const MISSING = 999_999_999;
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');

type Kind =
  | 'unit'
  | 'school'
  | 'hazard'
  | 'hazardFile'
  | 'profile'
  | 'incident'
  | 'inspection'
  | 'task'
  | 'report'
  | 'reportFile'
  | 'milestone'
  | 'instruction'
  | 'lever'
  | 'conversion'
  | 'conversionTeacher'
  | 'privateInspection'
  | 'licence'
  | 'puhui'
  | 'staff'
  | 'ethics'
  | 'fee'
  | 'fundingProject'
  | 'spending'
  | 'seatProject'
  | 'seatProjectFile'
  // 校外培训执法案件
  | 'enforcementCase'
  | 'enforcementFile'
  // 校外培训机构
  | 'training'
  // 五项管理
  | 'fiveItems'
  // 教师培训与信息技术应用能力提升工程2.0
  | 'trainingProject'
  | 'trainingRecord'
  // 县管校聘交流轮岗
  | 'exchangePlan'
  | 'exchangeRecord'
  // 教师工资保障
  | 'payReturn'
  | 'payRectification'
  // 年度考核与教师资格定期注册
  | 'appraisal'
  // 教师补充计划
  | 'programmePerson'
  // 支教与表彰
  | 'supportNeed'
  | 'honourRound'
  | 'nomination'
  // 控辍保学与随迁子女
  | 'dropoutCase'
  // 学生资助
  | 'aidFollowUp'
  | 'aidStudent'
  | 'aidCheck';
interface Own {
  school: number;
  task: number;
  // 执法案件关联培训机构
  enforcementCase: number;
  // 教师培训与信息技术应用能力提升工程2.0: a teacher in post at the county's school and a 县培 project of its own
  staff: number;
  trainingProject: number;
  // 县管校聘交流轮岗
  exchangePlan: number;
  // 支教与表彰: a need and a round of the county's own, to name a foreign teacher in
  supportNeed: number;
  honourRound: number;
}
interface Fixture {
  kind: Kind;
  input: (id: number | string, own: Own) => unknown;
  /** The answer to the missing id: a list or file (200), a refusal of the value (400), NOT_FOUND (404) or, for a procedure the county may not call at all, FORBIDDEN (403). */
  status: 200 | 400 | 403 | 404;
}

const today = beijingDate(new Date());
/** A moment already past whatever the hour (a Beijing morning time of today may still be ahead). */
const earlier = new Date(Date.now() - 2 * 3_600_000).toISOString();
const term = termOf(today);
const list =
  (extra: Record<string, unknown> = {}) =>
  (field: string, kind: Kind): Fixture => ({ kind, status: 200, input: (id) => ({ page: 1, pageSize: 20, ...extra, [field]: id }) });
const filter =
  (extra: Record<string, unknown> = {}) =>
  (field: string, kind: Kind): Fixture => ({ kind, status: 200, input: (id) => ({ ...extra, [field]: id }) });
const byUnitAndSchool = (path: string, make: (field: string, kind: Kind) => Fixture) => ({
  [`${path}:unitCode`]: make('unitCode', 'unit'),
  [`${path}:schoolId`]: make('schoolId', 'school'),
});
const one = (kind: Kind, input: (id: number | string, own: Own) => unknown, status: 200 | 400 | 403 | 404 = 404): Fixture => ({
  kind,
  input,
  status,
});
const enforcementClue = {
  subjectName: '范围测试培训工作室',
  subjectAddress: '衡南县范围测试路1号',
  violation: 'unlicensed',
  clueSource: 'report',
  clueOn: '2022-11-01',
  summary: '范围测试线索',
};
const seatProject = {
  name: '范围测试学校新建工程',
  kind: 'new_build',
  sector: 'general',
  area: 'urban',
  plannedSeats: 900,
  investment: 3_000_000_000,
  planned: { approved: '2022-01-10', started: '2022-03-01', topped_out: '2022-06-30', accepted: '2022-08-15', in_use: '2022-09-01' },
};
const TRAINING = {
  name: '矩阵测试培训学校',
  uscc: '91430407734567890P',
  licenceNo: '教民143042270000011号',
  approvedOn: '2019-03-01',
  address: '衡南县云集街道建设路8号',
  floorArea: 320,
  trainingCategory: 'academic',
  trainingStage: 'compulsory',
  mode: 'offline',
  nature: 'for_profit',
  operatingStatus: 'operating',
  feeSupervision: 'bank_custody',
  whiteList: false,
  staff: [{ name: '张老师', role: 'teacher', subject: '数学', certificateNo: '20194300012345' }],
};
const FIVE_ITEMS_FIGURES = {
  grades: [{ grade: 'P3', homework: 50, weekend: 80, sleep: 10, pe: 3 }],
  phoneManaged: true,
  phoneWrittenRequest: true,
  readingReviewed: true,
  afterSchoolCovered: 100,
  afterSchoolWilling: 100,
  afterSchoolEnd: '17:30',
};
// 教师培训与信息技术应用能力提升工程2.0
const TRAINING_PROJECT = {
  tier: 'county',
  name: '范围测试县培项目',
  year: 2022,
  organiser: '范围测试单位',
  plannedHours: 24,
  itCapability: false,
};
const TRAINING_RECORD = { hours: 10, completed: true, recordedOn: '2022-06-01' };
// 支教与表彰
const SUPPORT_NEED = {
  schoolYear: '2022-2023',
  subject: '数学',
  schoolStage: 'primary',
  needed: 2,
  startsOn: '2022-09-01',
  endsOn: '2023-07-15',
};
const SUPPORT_DISPATCH = {
  expectedVersion: 1,
  startsOn: '2022-12-01',
  endsOn: '2023-06-30',
  query: { queriedOn: '2022-11-20', result: 'clear' },
};
const NOMINATION_DEEDS = '扎根乡村教学二十年，成绩突出。';
const STAMP = { createdBy: 'test', createdAt: new Date(), updatedBy: 'test', updatedAt: new Date() };
const report = { period: '2022-06', status: 'in_progress', narrative: '按计划推进，本月完成摸底和方案制定。' };

const FIXTURES: Record<string, Fixture> = {
  // 学生资助: the lists in the county's scope; the aid role's procedures refused to a county without it (403 either way)
  'funding.aid.unaided:unitCode': list()('unitCode', 'unit'),
  'funding.aid.unmatched:unitCode': list()('unitCode', 'unit'),
  'funding.aid.payments:unitCode': list()('unitCode', 'unit'),
  'funding.aid.exportUnaided:unitCode': filter()('unitCode', 'unit'),
  'funding.aid.exportUnmatched:unitCode': filter()('unitCode', 'unit'),
  'funding.aid.exportPayments:unitCode': filter()('unitCode', 'unit'),
  'funding.aid.followUp:id': one('aidFollowUp', (id) => ({ id }), 403),
  // 资助资金 (the city's entry) and 资助抽查 (a check seen by everyone with the module; written by the aid roles)
  'funding.aid.saveFund:unitCode': one(
    'unit',
    (unitCode) => ({ unitCode, semester: '2022-2', item: 'living_allowance', budget: 100, allocated: 0, expectedVersion: 0 }),
    403,
  ),
  'funding.aid.checks:unitCode': list()('unitCode', 'unit'),
  'funding.aid.exportChecks:unitCode': filter()('unitCode', 'unit'),
  'funding.aid.check:id': one('aidCheck', (id) => ({ id })),
  'funding.aid.checkHistory:id': one('aidCheck', (id) => ({ id })),
  'funding.aid.createCheck:unitCode': one('unit', (unitCode) => ({ semester: '2022-2', unitCode, size: 20 }), 403),
  'funding.aid.createCheck:schoolId': one('school', (schoolId) => ({ semester: '2022-2', unitCode: OWN, schoolId, size: 20 }), 403),
  'funding.aid.recordCheck:id': one('aidCheck', (id) => ({ id, expectedVersion: 1, results: [{ itemId: 1, verdict: 'confirmed' }] }), 403),
  'funding.aid.checkStep:id': one('aidCheck', (id) => ({ id, expectedVersion: 1, action: 'close' }), 403),
  'funding.aid.history:id': one('aidFollowUp', (id) => ({ id }), 403),
  'funding.aid.step:id': one('aidFollowUp', (id) => ({ id, expectedVersion: 1, action: 'recognise' }), 403),
  'funding.aid.pay:studentId': one(
    'aidStudent',
    (studentId) => ({ studentId, item: 'living_allowance', semester: '2022-2', amount: 25_000, paidOn: '2022-11-01' }),
    403,
  ),
  'funding.aid.reissue:studentId': one(
    'aidStudent',
    (studentId) => ({
      studentId,
      item: 'living_allowance',
      semester: '2022-2',
      amount: 25_000,
      paidOn: '2022-11-01',
      reason: '银行卡信息有误未发放成功',
      requestKey: 'scope-test-0001',
    }),
    403,
  ),
  'platform.schools:unitCode': list()('unitCode', 'unit'),
  'privateEdu.schools:unitCode': list()('unitCode', 'unit'),
  'privateEdu.profiles.list:unitCode': list()('unitCode', 'unit'),
  'privateEdu.preschool.save:unitCode': one(
    'unit',
    (unitCode) => ({ unitCode, schoolYear: '2022-2023', population: 18_000, expectedVersion: 0 }),
    403,
  ),
  'privateEdu.settings.saveTarget:unitCode': one('unit', (unitCode) => ({ unitCode, schoolYear: '2022-2023', targetCut: 0 }), 403),
  'privateEdu.profiles.export:unitCode': filter()('unitCode', 'unit'),
  'privateEdu.census.list:unitCode': list()('unitCode', 'unit'),
  'privateEdu.census.export:unitCode': filter()('unitCode', 'unit'),
  'privateEdu.profiles.byId:schoolId': one('school', (schoolId) => ({ schoolId })),
  'privateEdu.profiles.history:schoolId': one('school', (schoolId) => ({ schoolId })),
  'privateEdu.profiles.save:schoolId': one('school', (schoolId) => ({
    schoolId,
    expectedVersion: 0,
    licenceNo: '教民143048170000001号',
    uscc: '52430422MJ0000018R',
    sponsor: '张建国',
    forProfit: false,
    gcmType: null,
    partyOrg: 'own',
    approvedIntake: 100,
  })),
  'privateEdu.levers.create:schoolId': one('school', (schoolId) => ({
    schoolId,
    kind: 'reduce_plan',
    plannedYear: '2023-2024',
    students: 10,
  })),
  'privateEdu.levers.byId:id': one('lever', (id) => ({ id })),
  'privateEdu.levers.step:id': one('lever', (id) => ({ id, expectedVersion: 1, action: 'complete', doneOn: '2022-06-01' })),
  'privateEdu.levers.history:id': one('lever', (id) => ({ id })),
  'teachers.schools:unitCode': list()('unitCode', 'unit'),
  'teachers.staffing.list:unitCode': list()('unitCode', 'unit'),
  'teachers.staffing.export:unitCode': filter()('unitCode', 'unit'),
  'teachers.ethics.report:schoolId': one('school', (schoolId) => ({
    idNumber: '43042219900512002X',
    name: '范围测试',
    schoolId,
    clause: 10,
    clueSource: 'complaint',
    clue: '群众反映该教师组织学生有偿补课。',
  })),
  'teachers.ethics.report:staffId': one('staff', (staffId, own) => ({
    staffId,
    schoolId: own.school,
    clause: 10,
    clueSource: 'complaint',
    clue: '群众反映该教师组织学生有偿补课。',
  })),
  'teachers.ethics.list:unitCode': list()('unitCode', 'unit'),
  'teachers.ethics.byId:id': one('ethics', (id) => ({ id })),
  'teachers.ethics.history:id': one('ethics', (id) => ({ id })),
  'teachers.ethics.step:id': one('ethics', (id) => ({ id, expectedVersion: 1, action: 'verify' })),
  'teachers.ethics.saveFindings:id': one('ethics', (id) => ({ id, expectedVersion: 1, findings: '经调查核实，该教师组织有偿补课三次。' })),
  'teachers.ethics.notify:id': one('ethics', (id) => ({ id, expectedVersion: 1, notifiedOn: '2022-06-01' })),
  'teachers.ethics.saveDefence:id': one('ethics', (id) => ({ id, expectedVersion: 1, defence: '无', hearing: false })),
  'teachers.ethics.decide:id': one('ethics', (id) => ({
    id,
    expectedVersion: 1,
    handling: 'criticism',
    effectiveOn: '2022-06-01',
    certificate: 'none',
    blacklist: false,
    text: '经研究决定给予批评教育。',
  })),
  'teachers.ethics.review:id': one('ethics', (id) => ({ id, expectedVersion: 1, outcome: 'upheld', reason: '维持原决定' })),
  'teachers.ethics.lift:id': one('ethics', (id) => ({ id, expectedVersion: 1, reason: '确有悔改表现' })),
  'teachers.ethics.blacklist:unitCode': list()('unitCode', 'unit'),
  ...byUnitAndSchool('teachers.staff.list', list()),
  ...byUnitAndSchool('teachers.files.exportStaff', filter()),
  'teachers.files.exportEntries:unitCode': filter()('unitCode', 'unit'),
  'teachers.files.exportEthicsCases:unitCode': filter()('unitCode', 'unit'),
  'teachers.files.exportBlacklist:unitCode': filter()('unitCode', 'unit'),
  'teachers.staff.hire:schoolId': one('school', (schoolId) => ({
    idNumber: '43042219900512002X',
    name: '范围测试',
    schoolId,
    employment: 'contract',
    post: 'service',
    joinedOn: '2022-09-01',
    query: { queriedOn: '2022-08-20', result: 'clear' },
  })),
  'teachers.staff.transfer:id': one('staff', (id, own) => ({
    id,
    expectedVersion: 1,
    toSchoolId: own.school,
    entersOn: '2022-09-01',
    query: { queriedOn: '2022-08-20', result: 'clear' },
  })),
  'teachers.staff.transfer:toSchoolId': one('school', (toSchoolId) => ({
    id: 1,
    expectedVersion: 1,
    toSchoolId,
    entersOn: '2022-09-01',
    query: { queriedOn: '2022-08-20', result: 'clear' },
  })),
  'safety.schools:unitCode': list()('unitCode', 'unit'),
  ...byUnitAndSchool('safety.profiles.list', list({ term })),
  ...byUnitAndSchool('safety.inspections.list', list()),
  ...byUnitAndSchool('safety.hazards.list', list()),
  ...byUnitAndSchool('safety.activities.list', list()),
  ...byUnitAndSchool('safety.incidents.list', list()),
  ...byUnitAndSchool('safety.hazards.export', filter()),
  ...byUnitAndSchool('safety.profiles.export', filter({ term })),
  ...byUnitAndSchool('safety.activities.export', filter()),
  ...byUnitAndSchool('safety.incidents.export', filter()),
  'dashboard.school:schoolId': one('school', (schoolId) => ({ schoolId })),
  'dashboard.kpiSchools:unitCode': one('unit', (unitCode) => ({ kpiId: 'teachers.vacancy-contract', unitCode })),
  'plan.tasks.byId:taskId': one('task', (taskId) => ({ taskId })),
  'plan.reports.submit:taskId': one('task', (taskId) => ({ taskId, report })),
  'plan.reports.submit:unitCode': one('unit', (unitCode, own) => ({ taskId: own.task, unitCode, report }), 400),
  // Only the 办公室 sets county targets: a county is refused before any unit is looked at (each refusal recorded).
  'plan.targets.set:unitCode': one('unit', (unitCode) => ({ year: 2022, kpiId: 'safety.hazard-closure', unitCode, target: 0.9 }), 403),
  'plan.reports.history:reportId': one('report', (reportId) => ({ reportId })),
  'plan.reports.review:reportId': one('report', (reportId) => ({ reportId, expectedVersion: 1, action: 'review' })),
  'plan.reports.attach:reportId': one('report', (reportId) => ({ reportId, fileName: '佐证.pdf', base64: PDF.toString('base64') })),
  'plan.reports.file:id': one('reportFile', (id) => ({ id })),
  'plan.tasks.setMilestone:milestoneId': one('milestone', (milestoneId) => ({ milestoneId, expectedVersion: 1, doneOn: today })),
  'plan.instructions.acknowledge:instructionId': one('instruction', (instructionId) => ({ instructionId })),
  'safety.profiles.submit:schoolId': one('school', (schoolId) => ({
    schoolId,
    term,
    students: 800,
    staff: 60,
    fulltimeGuards: 3,
    closedManagement: true,
    alarmLinked110: true,
    videoLinkedPolice: true,
    guardPost: true,
    antiRam: true,
    evidenceDate: today,
  })),
  'safety.profiles.review:id': one('profile', (id) => ({ id, expectedVersion: 1, action: 'review' })),
  'safety.profiles.history:id': one('profile', (id) => ({ id })),
  'safety.inspections.create:schoolId': one('school', (schoolId) => ({
    schoolId,
    inspectedOn: today,
    level: 'county',
    categories: ['fire'],
    inspectors: '王强、李明',
    summary: '检查消防设施和疏散通道，情况良好。',
  })),
  'safety.hazards.create:schoolId': one('school', (schoolId) => ({
    schoolId,
    source: 'county',
    category: 'fire',
    severity: 'ordinary',
    foundOn: today,
    description: '二楼走廊灭火器压力不足',
    responsiblePerson: '张建国',
  })),
  'safety.hazards.create:inspectionId': one(
    'inspection',
    (inspectionId, own) => ({
      schoolId: own.school,
      inspectionId,
      source: 'county',
      category: 'fire',
      severity: 'ordinary',
      foundOn: today,
      description: '二楼走廊灭火器压力不足',
      responsiblePerson: '张建国',
    }),
    400,
  ),
  'safety.hazards.byId:id': one('hazard', (id) => ({ id })),
  'safety.hazards.setDeadline:id': one('hazard', (id) => ({ id, expectedVersion: 1, deadline: today })),
  'safety.hazards.step:id': one('hazard', (id) => ({ id, expectedVersion: 1, action: 'start' })),
  'safety.hazards.correct:id': one('hazard', (id) => ({ id, expectedVersion: 1, location: '三楼', reason: '部位写错了' })),
  'safety.hazards.attach:id': one('hazard', (id) => ({ id, phase: 'before', fileName: '现场.pdf', base64: PDF.toString('base64') })),
  'safety.hazards.file:id': one('hazardFile', (id) => ({ id })),
  'safety.hazards.history:id': one('hazard', (id) => ({ id })),
  'funding.named.list:unitCode': filter()('unitCode', 'unit'),
  'funding.named.export:unitCode': filter()('unitCode', 'unit'),
  'funding.named.photos:id': one('fundingProject', (id) => ({ id })),
  'safety.activities.create:schoolId': one('school', (schoolId) => ({
    schoolId,
    topic: 'fire',
    heldOn: today,
    title: '消防疏散演练',
    participants: 300,
  })),
  'safety.incidents.byId:id': one('incident', (id) => ({ id })),
  'safety.incidents.create:schoolId': one('school', (schoolId) => ({
    schoolId,
    type: 'accident',
    occurredAt: earlier,
    place: '操场',
    deaths: 0,
    injuries: 1,
    publicOpinion: false,
    summary: '课间活动时一名学生摔倒擦伤。',
  })),
  'safety.incidents.addStage:id': one('incident', (id) => ({ id, expectedVersion: 1, stage: 'follow_up', note: '续报处置情况' })),
  'safety.incidents.history:id': one('incident', (id) => ({ id })),
  'privateEdu.conversions.byId:id': one('conversion', (id) => ({ id })),
  'privateEdu.conversions.history:id': one('conversion', (id) => ({ id })),
  'privateEdu.conversions.create:schoolId': one('school', (schoolId) => ({ schoolId, type: 'sole', publicPartner: '衡南县第一中学' })),
  'privateEdu.conversions.savePlan:id': one('conversion', (id) => ({
    id,
    expectedVersion: 1,
    disposal: 'to_public',
    plan: '随校转为公办，资产划转县教育局，教师随校安置。',
  })),
  'privateEdu.conversions.tick:id': one('conversion', (id) => ({ id, expectedVersion: 1, task: 'assets', doneOn: today })),
  'privateEdu.conversions.addTeacher:caseId': one('conversion', (caseId) => ({
    caseId,
    name: '李秀英',
    idNumber: '110101199003074514',
    staffStatus: 'in_quota',
  })),
  'privateEdu.conversions.placeTeacher:id': one('conversionTeacher', (id) => ({
    id,
    expectedVersion: 1,
    placement: 'leaves',
    placedOn: today,
  })),
  'privateEdu.conversions.step:id': one('conversion', (id) => ({ id, expectedVersion: 1, action: 'submit_plan' })),
  'privateEdu.inspections.byId:id': one('privateInspection', (id) => ({ id })),
  'privateEdu.inspections.history:id': one('privateInspection', (id) => ({ id })),
  'privateEdu.inspections.create:schoolId': one('school', (schoolId) => ({ schoolId, year: 2022 })),
  'privateEdu.inspections.submit:id': one('privateInspection', (id) => ({ id, expectedVersion: 1, materials: '年检自查报告：办学规范。' })),
  'privateEdu.inspections.requestOpinions:id': one('privateInspection', (id) => ({
    id,
    expectedVersion: 1,
    siteVisit: '实地查看校舍',
    departments: ['safety'],
  })),
  'privateEdu.inspections.issueNotice:id': one('privateInspection', (id) => ({
    id,
    expectedVersion: 1,
    notice: '限期清理消防通道',
    rectifyBy: '2099-06-30',
  })),
  'privateEdu.inspections.submitReport:id': one('privateInspection', (id) => ({
    id,
    expectedVersion: 1,
    report: '已清理消防通道并建立巡查制度。',
  })),
  'privateEdu.inspections.conclude:id': one('privateInspection', (id) => ({ id, expectedVersion: 1, grade: 'pass' })),
  'privateEdu.inspections.step:id': one('privateInspection', (id) => ({ id, expectedVersion: 1, action: 'publish' })),
  // The 科室's opinion path: a county asked nothing gets the same NOT_FOUND for any inspection.
  'privateEdu.licences.byId:id': one('licence', (id) => ({ id })),
  'privateEdu.licences.history:id': one('licence', (id) => ({ id })),
  'privateEdu.licences.create:schoolId': one('school', (schoolId) => ({ schoolId, kind: 'establish', registration: 'non_profit' })),
  'privateEdu.licences.step:id': one('licence', (id) => ({ id, expectedVersion: 1, action: 'accept' })),
  'privateEdu.licences.approve:id': one('licence', (id) => ({ id, expectedVersion: 1, validUntil: '2099-12-31' })),
  'privateEdu.puhui.byId:id': one('puhui', (id) => ({ id })),
  'privateEdu.puhui.history:id': one('puhui', (id) => ({ id })),
  'privateEdu.puhui.create:schoolId': one('school', (schoolId) => ({ schoolId, feeAsked: 90_000 })),
  'privateEdu.puhui.step:id': one('puhui', (id) => ({ id, expectedVersion: 1, action: 'refuse', reason: '条件不符' })),
  'privateEdu.puhui.recognise:id': one('puhui', (id) => ({ id, expectedVersion: 1, validFrom: '2022-09-01' })),
  'privateEdu.fees.create:schoolId': one('school', (schoolId) => ({
    schoolId,
    schoolYear: '2022-2023',
    term: 'spring',
    feeCharged: 90_000,
  })),
  'privateEdu.fees.update:id': one('fee', (id) => ({ id, expectedVersion: 1, feeCharged: 85_000 })),
  // funding: seat projects
  'funding.projects.list:unitCode': list()('unitCode', 'unit'),
  'funding.projects.export:unitCode': filter()('unitCode', 'unit'),
  'funding.projects.schools:unitCode': filter()('unitCode', 'unit'),
  'funding.projects.byId:id': one('seatProject', (id) => ({ id })),
  'funding.projects.history:id': one('seatProject', (id) => ({ id })),
  'funding.projects.create:unitCode': one('unit', (unitCode) => ({ unitCode, ...seatProject })),
  'funding.projects.create:schoolId': one('school', (schoolId) => ({ unitCode: OWN, schoolId, ...seatProject })),
  'funding.projects.update:id': one('seatProject', (id) => ({ id, expectedVersion: 1, ...seatProject })),
  'funding.projects.update:schoolId': one('school', (schoolId) => ({ id: MISSING, expectedVersion: 1, schoolId, ...seatProject })),
  'funding.projects.reach:id': one('seatProject', (id) => ({ id, expectedVersion: 1, milestone: 'approved', on: '2022-01-10' })),
  'funding.projects.attach:id': one('seatProject', (id) => ({
    id,
    milestone: 'approved',
    fileName: '立项批复.pdf',
    base64: PDF.toString('base64'),
  })),
  'funding.projects.file:id': one('seatProjectFile', (id) => ({ id })),
  'inbox.opinions.view:id': one('privateInspection', (id) => ({ id })),
  'inbox.opinions.give:id': one('privateInspection', (id) => ({ id, verdict: 'agree', comment: '同意' })),
  // funding: spending returns
  'funding.spending.list:unitCode': list()('unitCode', 'unit'),
  // 校外培训机构
  'privateEdu.training.list:unitCode': list()('unitCode', 'unit'),
  'privateEdu.training.export:unitCode': filter()('unitCode', 'unit'),
  'privateEdu.training.byId:id': one('training', (id) => ({ id })),
  'privateEdu.training.history:id': one('training', (id) => ({ id })),
  'privateEdu.training.create:unitCode': one('unit', (unitCode) => ({ unitCode, ...TRAINING })),
  'privateEdu.training.update:id': one('training', (id) => ({ id, expectedVersion: 1, ...TRAINING })),
  'privateEdu.training.step:id': one('training', (id) => ({ id, expectedVersion: 1, action: 'terminate', reason: '机构注销' })),
  'privateEdu.training.capacity.save:unitCode': one(
    'unit',
    (unitCode) => ({ unitCode, expectedVersion: 0, hasBody: false, fullTimeStaff: 0, partTimeStaff: 1, enforcementStaff: 1 }),
    403,
  ),
  'funding.spending.export:unitCode': filter()('unitCode', 'unit'),
  'funding.spending.byId:id': one('spending', (id) => ({ id })),
  'funding.spending.history:id': one('spending', (id) => ({ id })),
  'funding.spending.create:unitCode': one('unit', (unitCode) => ({ unitCode, fiscalYear: 2012, budgetSpending: 100 })),
  'funding.spending.update:id': one('spending', (id) => ({ id, expectedVersion: 1, budgetSpending: 100 })),
  'funding.spending.step:id': one('spending', (id) => ({ id, expectedVersion: 1, action: 'submit' })),
  // 校外培训执法案件
  'privateEdu.enforcement.list:unitCode': list()('unitCode', 'unit'),
  'privateEdu.enforcement.export:unitCode': filter()('unitCode', 'unit'),
  'privateEdu.enforcement.byId:id': one('enforcementCase', (id) => ({ id })),
  'privateEdu.enforcement.history:id': one('enforcementCase', (id) => ({ id })),
  'privateEdu.enforcement.create:unitCode': one('unit', (unitCode) => ({ unitCode, ...enforcementClue })),
  'privateEdu.enforcement.update:id': one('enforcementCase', (id) => ({ id, expectedVersion: 1, ...enforcementClue })),
  'privateEdu.enforcement.step:id': one('enforcementCase', (id) => ({ id, expectedVersion: 1, action: 'verify' })),
  'privateEdu.enforcement.attach:id': one('enforcementCase', (id) => ({ id, fileName: 'x.png', base64: '' })),
  'privateEdu.enforcement.file:id': one('enforcementFile', (id) => ({ id })),
  // 五项管理
  // 年度考核与教师资格定期注册
  ...byUnitAndSchool('teachers.appraisal.list', list()),
  ...byUnitAndSchool('teachers.appraisal.export', filter()),
  ...byUnitAndSchool('teachers.registration.list', list()),
  ...byUnitAndSchool('teachers.registration.export', filter()),
  'teachers.appraisal.create:staffId': one('staff', (staffId) => ({ staffId, year: 2021, result: 'competent', ethics: 'pass' })),
  'teachers.appraisal.correct:id': one('appraisal', (id) => ({ id, expectedVersion: 1, result: 'competent', ethics: 'pass' })),
  'teachers.registration.byStaff:staffId': one('staff', (staffId) => ({ staffId })),
  'teachers.registration.register:staffId': one('staff', (staffId) => ({ staffId, registeredOn: '2022-11-01', expectedVersion: 0 })),
  // 五项管理
  // 县管校聘交流轮岗
  'teachers.exchange.list:unitCode': list()('unitCode', 'unit'),
  'teachers.exchange.byId:id': one('exchangePlan', (id) => ({ id })),
  'teachers.exchange.history:id': one('exchangePlan', (id) => ({ id })),
  'teachers.exchange.update:id': one('exchangePlan', (id) => ({ id, expectedVersion: 1, plannedCount: 1 })),
  'teachers.exchange.step:id': one('exchangePlan', (id) => ({ id, expectedVersion: 1, action: 'submit' })),
  'teachers.exchange.create:unitCode': one('unit', (unitCode) => ({ unitCode, schoolYear: '2029-2030', plannedCount: 1 }), 400),
  'teachers.exchange.records:planId': one('exchangePlan', (planId) => ({ page: 1, pageSize: 5, planId })),
  'teachers.exchange.records:unitCode': list()('unitCode', 'unit'),
  'teachers.exchange.addRecord:planId': one('exchangePlan', (planId) => ({
    planId,
    expectedVersion: 1,
    staffId: 1,
    toSchoolId: 1,
    backbone: false,
    startOn: '2030-09-01',
    termYears: 3,
  })),
  'teachers.exchange.addRecord:staffId': one(
    'staff',
    (staffId, own) => ({
      planId: own.exchangePlan,
      expectedVersion: 1,
      staffId,
      toSchoolId: own.school,
      backbone: false,
      startOn: '2030-09-01',
      termYears: 3,
    }),
    400,
  ),
  'teachers.exchange.addRecord:toSchoolId': one(
    'school',
    (toSchoolId, own) => ({
      planId: own.exchangePlan,
      expectedVersion: 1,
      staffId: 1,
      toSchoolId,
      backbone: false,
      startOn: '2030-09-01',
      termYears: 3,
    }),
    400,
  ),
  'teachers.exchange.removeRecord:planId': one('exchangePlan', (planId) => ({ planId, expectedVersion: 1, recordId: 1 })),
  'teachers.exchange.removeRecord:recordId': one(
    'exchangeRecord',
    (recordId, own) => ({ planId: own.exchangePlan, expectedVersion: 1, recordId }),
    400,
  ),
  'teachers.exchange.eligible:planId': one('exchangePlan', (planId) => ({ planId })),
  'teachers.exchange.eligible:schoolId': one('school', (schoolId, own) => ({ planId: own.exchangePlan, schoolId }), 200),
  'teachers.exchange.receiving:planId': one('exchangePlan', (planId, own) => ({ planId, fromSchoolId: own.school })),
  'teachers.exchange.receiving:fromSchoolId': one('school', (fromSchoolId, own) => ({ planId: own.exchangePlan, fromSchoolId }), 400),
  'teachers.exchange.summary:unitCode': filter({ schoolYear: '2022-2023' })('unitCode', 'unit'),
  'teachers.exchange.exportPlans:unitCode': filter()('unitCode', 'unit'),
  'teachers.exchange.exportRecords:unitCode': filter()('unitCode', 'unit'),
  'teachers.exchange.exportRecords:planId': one('exchangePlan', (planId) => ({ planId }), 200),
  'teachers.exchange.exportSummary:unitCode': filter({ schoolYear: '2022-2023' })('unitCode', 'unit'),
  'teachers.exchange.exportDesignations:unitCode': filter({ schoolYear: '2022-2023' })('unitCode', 'unit'),
  'teachers.exchange.designations.list:unitCode': list({ schoolYear: '2022-2023' })('unitCode', 'unit'),
  'teachers.exchange.designations.set:schoolId': one('school', (schoolId) => ({
    schoolId,
    schoolYear: '2022-2023',
    designation: 'quality',
  })),
  // 控辍保学与随迁子女
  ...byUnitAndSchool('funding.dropout.list', list()),
  ...byUnitAndSchool('funding.dropout.export', filter()),
  'funding.dropout.byId:id': one('dropoutCase', (id) => ({ id })),
  'funding.dropout.history:id': one('dropoutCase', (id) => ({ id })),
  'funding.dropout.persuade:id': one('dropoutCase', (id) => ({
    id,
    expectedVersion: 1,
    visitedOn: '2022-11-10',
    persons: '班主任',
    result: 'refused',
  })),
  'funding.dropout.step:id': one('dropoutCase', (id) => ({ id, expectedVersion: 1, action: 'confirm' })),
  'funding.dropout.create:schoolId': one('school', (schoolId) => ({
    schoolId,
    childName: '范围测试',
    idNumber: '430422201105128010',
    studentGrade: 'P5',
    reason: 'study_weariness',
    group: 'none',
    foundOn: '2022-11-01',
  })),
  'funding.dropout.returns.list:unitCode': list({ kind: 'school_month' })('unitCode', 'unit'),
  'funding.dropout.returns.missing:unitCode': list({ period: '2022-10' })('unitCode', 'unit'),
  'funding.dropout.returns.export:unitCode': filter({ kind: 'school_month' })('unitCode', 'unit'),
  'funding.dropout.returns.file:schoolId': one('school', (schoolId) => ({ period: '2022-10', schoolId })),
  'funding.dropout.returns.file:unitCode': one('unit', (unitCode) => ({ period: '2022-Q3', unitCode, note: '范围测试复核' })),
  'funding.migrant.save:unitCode': one('unit', (unitCode) => ({
    unitCode,
    schoolYear: '2022-2023',
    expectedVersion: 0,
    total: 10,
    publicSchools: 8,
    purchased: 1,
  })),
  'privateEdu.fiveItems.list:unitCode': list()('unitCode', 'unit'),
  'privateEdu.fiveItems.export:unitCode': filter()('unitCode', 'unit'),
  'privateEdu.fiveItems.missing:unitCode': list({ term: '2022-spring' })('unitCode', 'unit'),
  'privateEdu.fiveItems.saveWorkEnd:unitCode': one('unit', (unitCode) => ({ unitCode, workEnd: '17:30', expectedVersion: 0 })),
  'privateEdu.fiveItems.byId:id': one('fiveItems', (id) => ({ id })),
  'privateEdu.fiveItems.history:id': one('fiveItems', (id) => ({ id })),
  'privateEdu.fiveItems.grades:schoolId': one('school', (schoolId) => ({ schoolId })),
  'privateEdu.fiveItems.create:schoolId': one('school', (schoolId) => ({ schoolId, term: '2022-autumn', ...FIVE_ITEMS_FIGURES })),
  'privateEdu.fiveItems.update:id': one('fiveItems', (id) => ({ id, expectedVersion: 1, ...FIVE_ITEMS_FIGURES })),
  'privateEdu.fiveItems.step:id': one('fiveItems', (id) => ({ id, expectedVersion: 1, action: 'return', reason: '数据有误' })),
  // 教师工资保障
  'teachers.pay.list:unitCode': list()('unitCode', 'unit'),
  'teachers.pay.export:unitCode': filter()('unitCode', 'unit'),
  'teachers.pay.comparison:unitCode': filter({ year: 2022 })('unitCode', 'unit'),
  'teachers.pay.exportComparison:unitCode': filter({ year: 2022 })('unitCode', 'unit'),
  'teachers.pay.save:unitCode': one('unit', (unitCode) => ({
    unitCode,
    year: 2022,
    teacherAvgPay: 9_000_000,
    civilServantAvgPay: 8_900_000,
    linkageEstablished: false,
    expectedVersion: 1,
  })),
  'teachers.pay.byId:id': one('payReturn', (id) => ({ id })),
  'teachers.pay.history:id': one('payReturn', (id) => ({ id })),
  'teachers.pay.step:id': one('payReturn', (id) => ({ id, expectedVersion: 1, action: 'submit' })),
  'teachers.pay.rectifications.list:unitCode': list()('unitCode', 'unit'),
  'teachers.pay.rectifications.export:unitCode': filter()('unitCode', 'unit'),
  'teachers.pay.rectifications.create:unitCode': one('unit', (unitCode) => ({
    unitCode,
    year: 2022,
    findingKinds: ['below'],
    findingText: '范围测试',
    deadline: '2099-12-31',
  })),
  'teachers.pay.rectifications.byId:id': one('payRectification', (id) => ({ id })),
  'teachers.pay.rectifications.history:id': one('payRectification', (id) => ({ id })),
  'teachers.pay.rectifications.step:id': one('payRectification', (id) => ({ id, expectedVersion: 1, action: 'start' })),
  // 教师补充计划
  'teachers.programmes.summary:unitCode': filter({ year: 2022 })('unitCode', 'unit'),
  'teachers.programmes.exportSummary:unitCode': filter({ year: 2022 })('unitCode', 'unit'),
  ...byUnitAndSchool('teachers.programmes.persons', list()),
  ...byUnitAndSchool('teachers.programmes.exportPersons', filter()),
  // A county cannot set quotas at all: refused before the unit is looked at.
  'teachers.programmes.saveQuota:unitCode': one(
    'unit',
    (unitCode) => ({ unitCode, year: 2022, programme: 'special_post', planned: 5, expectedVersion: 0 }),
    403,
  ),
  'teachers.programmes.addPerson:schoolId': one('school', (schoolId) => ({
    programme: 'special_post',
    year: 2022,
    schoolId,
    name: '范围测试',
    idNumber: '110101199003074514',
  })),
  'teachers.programmes.arrive:id': one('programmePerson', (id) => ({ id, expectedVersion: 1, arrivedOn: '2022-09-01' })),
  'teachers.programmes.depart:id': one('programmePerson', (id) => ({
    id,
    expectedVersion: 1,
    leftOn: '2022-10-01',
    leftReason: '考取公务员',
  })),
  // 支教与表彰
  'teachers.support.needs:unitCode': list()('unitCode', 'unit'),
  'teachers.support.exportNeeds:unitCode': filter()('unitCode', 'unit'),
  'teachers.support.dispatches:unitCode': list()('unitCode', 'unit'),
  'teachers.support.dispatches:needId': list()('needId', 'supportNeed'),
  'teachers.support.exportDispatches:unitCode': filter()('unitCode', 'unit'),
  'teachers.support.exportDispatches:needId': filter()('needId', 'supportNeed'),
  'teachers.support.need:id': one('supportNeed', (id) => ({ id })),
  'teachers.support.history:id': one('supportNeed', (id) => ({ id })),
  'teachers.support.candidates:needId': one('supportNeed', (needId) => ({ needId })),
  'teachers.support.createNeed:schoolId': one('school', (schoolId) => ({ schoolId, ...SUPPORT_NEED })),
  'teachers.support.updateNeed:id': one('supportNeed', (id) => ({ id, expectedVersion: 1, ...SUPPORT_NEED })),
  'teachers.support.dispatch:needId': one('supportNeed', (needId) => ({ needId, staffId: MISSING, ...SUPPORT_DISPATCH })),
  'teachers.support.dispatch:staffId': one('staff', (staffId, own) => ({ needId: own.supportNeed, staffId, ...SUPPORT_DISPATCH })),
  'teachers.honours.round:id': one('honourRound', (id) => ({ id })),
  'teachers.honours.nominate:roundId': one('honourRound', (roundId) => ({ roundId, staffId: MISSING, deeds: NOMINATION_DEEDS })),
  'teachers.honours.nominate:staffId': one('staff', (staffId, own) => ({ roundId: own.honourRound, staffId, deeds: NOMINATION_DEEDS })),
  'teachers.honours.nominations:roundId': list()('roundId', 'honourRound'),
  'teachers.honours.nominations:unitCode': list()('unitCode', 'unit'),
  'teachers.honours.exportNominations:roundId': filter()('roundId', 'honourRound'),
  'teachers.honours.exportNominations:unitCode': filter()('unitCode', 'unit'),
  'teachers.honours.step:id': one('nomination', (id) => ({ id, expectedVersion: 1, action: 'withdraw', reason: '重新推荐' })),
  'teachers.honours.history:id': one('nomination', (id) => ({ id })),
  // 执法案件关联培训机构
  'privateEdu.enforcement.create:institutionId': one('training', (institutionId) => ({ ...enforcementClue, institutionId })),
  'privateEdu.enforcement.update:institutionId': one('training', (institutionId, own) => ({
    id: own.enforcementCase,
    expectedVersion: 1,
    ...enforcementClue,
    institutionId,
  })),
  // 教师培训与信息技术应用能力提升工程2.0
  ...byUnitAndSchool('teachers.training.records.list', list()),
  ...byUnitAndSchool('teachers.training.standing.list', list()),
  ...byUnitAndSchool('teachers.training.files.exportRecords', filter()),
  ...byUnitAndSchool('teachers.training.files.exportStanding', filter()),
  'teachers.training.projects.create:unitCode': one('unit', (unitCode) => ({ ...TRAINING_PROJECT, unitCode })),
  'teachers.training.projects.create:schoolId': one('school', (schoolId) => ({ ...TRAINING_PROJECT, tier: 'school', schoolId })),
  'teachers.training.projects.update:id': one('trainingProject', (id) => ({ ...TRAINING_PROJECT, id, expectedVersion: 1, unitCode: OWN })),
  'teachers.training.projects.update:unitCode': one('unit', (unitCode, own) => ({
    ...TRAINING_PROJECT,
    id: own.trainingProject,
    expectedVersion: 1,
    unitCode,
  })),
  'teachers.training.projects.update:schoolId': one('school', (schoolId, own) => ({
    ...TRAINING_PROJECT,
    id: own.trainingProject,
    expectedVersion: 1,
    tier: 'school',
    schoolId,
  })),
  'teachers.training.records.create:staffId': one('staff', (staffId, own) => ({
    ...TRAINING_RECORD,
    staffId,
    projectId: own.trainingProject,
  })),
  'teachers.training.records.create:projectId': one('trainingProject', (projectId, own) => ({
    ...TRAINING_RECORD,
    staffId: own.staff,
    projectId,
  })),
  'teachers.training.records.update:id': one('trainingRecord', (id) => ({
    id,
    expectedVersion: 1,
    hours: 10,
    completed: true,
    recordedOn: '2022-06-01',
  })),
};

const idCases = procedures().flatMap((p) => recordIdFields(p.inputs).map((field) => `${p.path}:${field}`));

it('every record id a procedure takes has a fixture here (a new one must be added)', () => {
  expect(idCases.filter((c) => !(c in FIXTURES))).toEqual([]);
  expect(Object.keys(FIXTURES).filter((c) => !idCases.includes(c))).toEqual([]);
});

/** A file answer compared by its cells (a workbook's bytes carry the time it was written). */
async function comparable(res: { status: number; body: string }) {
  const json = JSON.parse(res.body) as { result?: { data?: { base64?: string } } };
  const data = json.result?.data;
  if (!data?.base64) return res;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(data.base64, 'base64') as unknown as ArrayBuffer);
  const cells = wb.worksheets.map((ws) => ws.getSheetValues());
  return { status: res.status, body: JSON.stringify({ ...json, result: { data: { ...data, base64: cells } } }) };
}

describe.each(testEngines())('missing and out-of-scope records answer alike on %s', (engine) => {
  let database: Database;
  let cookie = '';
  let own: Own;
  const foreign = {} as Record<Kind, number | string>;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    const { db } = database;
    const t = tables;
    cookie = await signIn(database, COUNTY);
    const first = async <T>(rows: Promise<T[]>) => (await rows)[0]!;
    const ownSchool = await first(db.select({ id: t.schools.id }).from(t.schools).where(eq(t.schools.unitCode, OWN)).limit(1));
    const ownTask = await first(
      db
        .select({ id: t.planTasks.id })
        .from(t.planTasks)
        .where(and(eq(t.planTasks.year, 2022), arrayOverlaps(t.planTasks.units, [OWN])))
        .limit(1),
    );
    // 执法案件关联培训机构: an open case of the county's own, to link a foreign institution to.
    const ownCase = await first(
      db
        .insert(t.privateEnforcementCases)
        .values({
          unitCode: OWN,
          handlerLevel: 'county',
          subjectName: '本县范围测试工作室',
          subjectAddress: '衡南县某路1号',
          violation: 'unlicensed',
          clueSource: 'report',
          clueOn: '2022-11-01',
          summary: '本县线索',
          status: 'clue',
          createdBy: 'test',
          createdAt: new Date(),
        })
        .returning({ id: t.privateEnforcementCases.id }),
    );
    // 教师培训与信息技术应用能力提升工程2.0: the county's own teacher and 县培 project.
    const ownStaff = await first(
      db
        .insert(t.teacherStaff)
        .values({
          schoolId: ownSchool.id,
          unitCode: OWN,
          name: '本县教师',
          idIndex: 'a'.repeat(64),
          idCipher: 'v1.x.x.x',
          birthDate: '1990-05-12',
          sex: 'female',
          status: 'contract',
          post: 'teacher',
          joinedOn: '2020-09-01',
          createdBy: 'test',
          createdAt: new Date(),
        })
        .returning({ id: t.teacherStaff.id }),
    );
    const trainingProject = (unitCode: string) =>
      first(
        db
          .insert(t.teacherTrainingProjects)
          .values({ ...TRAINING_PROJECT, tier: 'county', unitCode, createdBy: 'test', createdAt: new Date() })
          .returning({ id: t.teacherTrainingProjects.id }),
      );
    const ownProject = await trainingProject(OWN);
    // 县管校聘交流轮岗: the county's own draft plan (its version stays 1: every call below is refused).
    const ownPlan = await first(
      db
        .insert(t.teacherExchangePlans)
        .values({
          unitCode: OWN,
          schoolYear: '2030-2031',
          plannedCount: 1,
          status: 'draft',
          createdBy: 'test',
          createdAt: new Date(),
          updatedBy: 'test',
          updatedAt: new Date(),
        })
        .returning({ id: t.teacherExchangePlans.id }),
    );
    // 支教与表彰: a need at the county's school and a round giving the county a quota.
    const ownNeed = await first(
      db
        .insert(t.teacherSupportNeeds)
        .values({ schoolId: ownSchool.id, unitCode: OWN, ...SUPPORT_NEED, schoolStage: 'primary', ...STAMP })
        .returning({ id: t.teacherSupportNeeds.id }),
    );
    const ownRound = await first(
      db
        .insert(t.teacherHonourRounds)
        .values({ name: '范围测试优秀教师', year: 2022, level: 'city', quotas: { [OWN]: 3 }, createdBy: 'test', createdAt: new Date() })
        .returning({ id: t.teacherHonourRounds.id }),
    );
    own = {
      school: ownSchool.id,
      task: ownTask.id,
      enforcementCase: ownCase.id,
      staff: ownStaff.id,
      trainingProject: ownProject.id,
      exchangePlan: ownPlan.id,
      supportNeed: ownNeed.id,
      honourRound: ownRound.id,
    };

    // Another county's records, made by that county through the API.
    const leiyang = await callerAs(database, 'leiyang');
    const school = await first(db.select({ id: t.schools.id }).from(t.schools).where(eq(t.schools.unitCode, OTHER)).limit(1));
    // 学生资助: another county's follow-up and 学籍 record
    const aidFollowUp = await first(
      db.select({ id: t.fundingAidFollowUps.id }).from(t.fundingAidFollowUps).where(eq(t.fundingAidFollowUps.unitCode, OTHER)).limit(1),
    );
    const aidStudent = await first(
      db.select({ id: t.fundingAidStudents.id }).from(t.fundingAidStudents).where(eq(t.fundingAidStudents.unitCode, OTHER)).limit(1),
    );
    // 资助抽查: the city's check of another county (seeded)
    const aidCheck = await first(
      db.select({ id: t.fundingAidChecks.id }).from(t.fundingAidChecks).where(eq(t.fundingAidChecks.unitCode, OTHER)).limit(1),
    );
    const inspection = await leiyang.safety.inspections.create({
      schoolId: school.id,
      inspectedOn: today,
      level: 'county',
      categories: ['fire'],
      inspectors: '耒阳检查组',
      summary: '检查消防设施，发现一处隐患。',
    });
    const hazard = await leiyang.safety.hazards.create({
      schoolId: school.id,
      inspectionId: inspection.id,
      source: 'county',
      category: 'fire',
      severity: 'ordinary',
      foundOn: today,
      description: '实验楼灭火器过期',
      responsiblePerson: '刘伟',
    });
    const incident = await leiyang.safety.incidents.create({
      schoolId: school.id,
      type: 'accident',
      occurredAt: earlier,
      place: '教学楼',
      deaths: 0,
      injuries: 1,
      publicOpinion: false,
      summary: '一名学生下楼时扭伤脚踝。',
    });
    const profile = await first(
      db.select({ id: t.safetyProfiles.id }).from(t.safetyProfiles).where(eq(t.safetyProfiles.unitCode, OTHER)).limit(1),
    );
    const [hazardFile] = await db
      .insert(t.attachments)
      .values({
        ownerType: 'safety_hazard:before',
        ownerId: hazard.id,
        fileName: '现场.pdf',
        mime: 'application/pdf',
        size: PDF.length,
        sha256: 'x',
        content: PDF,
        uploadedBy: 'leiyang',
        uploadedAt: new Date(),
      })
      .returning({ id: t.attachments.id });

    // The city's own records of the plan: a task only the city carries, and the city's report on a task the county shares.
    const tasks2022 = await db
      .select({ id: t.planTasks.id, itemNo: t.planTasks.itemNo, units: t.planTasks.units })
      .from(t.planTasks)
      .where(eq(t.planTasks.year, 2022));
    const cityTask = tasks2022.find((x) => tasks2022.every((y) => y.itemNo !== x.itemNo || !y.units.includes(OWN)))!; // on an item the county has no task in
    const milestone = await first(
      db.select({ id: t.planMilestones.id }).from(t.planMilestones).where(eq(t.planMilestones.taskId, cityTask.id)).limit(1),
    );
    const cityReport = await first(
      db
        .select({ id: t.progressReports.id })
        .from(t.progressReports)
        .innerJoin(t.planTasks, eq(t.planTasks.id, t.progressReports.taskId))
        .where(and(ne(t.progressReports.unitCode, OWN), arrayOverlaps(t.planTasks.units, [OWN])))
        .limit(1),
    );
    const [reportFile] = await db
      .insert(t.attachments)
      .values({
        ownerType: 'progress_report',
        ownerId: cityReport.id,
        fileName: '佐证.pdf',
        mime: 'application/pdf',
        size: PDF.length,
        sha256: 'x',
        content: PDF,
        uploadedBy: 'office',
        uploadedAt: new Date(),
      })
      .returning({ id: t.attachments.id });
    const instruction = await (
      await callerAs(database, 'leader')
    ).plan.instructions.create({ year: 2022, itemNo: cityTask.itemNo, text: '请抓紧推进。' });

    const lever = await first(
      db.select({ id: t.privateLevers.id }).from(t.privateLevers).where(eq(t.privateLevers.unitCode, OTHER)).limit(1),
    );
    // A 公参民 case of another county (opened by the city's 民办教育科, the counties' own accounts lacking the module) and its teacher.
    const privedu = await callerAs(database, 'privedu');
    const conversion = await privedu.privateEdu.conversions.create({
      schoolId: (
        await first(
          db
            .select({ id: t.schools.id })
            .from(t.schools)
            .where(
              and(
                ne(t.schools.unitCode, OWN),
                eq(t.schools.ownership, 'private'),
                inArray(t.schools.level, ['primary', 'junior', 'nine_year']),
                notExists(db.select().from(t.privateConversions).where(eq(t.privateConversions.schoolId, t.schools.id))),
              ),
            )
            .limit(1),
        )
      ).id,
      type: 'sole',
      publicPartner: '耒阳市第一中学',
    });
    const conversionTeacher = await privedu.privateEdu.conversions.addTeacher({
      caseId: conversion.id,
      name: '王建军',
      idNumber: '110101199003074514',
      staffStatus: 'contract',
    });

    // A 年检 of another county's private 高中阶段 school (the city approves those), asking 安全稳定科.
    const privateInspection = await privedu.privateEdu.inspections.create({
      schoolId: (
        await first(
          db
            .select({ id: t.schools.id })
            .from(t.schools)
            .where(
              and(
                ne(t.schools.unitCode, OWN),
                eq(t.schools.ownership, 'private'),
                inArray(t.schools.level, ['senior', 'complete_middle', 'vocational']),
                notExists(
                  db
                    .select()
                    .from(t.privateInspections)
                    .where(and(eq(t.privateInspections.schoolId, t.schools.id), eq(t.privateInspections.year, 2023))),
                ),
              ),
            )
            .limit(1),
        )
      ).id,
      year: 2023,
    });

    // A licence case of another county's private school (the school applies; opened here directly).
    const otherPrivate = await first(
      db
        .select({ id: t.schools.id, unitCode: t.schools.unitCode })
        .from(t.schools)
        .where(and(eq(t.schools.unitCode, OTHER), eq(t.schools.ownership, 'private')))
        .limit(1),
    );
    const licence = await first(
      db
        .insert(t.privateLicenceCases)
        .values({
          schoolId: otherPrivate.id,
          unitCode: otherPrivate.unitCode,
          kind: 'renew',
          registration: 'non_profit',
          authority: 'county',
          licenceNo: '教民143048170000001号',
          status: 'submitted',
          createdBy: 'test',
          createdAt: new Date(),
        })
        .returning({ id: t.privateLicenceCases.id }),
    );

    // A 普惠 recognition case of another county's private kindergarten.
    const otherKindergarten = await first(
      db
        .select({ id: t.schools.id, unitCode: t.schools.unitCode })
        .from(t.schools)
        .where(and(eq(t.schools.unitCode, OTHER), eq(t.schools.ownership, 'private'), eq(t.schools.level, 'kindergarten')))
        .limit(1),
    );
    const puhui = await first(
      db
        .insert(t.privatePuhuiRecognitions)
        .values({
          schoolId: otherKindergarten.id,
          unitCode: otherKindergarten.unitCode,
          feeAsked: 90_000,
          status: 'submitted',
          createdBy: 'test',
          createdAt: new Date(),
        })
        .returning({ id: t.privatePuhuiRecognitions.id }),
    );

    // A person in post at another county's school.
    const staff = await first(
      db
        .insert(t.teacherStaff)
        .values({
          schoolId: otherPrivate.id,
          unitCode: otherPrivate.unitCode,
          name: '外县教师',
          idIndex: 'f'.repeat(64),
          idCipher: 'v1.x.x.x',
          birthDate: '1990-05-12',
          sex: 'female',
          status: 'contract',
          post: 'teacher',
          joinedOn: '2020-09-01',
          createdBy: 'test',
          createdAt: new Date(),
        })
        .returning({ id: t.teacherStaff.id }),
    );

    // A 师德失范 case of another county's school.
    const ethics = await first(
      db
        .insert(t.teacherEthicsCases)
        .values({
          schoolId: otherPrivate.id,
          unitCode: otherPrivate.unitCode,
          name: '外县教师',
          idIndex: 'e'.repeat(64),
          idCipher: 'v1.x.x.x',
          privateSchool: true,
          clause: 10,
          source: 'complaint',
          clue: '群众反映该教师组织学生有偿补课。',
          status: 'clue',
          createdBy: 'test',
          createdAt: new Date(),
        })
        .returning({ id: t.teacherEthicsCases.id }),
    );

    // A fee record of the same kindergarten.
    const fee = await first(
      db
        .insert(t.privateKindergartenFees)
        .values({
          schoolId: otherKindergarten.id,
          unitCode: otherKindergarten.unitCode,
          schoolYear: '2021-2022',
          term: 'spring',
          feeCharged: 90_000,
          createdBy: 'test',
          createdAt: new Date(),
          updatedBy: 'test',
          updatedAt: new Date(),
        })
        .returning({ id: t.privateKindergartenFees.id }),
    );

    // A named project of the city (局直) and one of its photos (the demo seed's).
    const fundingProject = await first(
      db.select({ id: t.fundingSeatProjects.id }).from(t.fundingSeatProjects).where(ne(t.fundingSeatProjects.unitCode, OWN)).limit(1),
    );

    // A spending return of another county (a year the demo has none of).
    const spending = await first(
      db
        .insert(t.fundingSpendingReturns)
        .values({ unitCode: OTHER, fiscalYear: 2012, budgetSpending: 100, status: 'draft', createdBy: 'test', createdAt: new Date() })
        .returning({ id: t.fundingSpendingReturns.id }),
    );

    // A seat project of another county, with a file of its 立项.
    const seatProject = await first(
      db
        .insert(t.fundingSeatProjects)
        .values({
          unitCode: OTHER,
          name: '外县学校新建工程',
          kind: 'new_build',
          sector: 'general',
          area: 'urban',
          plannedSeats: 900,
          investment: 3_000_000_000,
          createdBy: 'test',
          createdAt: new Date(),
        })
        .returning({ id: t.fundingSeatProjects.id }),
    );
    const [seatProjectFile] = await db
      .insert(t.attachments)
      .values({
        ownerType: 'funding_project:approved',
        ownerId: seatProject.id,
        fileName: '立项批复.pdf',
        mime: 'application/pdf',
        size: PDF.length,
        sha256: 'x',
        content: PDF,
        uploadedBy: 'leiyang',
        uploadedAt: new Date(),
      })
      .returning({ id: t.attachments.id });

    // 校外培训执法案件: a case of another county, with an evidence file.
    const enforcementCase = await first(
      db
        .insert(t.privateEnforcementCases)
        .values({
          unitCode: OTHER,
          handlerLevel: 'county',
          subjectName: '外县培训工作室',
          subjectAddress: '耒阳市某路1号',
          violation: 'unlicensed',
          clueSource: 'report',
          clueOn: '2022-11-01',
          summary: '外县线索',
          status: 'investigating',
          createdBy: 'test',
          createdAt: new Date(),
        })
        .returning({ id: t.privateEnforcementCases.id }),
    );
    const [enforcementFile] = await db
      .insert(t.attachments)
      .values({
        ownerType: 'private_enforcement_case:evidence',
        ownerId: enforcementCase.id,
        fileName: '现场照片.pdf',
        mime: 'application/pdf',
        size: PDF.length,
        sha256: 'x',
        content: PDF,
        uploadedBy: 'leiyang',
        uploadedAt: new Date(),
      })
      .returning({ id: t.attachments.id });

    // 校外培训机构: one of another county.
    const training = await first(
      db
        .insert(t.privateTrainingInstitutions)
        .values({
          unitCode: OTHER,
          name: '耒阳市范围测试培训学校',
          uscc: '91430481734567890X',
          licenceNo: '教民143048170000001号',
          approvedOn: '2019-03-01',
          address: '耒阳市五一路1号',
          area: 200,
          category: 'academic',
          stage: 'compulsory',
          mode: 'offline',
          nature: 'for_profit',
          status: 'operating',
          feeSupervision: 'none',
          conversionState: 'not_started',
          createdBy: 'test',
          createdAt: new Date(),
        })
        .returning({ id: t.privateTrainingInstitutions.id }),
    );

    // A 五项管理 return of another county's primary school.
    const otherPrimary = await first(
      db
        .select({ id: t.schools.id, unitCode: t.schools.unitCode })
        .from(t.schools)
        .where(and(eq(t.schools.unitCode, OTHER), eq(t.schools.level, 'primary')))
        .limit(1),
    );
    await db
      .delete(t.privateFiveItemsReturns)
      .where(and(eq(t.privateFiveItemsReturns.schoolId, otherPrimary.id), eq(t.privateFiveItemsReturns.term, '2022-autumn')));
    const fiveItems = await first(
      db
        .insert(t.privateFiveItemsReturns)
        .values({
          schoolId: otherPrimary.id,
          unitCode: otherPrimary.unitCode,
          term: '2022-autumn',
          status: 'submitted',
          grades: [],
          phoneManaged: true,
          phoneWrittenRequest: true,
          readingReviewed: true,
          afterSchoolCovered: 0,
          afterSchoolWilling: 0,
          afterSchoolEnd: '17:30',
          compliant: true,
          breaches: 0,
          createdBy: 'test',
          createdAt: new Date(),
          updatedBy: 'test',
          updatedAt: new Date(),
        })
        .returning({ id: t.privateFiveItemsReturns.id }),
    );

    // 教师培训与信息技术应用能力提升工程2.0: another county's 县培 project and its teacher's record.
    const otherProject = await trainingProject(OTHER);
    const trainingRecord = await first(
      db
        .insert(t.teacherTrainingRecords)
        .values({
          projectId: otherProject.id,
          staffId: staff.id,
          idIndex: 'f'.repeat(64),
          schoolId: otherPrivate.id,
          unitCode: otherPrivate.unitCode,
          hours: 10,
          completed: true,
          recordedOn: '2022-06-01',
          createdBy: 'test',
          createdAt: new Date(),
        })
        .returning({ id: t.teacherTrainingRecords.id }),
    );

    // 县管校聘交流轮岗: another county's plan with one record.
    const exchangePlan = await first(
      db
        .insert(t.teacherExchangePlans)
        .values({
          unitCode: OTHER,
          schoolYear: '2030-2031',
          plannedCount: 1,
          status: 'draft',
          createdBy: 'test',
          createdAt: new Date(),
          updatedBy: 'test',
          updatedAt: new Date(),
        })
        .returning({ id: t.teacherExchangePlans.id }),
    );
    const exchangeRecord = await first(
      db
        .insert(t.teacherExchangeRecords)
        .values({
          planId: exchangePlan.id,
          unitCode: OTHER,
          schoolYear: '2030-2031',
          staffId: staff.id,
          name: '外县教师',
          schoolId: otherPrimary.id,
          toSchoolId: otherPrimary.id,
          direction: 'urban_rural',
          backbone: false,
          startOn: '2030-09-01',
          termYears: 3,
          status: 'planned',
          createdBy: 'test',
          createdAt: new Date(),
        })
        .returning({ id: t.teacherExchangeRecords.id }),
    );

    // 教师工资保障: the demo's 2022 return and 督查整改 case of another county.
    const payReturn = await first(
      db
        .select({ id: t.teacherPayReturns.id })
        .from(t.teacherPayReturns)
        .where(and(eq(t.teacherPayReturns.unitCode, OTHER), eq(t.teacherPayReturns.year, 2022))),
    );
    const payRectification = await first(
      db
        .select({ id: t.teacherPayRectifications.id })
        .from(t.teacherPayRectifications)
        .where(eq(t.teacherPayRectifications.unitCode, OTHER)),
    );

    // 年度考核与教师资格定期注册: an appraisal of another county's teacher.
    const appraisal = await first(
      db
        .insert(t.teacherAppraisals)
        .values({
          staffId: staff.id,
          idIndex: 'f'.repeat(64),
          schoolId: otherPrivate.id,
          unitCode: otherPrivate.unitCode,
          year: 2021,
          result: 'competent',
          ethics: 'pass',
          createdBy: 'test',
          createdAt: new Date(),
        })
        .returning({ id: t.teacherAppraisals.id }),
    );

    // 教师补充计划: a person of another county's programme list.
    const programmePerson = await first(
      db
        .insert(t.teacherProgrammePersons)
        .values({
          programme: 'special_post',
          year: 2022,
          schoolId: otherPrimary.id,
          unitCode: otherPrimary.unitCode,
          name: '外县特岗教师',
          idIndex: 'd'.repeat(64),
          idCipher: 'v1.x.x.x',
          birthDate: '1998-05-12',
          status: 'arrived',
          arrivedOn: '2022-09-01',
          serviceStartOn: '2022-09-01',
          obligationEndsOn: '2025-09-01',
          createdBy: 'test',
          createdAt: new Date(),
          updatedBy: 'test',
          updatedAt: new Date(),
        })
        .returning({ id: t.teacherProgrammePersons.id }),
    );

    // 支教与表彰: another county's need, a round only it takes part in, and a nomination of its teacher.
    const otherNeed = await first(
      db
        .insert(t.teacherSupportNeeds)
        .values({ schoolId: school.id, unitCode: OTHER, ...SUPPORT_NEED, schoolStage: 'primary', ...STAMP })
        .returning({ id: t.teacherSupportNeeds.id }),
    );
    const otherRound = await first(
      db
        .insert(t.teacherHonourRounds)
        .values({ name: '范围测试优秀班主任', year: 2022, level: 'city', quotas: { [OTHER]: 3 }, createdBy: 'test', createdAt: new Date() })
        .returning({ id: t.teacherHonourRounds.id }),
    );
    const [staffRow] = await db.select().from(t.teacherStaff).where(eq(t.teacherStaff.id, staff.id));
    const nomination = await first(
      db
        .insert(t.teacherNominations)
        .values({
          roundId: otherRound.id,
          staffId: staffRow!.id,
          schoolId: staffRow!.schoolId,
          unitCode: staffRow!.unitCode,
          idIndex: staffRow!.idIndex,
          name: staffRow!.name,
          deeds: NOMINATION_DEEDS,
          status: 'nominated',
          createdBy: 'test',
          createdAt: new Date(),
        })
        .returning({ id: t.teacherNominations.id }),
    );

    // 控辍保学: a case of another county's primary school.
    const dropoutCase = await first(
      db
        .insert(t.fundingDropoutCases)
        .values({
          schoolId: otherPrimary.id,
          unitCode: otherPrimary.unitCode,
          name: '外县学生',
          idIndex: 'd'.repeat(64),
          idCipher: 'v1.x.x.x',
          birthDate: '2011-05-12',
          grade: 'P5',
          reason: 'study_weariness',
          group: 'none',
          foundOn: '2022-11-01',
          status: 'suspected',
          createdBy: 'test',
          createdAt: new Date(),
          updatedAt: new Date(),
        })
        .returning({ id: t.fundingDropoutCases.id }),
    );

    Object.assign(foreign, {
      // 控辍保学与随迁子女
      dropoutCase: dropoutCase.id,
      trainingProject: otherProject.id,
      trainingRecord: trainingRecord.id,
      exchangePlan: exchangePlan.id,
      exchangeRecord: exchangeRecord.id,
      // 教师工资保障
      payReturn: payReturn.id,
      payRectification: payRectification.id,
      // 年度考核与教师资格定期注册
      appraisal: appraisal.id,
      programmePerson: programmePerson.id,
      supportNeed: otherNeed.id,
      honourRound: otherRound.id,
      nomination: nomination.id,
      // 学生资助
      aidFollowUp: aidFollowUp.id,
      aidStudent: aidStudent.id,
      aidCheck: aidCheck.id,
      enforcementCase: enforcementCase.id,
      enforcementFile: enforcementFile!.id,
      training: training.id,
      fiveItems: fiveItems.id,
      fundingProject: fundingProject.id,
      spending: spending.id,
      seatProject: seatProject.id,
      seatProjectFile: seatProjectFile!.id,
      ethics: ethics.id,
      staff: staff.id,
      fee: fee.id,
      puhui: puhui.id,
      licence: licence.id,
      privateInspection: privateInspection.id,
      conversion: conversion.id,
      conversionTeacher: conversionTeacher.id,
      unit: OTHER,
      lever: lever.id,
      school: school.id,
      hazard: hazard.id,
      hazardFile: hazardFile!.id,
      profile: profile.id,
      incident: incident.id,
      inspection: inspection.id,
      task: cityTask.id,
      report: cityReport.id,
      reportFile: reportFile!.id,
      milestone: milestone.id,
      instruction: instruction.id,
    });
  }, 180_000);
  afterAll(() => database?.close());

  it.each(idCases)('%s', async (name) => {
    const fixture = FIXTURES[name]!;
    const path = name.split(':')[0]!;
    const missingId = fixture.kind === 'unit' ? NO_UNIT : MISSING;
    const denied = async () =>
      (
        await database.db
          .select({ n: count() })
          .from(tables.auditLog)
          .where(and(eq(tables.auditLog.actor, COUNTY), eq(tables.auditLog.action, path), eq(tables.auditLog.result, 'denied')))
      )[0]!.n;
    const before = await denied();
    const missing = await comparable(await httpCall(database, cookie, path, fixture.input(missingId, own)));
    const outOfScope = await comparable(await httpCall(database, cookie, path, fixture.input(foreign[fixture.kind], own)));
    expect(missing.status, missing.body).toBe(fixture.status);
    expect(outOfScope).toEqual(missing);
    // Both NOT_FOUNDs are refusals and each leaves one record; a list or a refused value leaves none.
    expect(await denied()).toBe(before + (fixture.status === 404 || fixture.status === 403 ? 2 : 0));
  });
});
