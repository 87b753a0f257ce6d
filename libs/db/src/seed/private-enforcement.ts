import { createHash } from 'node:crypto';
import { ne } from 'drizzle-orm';
import { orgCodeCheckChar, usccCheckChar } from '@hyedu/domain';
import {
  addMonths,
  COVERT_FORM_LABELS,
  CovertForm,
  type CaseSource,
  type DecisionType,
  type EnforcementStatus,
  type ViolationType,
} from '@hyedu/domain/private-edu';
import type { Tx } from '../audit.ts';
import { attachments, orgUnits, privateEnforcementCases } from '../schema/index.ts';
import { blockPng } from './funding-named.ts';
import { createRng, type Rng } from './prng.ts';

const SEEDER = 'demo-seed';
/** The year of cases: 线索 from 2021-12-01 to the demo's business day. */
const FIRST = '2021-12-01';
const LAST = '2022-11-30';
/** Cases per county at scale 1 (about 470 in the city); never fewer than one per state. */
const PER_COUNTY = 36;
const STATES: readonly EnforcementStatus[] = [
  'clue',
  'verifying',
  'investigating',
  'notified',
  'decided',
  'executed',
  'closed',
  'not_filed',
];

const day = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const span = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
const at = (date: string) => new Date(`${date}T10:00:00+08:00`);

const NAMES = ['启智', '博学', '英才', '思源', '明德', '睿思', '优学', '领航', '新航', '乐学', '卓越', '育才', '书香', '星辰', '智远'];
const KINDS = ['教育咨询工作室', '文化传播有限公司', '托管中心', '自习室', '研学旅行社', '家政服务有限公司', '艺术培训中心'];
const STREETS = ['人民路', '解放路', '建设路', '文化路', '新华路', '光明路', '学府路', '育才路'];
const SUMMARIES: Record<ViolationType, string> = {
  unlicensed: '未取得办学许可证，在居民楼内招收中小学生开展学科类培训',
  ahead_of_standard: '使用超出国家课程标准的教材，提前教授下一学年数学内容',
  off_time: '利用周末和暑假组织义务教育阶段学生开展学科类集中培训',
  covert: '以非学科名义变相开展学科类培训',
  prepayment: '一次性收取超过3个月或60课时的培训费用',
};
const RESULTS: Record<DecisionType, string> = {
  warning: '已送达警告决定书',
  fine: '当事人已缴纳罚款',
  confiscation: '违法所得已没收上缴国库',
  stop_enrolment: '已停止招收学员',
  stop_operation: '已停止办学，学员已妥善分流',
  revoke_licence: '许可证件已收回注销',
  restrict_practice: '已纳入限制从业名单',
};

/** A valid 统一社会信用代码 of a company registered in the unit (check characters computed). */
function usccOf(unitCode: string, n: number): string {
  const org8 = `MA${String(n).padStart(6, '0')}`;
  const first17 = `91${unitCode}${org8}${orgCodeCheckChar(org8)}`;
  return first17 + usccCheckChar(first17);
}

/** The violation, its covert form and its decision, drawn for one case. */
function facts(rng: Rng) {
  const violation = rng.weighted<ViolationType>([
    ['unlicensed', 35],
    ['covert', 25],
    ['off_time', 20],
    ['ahead_of_standard', 10],
    ['prepayment', 10],
  ]);
  const covertForm = violation === 'covert' ? rng.pick(CovertForm.options) : null;
  const source = rng.weighted<CaseSource>([
    ['report', 45],
    ['patrol', 25],
    ['grid', 20],
    ['platform', 10],
  ]);
  const penalties: DecisionType[] =
    violation === 'unlicensed'
      ? ['stop_operation', ...(rng.chance(0.6) ? (['fine'] as const) : []), ...(rng.chance(0.3) ? (['confiscation'] as const) : [])]
      : rng.chance(0.5)
        ? ['warning']
        : ['warning', 'fine', ...(rng.chance(0.2) ? (['stop_enrolment'] as const) : [])];
  return { violation, covertForm, source, penalties };
}

/**
 * 校外培训执法案件 for a year (线索 from 2021-12-01 to 2022-11-30) in every county: the first eight of each county one in
 * each state, the rest closed or not opened when their 线索 is old enough and open otherwise, so some are overdue by
 * the bureau's stage deadlines; the cases past 调查取证 carry one evidence photo each. Deterministic for a seed.
 */
export async function seedPrivateEnforcement(tx: Tx, opts: { seed: number; scale: number }): Promise<number> {
  const units = await tx
    .select({ code: orgUnits.code, name: orgUnits.name })
    .from(orgUnits)
    .where(ne(orgUnits.kind, 'city'))
    .orderBy(orgUnits.code);
  const perCounty = Math.max(STATES.length, Math.round(PER_COUNTY * opts.scale));
  const rows: (typeof privateEnforcementCases.$inferInsert)[] = [];
  const withEvidence: number[] = [];
  for (const [u, unit] of units.entries()) {
    const rng = createRng(opts.seed + 7919 * (u + 1));
    const county = unit.name.replace(/(市|县|区)$/, '');
    for (let k = 0; k < perCounty; k++) {
      const f = facts(rng);
      const age = span(FIRST, LAST);
      // The state: one of each first; then by the 线索's age (old ones are done, recent ones under way).
      let clueOn = day(FIRST, rng.int(0, age));
      let status: EnforcementStatus;
      if (k < STATES.length) status = STATES[k]!;
      else {
        const old = span(clueOn, LAST);
        status =
          old > 150
            ? rng.chance(0.85)
              ? 'closed'
              : rng.chance(0.7)
                ? 'not_filed'
                : rng.pick(['investigating', 'decided', 'executed'] as const)
            : old > 30
              ? rng.pick(['investigating', 'notified', 'decided', 'executed', 'closed', 'closed', 'not_filed'] as const)
              : rng.pick(['clue', 'verifying', 'investigating', 'not_filed'] as const);
      }
      // The stages' gaps, then a 线索 early enough for every dated stage of its state to lie before the business day.
      const gaps = [rng.int(3, 20), rng.int(10, 40), rng.int(5, 20), rng.int(5, 30), rng.int(2, 20)];
      const reach = STATES.indexOf(status);
      const stages = status === 'not_filed' ? 0 : Math.max(0, Math.min(reach, 6) - 1);
      const last = gaps.slice(0, stages).reduce((a, g) => a + g, 0);
      if (status === 'clue' || status === 'verifying') clueOn = day(LAST, -rng.int(status === 'clue' ? 0 : 3, status === 'clue' ? 14 : 25));
      else if (clueOn > day(LAST, -last)) clueOn = day(LAST, -last - rng.int(0, 20));
      if (clueOn < FIRST) clueOn = FIRST;
      const filed = reach >= 2 && status !== 'not_filed';
      const filedOn = filed ? day(clueOn, gaps[0]!) : null;
      const notifiedOn = filed && reach >= 3 ? day(filedOn!, gaps[1]!) : null;
      const decidedOn = notifiedOn && reach >= 4 ? day(notifiedOn, gaps[2]!) : null;
      const executedOn = decidedOn && reach >= 5 ? day(decidedOn, gaps[3]!) : null;
      const closedOn = executedOn && status === 'closed' ? day(executedOn, gaps[4]!) : null;
      const n = rows.length + 1;
      const name = `${county}${rng.pick(NAMES)}${f.covertForm === 'housekeeping' ? '家政服务有限公司' : rng.pick(KINDS)}`;
      const prepaidFrom = f.violation === 'prepayment' ? day(clueOn, -rng.int(20, 60)) : null;
      const fine = f.penalties.includes('fine') ? rng.int(5, 100) * 1_000_00 : null;
      rows.push({
        unitCode: unit.code,
        handlerLevel: k === 2 && u % 3 === 0 ? 'city' : 'county',
        subjectName: name,
        subjectAddress: `${unit.name}${rng.pick(STREETS)}${rng.int(1, 300)}号${rng.chance(0.5) ? `${rng.int(1, 20)}栋${rng.int(1, 30)}0${rng.int(1, 4)}` : ''}`,
        uscc: f.violation === 'unlicensed' && rng.chance(0.7) ? null : usccOf(unit.code, n),
        violation: f.violation,
        covertForm: f.covertForm,
        clueSource: f.source,
        clueOn,
        summary: f.covertForm
          ? `以“${COVERT_FORM_LABELS[f.covertForm].zh}”形式${SUMMARIES.covert}（演示）`
          : `${SUMMARIES[f.violation]}（演示）`,
        prepaidFrom,
        prepaidTo: prepaidFrom ? day(addMonths(prepaidFrom, rng.chance(0.5) ? 6 : 3), rng.chance(0.5) ? 0 : 1) : null,
        prepaidLessons: prepaidFrom ? rng.int(61, 144) : null,
        prepaidAmount: prepaidFrom ? rng.int(60, 300) * 100_00 : null,
        status,
        filedOn,
        caseNo: filedOn ? `${county}教执立〔${filedOn.slice(0, 4)}〕${k + 1}号` : null,
        declineReason: status === 'not_filed' ? '经核查，未发现违规培训行为（演示）' : null,
        notifiedOn,
        hearingRequested: notifiedOn ? rng.chance(0.15) : null,
        representation: notifiedOn && rng.chance(0.3) ? '当事人提出陈述申辩，称已停止招生（演示）' : null,
        decidedOn,
        decisionNo: decidedOn ? `${county}教罚〔${decidedOn.slice(0, 4)}〕${k + 1}号` : null,
        penalties: decidedOn ? f.penalties : null,
        fineFen: decidedOn ? fine : null,
        confiscatedFen: decidedOn && f.penalties.includes('confiscation') ? rng.int(1, 50) * 1_000_00 : null,
        executedOn,
        executionResult: executedOn ? f.penalties.map((p) => RESULTS[p]).join('；') : null,
        closedOn,
        createdBy: SEEDER,
        createdAt: at(clueOn),
      });
      if (filed) withEvidence.push(rows.length - 1);
    }
  }
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 500)
    ids.push(
      ...(
        await tx
          .insert(privateEnforcementCases)
          .values(rows.slice(i, i + 500))
          .returning({ id: privateEnforcementCases.id })
      ).map((x) => x.id),
    );
  const photo = blockPng(96, 64, [120, 144, 156]);
  const sha256 = createHash('sha256').update(photo).digest('hex');
  const files = withEvidence.map((i) => ({
    ownerType: 'private_enforcement_case:evidence',
    ownerId: ids[i]!,
    fileName: '现场检查照片.png',
    mime: 'image/png',
    size: photo.length,
    sha256,
    content: photo,
    checked: true,
    uploadedBy: SEEDER,
    uploadedAt: at(rows[i]!.filedOn!),
  }));
  for (let i = 0; i < files.length; i += 500) await tx.insert(attachments).values(files.slice(i, i + 500));
  return rows.length;
}
