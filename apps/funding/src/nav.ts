import type { NavGroup } from '@hyedu/web';
import type { useMessages } from './messages.ts';

type T = ReturnType<typeof useMessages>;

/**
 * The module's pages in groups (ModuleNav): the funding base and the two no-decrease rule, school places, dropout
 * control with the migrant children, student aid, and its payments with the funds and the spot checks. Record pages select their list's link; the aid
 * settings sit under the aid overview, which links to them.
 */
export function fundingNav(t: T): NavGroup[] {
  return [
    {
      key: 'funds',
      label: t('groupFunds'),
      pages: [
        { route: 'funding:home', label: t('home'), test: 'tab-home' },
        { route: 'funding:spending-rule', label: t('spendingRule'), test: 'tab-spending-rule' },
        { route: 'funding:spending', label: t('spending'), test: 'tab-spending', also: ['funding:spending-return'] },
      ],
    },
    {
      key: 'seats',
      label: t('groupSeats'),
      pages: [
        { route: 'funding:projects', label: t('projectsTab'), test: 'tab-projects', also: ['funding:project'] },
        { route: 'funding:allocation', label: t('allocationTab'), test: 'tab-allocation' },
        { route: 'funding:named', label: t('named'), test: 'tab-named' },
      ],
    },
    {
      key: 'dropout',
      label: t('dropouts'),
      pages: [
        { route: 'funding:dropouts', label: t('dropoutLedgerTab'), test: 'tab-dropouts', also: ['funding:dropout'] },
        { route: 'funding:dropout-returns', label: t('dropoutReturnsTab'), test: 'tab-dropout-returns' },
        { route: 'funding:migrant', label: t('migrant'), test: 'tab-migrant' },
      ],
    },
    {
      key: 'aid',
      label: t('groupAid'),
      pages: [
        { route: 'funding:aid', label: t('aidTab'), test: 'tab-aid', also: ['funding:aid-settings'] },
        { route: 'funding:aid-unaided', label: t('aidUnaidedTab'), test: 'tab-aid-unaided', also: ['funding:aid-follow-up'] },
        { route: 'funding:aid-unmatched', label: t('aidUnmatchedTab'), test: 'tab-aid-unmatched' },
      ],
    },
    {
      key: 'aid-payments',
      label: t('groupAidPayments'),
      pages: [
        { route: 'funding:aid-payments', label: t('aidPaymentsTab'), test: 'tab-aid-payments' },
        { route: 'funding:aid-funds', label: t('aidFundsTab'), test: 'tab-aid-funds' },
        { route: 'funding:aid-checks', label: t('aidChecksTab'), test: 'tab-aid-checks', also: ['funding:aid-check'] },
      ],
    },
  ];
}
