import { defineWorkflow } from '../workflow/workflow.ts';

// The declarations alone: the 待办 inbox's sources load them into every page's domain chunk, so no other rule sits here.
/**
 * A child on the 控辍保学 ledger (docs/domain/funding.md, *Dropout control*): a school (or its county) registers a
 * 疑似辍学 child; the county verifies — 核实排除 with a reason, or 确认辍学; every 劝返 attempt is recorded (date,
 * persons, result) and one that brings the child back is 劝返复学; the county then 销号 (动态销号). A child placed in
 * 送教上门 (the 一人一案 of special education) counts as enrolled, not as a dropout: 送教上门安置 ends the case. A child
 * who leaves again after returning goes back to 确认辍学 (再次辍学, with a reason). The county acts for its schools, the
 * city for the schools it runs directly (市直).
 */
export const DROPOUT_WORKFLOW = defineWorkflow({
  key: 'funding.dropout',
  noun: { zh: '控辍保学台账', en: 'dropout case' },
  states: ['suspected', 'cleared', 'confirmed', 'persuading', 'returned', 'home_taught', 'closed'],
  stateLabels: {
    suspected: { zh: '疑似辍学', en: 'Suspected' },
    cleared: { zh: '已排除', en: 'Cleared' },
    confirmed: { zh: '确认辍学', en: 'Confirmed dropout' },
    persuading: { zh: '劝返中', en: 'Persuasion under way' },
    returned: { zh: '已复学', en: 'Back at school' },
    home_taught: { zh: '送教上门', en: 'Home teaching' },
    closed: { zh: '已销号', en: 'Closed' },
  },
  initial: 'suspected',
  turn: {
    suspected: ['county', 'city'],
    cleared: [],
    confirmed: ['school', 'county', 'city'],
    persuading: ['school', 'county', 'city'],
    returned: ['county', 'city'],
    home_taught: [],
    closed: [],
  },
  steps: {
    confirm: { label: { zh: '确认辍学', en: 'Confirm dropout' }, from: ['suspected'], to: 'confirmed', by: ['county', 'city'] },
    clear: { label: { zh: '核实排除', en: 'Clear' }, from: ['suspected'], to: 'cleared', by: ['county', 'city'], reason: true },
    persuade: {
      label: { zh: '记录劝返', en: 'Record persuasion' },
      from: ['confirmed', 'persuading'],
      to: 'persuading',
      by: ['school', 'county', 'city'],
    },
    return: {
      label: { zh: '劝返复学', en: 'Back at school' },
      from: ['confirmed', 'persuading'],
      to: 'returned',
      by: ['school', 'county', 'city'],
    },
    homeTeach: {
      label: { zh: '送教上门安置', en: 'Place in home teaching' },
      from: ['suspected', 'confirmed', 'persuading'],
      to: 'home_taught',
      by: ['county', 'city'],
    },
    close: { label: { zh: '销号', en: 'Close' }, from: ['returned'], to: 'closed', by: ['county', 'city'] },
    relapse: {
      label: { zh: '再次辍学', en: 'Left again' },
      from: ['returned'],
      to: 'confirmed',
      by: ['school', 'county', 'city'],
      reason: true,
      corrective: true,
    },
  },
});

/**
 * 控辍保学 returns, a reminder rather than a case: 学校一月一报告 (each school teaching compulsory grades, every month)
 * and 县区一季度一复核 (each county-level unit, every quarter). The states are a period's standing for the filer
 * (`returnStanding`): due within the reminder window, or past its due date without a return. A county (the city for
 * 市直 schools) is reminded of its schools' missing monthly returns, one reminder per month with the count; the city of
 * the counties' missing quarterly reviews, one per quarter with the count.
 */
export const DROPOUT_RETURN_REMINDER = defineWorkflow({
  key: 'funding.dropoutReturn',
  noun: { zh: '控辍保学报告', en: 'dropout return' },
  states: ['dueSoon', 'overdue'],
  stateLabels: {
    dueSoon: { zh: '即将到期', en: 'Due soon' },
    overdue: { zh: '逾期未报', en: 'Overdue' },
  },
  initial: 'dueSoon',
  turn: { dueSoon: ['school', 'county', 'city'], overdue: ['school', 'county', 'city'] },
  steps: {
    fileMonthly: { label: { zh: '报送月报告', en: 'File the monthly return' }, from: ['dueSoon', 'overdue'], by: ['school'] },
    fileQuarterly: { label: { zh: '报送季度复核', en: 'File the quarterly review' }, from: ['dueSoon', 'overdue'], by: ['county'] },
    urge: { label: { zh: '督促学校报送', en: 'Remind the schools' }, from: ['dueSoon', 'overdue'], by: ['county', 'city'] },
    urgeCounties: {
      label: { zh: '督促县市区复核', en: 'Remind the counties' },
      from: ['dueSoon', 'overdue'],
      by: ['city'],
    },
  },
});
