import type { NavGroup } from '@hyedu/web';
import type { useMessages } from './messages.ts';

type T = ReturnType<typeof useMessages>;

/**
 * The module's pages in groups (ModuleNav): the registry and its quotas, training, appraisal and registration, exchange,
 * pay, the supply programmes, support teaching and honours, and 师德 — the last only for accounts granted the ethics
 * area (the county's ethics role, the city's 科室; the server refuses the rest). Record pages select their list's link.
 */
export function teachersNav(t: T, ethics: boolean): NavGroup[] {
  const groups: NavGroup[] = [
    {
      key: 'staff',
      label: t('groupStaff'),
      pages: [
        { route: 'teachers:home', label: t('home'), test: 'tab-home' },
        { route: 'teachers:schools', label: t('schoolsTab'), test: 'tab-schools' },
        { route: 'teachers:staffing', label: t('staffingTab'), test: 'tab-staffing' },
        { route: 'teachers:staff', label: t('staffTab'), test: 'tab-staff' },
      ],
    },
    {
      key: 'training',
      label: t('groupTraining'),
      pages: [
        { route: 'teachers:training', label: t('trainingTab'), test: 'tab-training' },
        { route: 'teachers:training-records', label: t('trainingRecordsTab'), test: 'tab-training-records' },
        { route: 'teachers:it-capability', label: t('itCapabilityTab'), test: 'tab-it-capability' },
      ],
    },
    {
      key: 'appraisal',
      label: t('groupAppraisal'),
      pages: [
        { route: 'teachers:appraisal', label: t('appraisalTab'), test: 'tab-appraisal' },
        { route: 'teachers:registration', label: t('registrationTab'), test: 'tab-registration' },
      ],
    },
    {
      key: 'exchange',
      label: t('exchangeTab'),
      pages: [
        {
          route: 'teachers:exchange',
          label: t('exchangeTab'),
          test: 'tab-exchange',
          also: ['teachers:exchange-plan', 'teachers:exchange-summary', 'teachers:exchange-designations'],
        },
      ],
    },
    {
      key: 'pay',
      label: t('payTab'),
      pages: [
        {
          route: 'teachers:pay',
          label: t('payTab'),
          test: 'tab-pay',
          also: ['teachers:pay-return', 'teachers:pay-rectifications', 'teachers:pay-rectification'],
        },
      ],
    },
    {
      key: 'programmes',
      label: t('groupProgrammes'),
      pages: [{ route: 'teachers:programmes', label: t('programmesTab'), test: 'tab-programmes', also: ['teachers:programme-persons'] }],
    },
    {
      key: 'support',
      label: t('groupSupport'),
      pages: [
        { route: 'teachers:support', label: t('supportTab'), test: 'tab-support', also: ['teachers:support-need'] },
        { route: 'teachers:support-dispatches', label: t('dispatchesTab'), test: 'tab-dispatches' },
        { route: 'teachers:honours', label: t('honoursTab'), test: 'tab-honours', also: ['teachers:honour-round'] },
      ],
    },
  ];
  if (ethics)
    groups.push({
      key: 'ethics',
      label: t('groupEthics'),
      pages: [
        { route: 'teachers:ethics', label: t('ethicsTab'), test: 'tab-ethics', also: ['teachers:ethics-case'] },
        { route: 'teachers:blacklist', label: t('blacklistTab'), test: 'tab-blacklist' },
      ],
    });
  return groups;
}
