import { defineWorkflow } from '../workflow/workflow.ts';

// The reminder's declaration alone (the 待办 inbox's sources load it into every page's domain chunk).
/**
 * 定期注册提醒: a school's teachers whose registration is due within the reminder window or overdue. The school
 * applies (申请定期注册), the county — the city for 市直 schools — registers (办理定期注册). Not a case: the states are
 * the teachers' standings (`registrationStanding`), one reminder per school with the count.
 */
export const REGISTRATION_REMINDER = defineWorkflow({
  key: 'teachers.registration',
  noun: { zh: '教师资格定期注册', en: 'certificate registration' },
  states: ['dueSoon', 'overdue'],
  stateLabels: {
    dueSoon: { zh: '即将到期', en: 'Due soon' },
    overdue: { zh: '逾期未注册', en: 'Overdue' },
  },
  initial: 'dueSoon',
  turn: { dueSoon: ['school', 'county', 'city'], overdue: ['school', 'county', 'city'] },
  steps: {
    apply: { label: { zh: '申请定期注册', en: 'Apply for registration' }, from: ['dueSoon', 'overdue'], by: ['school'] },
    register: { label: { zh: '办理定期注册', en: 'Register' }, from: ['dueSoon', 'overdue'], by: ['county', 'city'] },
  },
});
