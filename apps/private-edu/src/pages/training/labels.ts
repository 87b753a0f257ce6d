import { computed } from 'vue';
import {
  FEE_SUPERVISION_LABELS,
  TRAINING_CATEGORY_LABELS,
  TRAINING_MODE_LABELS,
  TRAINING_NATURE_LABELS,
  TRAINING_STAFF_ROLE_LABELS,
  TRAINING_STAGE_LABELS,
  TRAINING_STATUS_LABELS,
  TRAINING_SUBTYPE_LABELS,
} from '@hyedu/domain/private-edu';
import { useLocaleStore } from '@hyedu/ui';

const EN = {
  category: { academic: 'Academic', non_academic: 'Non-academic' },
  subType: { sports: 'Sports', arts: 'Culture and arts', science: 'Science and technology', other: 'Other' },
  stage: { preschool: 'Pre-school', compulsory: 'Compulsory', senior: 'Senior high' },
  mode: { offline: 'On site', online: 'Online' },
  nature: { for_profit: 'For-profit', non_profit: 'Non-profit' },
  status: { operating: 'Operating', suspended: 'Suspended', deregistered: 'Deregistered' },
  fee: { bank_custody: 'Bank custody', risk_deposit: 'Risk deposit', none: 'Not supervised' },
  role: { teacher: 'Teaching', other: 'Other' },
} as const;
const ZH = {
  category: TRAINING_CATEGORY_LABELS,
  subType: TRAINING_SUBTYPE_LABELS,
  stage: TRAINING_STAGE_LABELS,
  mode: TRAINING_MODE_LABELS,
  nature: TRAINING_NATURE_LABELS,
  status: TRAINING_STATUS_LABELS,
  fee: FEE_SUPERVISION_LABELS,
  role: TRAINING_STAFF_ROLE_LABELS,
};

/** The register's enumerations in the page's language (Chinese from the domain's labels). */
export function useTrainingLabels() {
  const locale = useLocaleStore();
  const words = computed(() => (locale.locale === 'en-US' ? EN : ZH));
  const lang = computed(() => (locale.locale === 'en-US' ? 'en' : 'zh'));
  /** The label of one value of an enumeration. */
  const label = <K extends keyof typeof EN>(kind: K, value: keyof (typeof EN)[K]) =>
    (words.value[kind] as Record<string, string>)[value as string] ?? String(value);
  /** An enumeration's choices for a select. */
  const options = <K extends keyof typeof EN>(kind: K) =>
    Object.keys(EN[kind]).map((value) => ({ value, label: (words.value[kind] as Record<string, string>)[value]! }));
  return { label, options, lang };
}
