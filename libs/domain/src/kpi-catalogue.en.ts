/**
 * English title and formula of each KPI of the catalogue (kpi-catalogue.ts), for the portal's English mode. The plan
 * phrase a city's KPI quotes stays in the plan's language: it is the plan's own text.
 */
import { HAZARD_ACCEPTANCE_DAYS } from './safety/hazards.ts';

export const KPI_CATALOGUE_EN: Readonly<Record<string, { title: string; formula: string }>> = {
  'safety.compliance': {
    title: 'Schools meeting all of the "four 100%" security standards',
    formula: 'Schools meeting all four standards ÷ all schools',
  },
  'safety.guards': {
    title: 'Schools with the required full-time security guards',
    formula: 'Schools whose full-time guards meet the staffing standard ÷ all schools (as verified by the county for this term)',
  },
  'safety.closed': { title: 'Schools under closed-campus management', formula: 'Schools under closed-campus management ÷ all schools' },
  'safety.alarm': {
    title: 'Schools with one-touch alarm and video surveillance linked to the police',
    formula: 'Schools whose one-touch alarm is linked to 110 and whose video surveillance is linked to the police ÷ all schools',
  },
  'safety.fourth': {
    title: 'Schools meeting the fourth standard (school-gate guard posts / anti-ramming barriers)',
    formula:
      'Schools meeting the fourth standard (as the bureau sets it: guard posts or hard anti-ramming barriers) ÷ schools it applies to',
  },
  'safety.hazard-closure': {
    title: 'Safety hazards rectified and closed',
    formula: 'Closed hazards ÷ all registered hazards (cumulative register)',
  },
  'safety.hazards-overdue': {
    title: 'Hazards schools left past their rectification deadline',
    formula:
      'Hazards past their deadline that the school has not yet submitted for acceptance (to rectify, rectifying); those awaiting acceptance are not counted',
  },
  'safety.acceptance-overdue': {
    title: 'Hazards counties left unaccepted past the time limit',
    formula: `Hazards awaiting acceptance more than ${HAZARD_ACCEPTANCE_DAYS} days after the school submitted them (a time limit set by the bureau)`,
  },
  'safety.major-hazards-open': { title: 'Open major hazards', formula: 'Hazards of severity "major" that are not closed' },
  'safety.campaign-coverage': {
    title: 'Schools covered by the special safety education campaigns',
    formula:
      'Schools that ran every campaign that applies to them in the last 12 months (school buses, fire, drugs and HIV, drowning, sexual abuse, bullying, violence, traffic; school-bus safety only where the school runs buses) ÷ all schools',
  },
  'safety.incidents': {
    title: 'Campus safety incidents with casualties',
    formula: 'Safety incidents in the last 12 months with a death or injury (by type in the safety module)',
  },
  'private.gongcanmin-converted': {
    title: 'Public-private partnership schools converted to public schools',
    formula: 'Partnership schools whose case reached completion with conversion to public ÷ all such schools',
  },
  'private.compulsory-share': {
    title: 'Share of compulsory-education pupils in private schools',
    formula:
      'Compulsory-education pupils in private schools ÷ all compulsory-education pupils, from the latest start-of-year census (seats bought by the government per the counting rule); beside it the share projected after the done and planned levers',
  },
  'private.teachers-placed': {
    title: 'Teachers of public-private partnership schools placed',
    formula: 'Affected teachers placed ÷ all teachers affected by the conversion cases',
  },
  'private.inspection-participation': {
    title: 'Private schools taking part in the annual inspection',
    formula: 'Private schools that submitted their materials this year ÷ all private schools (kindergartens included)',
  },
  'private.inspection-pass-rate': {
    title: 'Private schools passing the annual inspection',
    formula: 'Schools graded this year with a grade that is not failing ÷ schools graded this year',
  },
  'private.puhui-coverage': {
    title: 'Inclusive kindergarten coverage',
    formula:
      'Children in public kindergartens + children in recognised inclusive private kindergartens ÷ all kindergarten children (latest start-of-year census; recognitions in force on 1 September)',
  },
  'private.preschool-gross-enrolment': {
    title: 'Gross pre-school enrolment rate (3 years)',
    formula:
      'All kindergarten children (latest start-of-year census, every ownership) ÷ the resident population aged 3–5 entered by the county for that school year; no data where none is entered',
  },
  // 校外培训机构
  'private.subject-reduction': {
    title: 'Reduction of academic tutoring institutions',
    formula:
      '(Academic tutoring institutions on the base date − those now) ÷ those on the base date (base date 24 July 2021 unless set otherwise)',
  },
  'private.platform-onboarding': {
    title: 'Tutoring institutions on the national supervision platform',
    formula:
      'Institutions approved here and not deregistered that appear on the national platform’s list ÷ institutions approved here and not deregistered',
  },
  'private.fee-supervision': {
    title: 'Prepaid-fee supervision coverage of tutoring institutions',
    formula:
      'Institutions on the national platform’s list under fee supervision (bank custody or risk deposit) ÷ institutions on the list (last import)',
  },
  'private.five-items-compliance': {
    title: 'Schools meeting the five-items norms',
    formula:
      'Schools whose accepted five-items return for the latest term past its due date meets every norm ÷ schools with compulsory grades (public and private)',
  },
  'funding.seats-delivered': { title: 'New school places delivered', formula: 'Sum of new school places in use' },
  'funding.named-on-schedule': {
    title: 'Named capital projects on schedule',
    formula: 'Projects named in the work priorities that are on schedule or in use ÷ named projects',
  },
  'funding.two-no-decrease': {
    title: 'Counties keeping both education spending figures from falling',
    formula: 'Counties whose general-budget education spending and spending per pupil are both no lower than last year ÷ all counties',
  },
  'funding.aid-coverage': {
    title: 'Aid coverage of pupils from registered poor and other hardship families',
    formula: 'Such pupils receiving aid ÷ such pupils enrolled',
  },
  'funding.aid-unaided': {
    title: 'Eligible pupils not yet aided',
    formula: 'Listed pupils within the 100% target not aided this semester and not closed',
  },
  'funding.dropouts': { title: 'Compulsory-education dropouts', formula: 'Confirmed dropouts not yet brought back to school' },
  // 控辍保学与随迁子女
  'funding.dropout-return-rate': {
    title: 'Dropouts brought back',
    formula: 'Confirmed dropouts back at school (closed included) or placed in home teaching / all confirmed dropouts (whole ledger)',
  },
  'funding.migrant-public-share': {
    title: 'Migrant children in public schools',
    formula:
      'Migrant children in compulsory education at public schools (bought seats included) this school year / all such children (county figures)',
  },
  'teachers.ethics-cases': {
    title: 'Teacher misconduct cases concluded',
    formula: 'Misconduct cases concluded (closed or not filed) ÷ cases accepted',
  },
  'teachers.ethics-days': {
    title: 'Average days to conclude a misconduct case',
    formula: 'Days from the clue to closure (or not filing), summed over concluded cases ÷ concluded cases',
  },
  'teachers.blacklist': {
    title: 'People on the teacher misconduct blacklist',
    formula: 'Blacklist entries standing today and not lifted (counted at the school of the deciding case)',
  },
  'teachers.admission-checks': {
    title: 'Staff admission checks on record',
    formula: 'Staff in post whose hire or transfer carries a clear background check ÷ staff in post',
  },
  'teachers.staff-completeness': {
    title: 'Staff records complete',
    formula: "Staff in post with every required field (a teacher's certificate and subject; the national system id) ÷ staff in post",
  },
  'teachers.training-completion': {
    title: 'Teacher training completed',
    formula: 'Teachers who completed training ÷ teachers planned to attend',
  },
  'teachers.it-capability': {
    title: 'Teachers meeting the IT application capability 2.0 hours',
    formula: 'Teachers in post with at least 50 hours of IT capability 2.0 training over three years ÷ teachers in post',
  },
  'teachers.registration-overdue': {
    title: 'Teachers overdue for certificate re-registration',
    formula: 'Teachers in post whose five-year registration period has ended without re-registration',
  },
  'teachers.over-quota-schools': {
    title: 'Public schools over their staffing quota',
    formula: 'Public schools whose staff on the establishment exceed the approved establishment',
  },
  'teachers.vacancy-contract': {
    title: 'Contract teachers beside vacant quota posts',
    formula:
      "Σ over public schools of the smaller of the school's vacant quota posts and its teachers outside the quota (special-post, contract, substitute)",
  },
  'teachers.exchange-rate': {
    title: 'Teacher exchange under county management',
    formula: 'Teachers of urban and high-quality schools who exchanged this school year ÷ the eligible teachers of those schools',
  },
  'teachers.exchange-backbone': {
    title: 'Backbone teachers among those exchanged',
    formula: 'Backbone teachers among the exchanged ÷ teachers exchanged this school year',
  },
  'teachers.programme-arrival': {
    title: 'Programme teachers arrived',
    formula: "Teachers of the year's programmes (special posts, excellent-teacher plan, publicly funded, silver-age) arrived ÷ planned",
  },
  'teachers.wage-guarantee': {
    title: 'Counties where teachers earn no less than civil servants',
    formula: "Counties where compulsory-education teachers' average pay is no lower than local civil servants' ÷ all counties",
  },
  // 校外培训执法案件
  'private.enforcement-closed': {
    title: 'Off-campus training enforcement cases closed',
    formula: 'Cases opened in the year that are closed ÷ cases opened in the year',
  },
  'private.enforcement-days': {
    title: 'Average days to close an off-campus training enforcement case',
    formula: 'Days from opening to closing, summed over the cases closed in the year ÷ those cases',
  },
};

/** A KPI's title and formula in the given locale (the Chinese definition when no English is known). */
export function kpiText(def: { id: string; title: string; formula: string }, locale: string): { title: string; formula: string } {
  return (locale === 'en-US' && KPI_CATALOGUE_EN[def.id]) || { title: def.title, formula: def.formula };
}
