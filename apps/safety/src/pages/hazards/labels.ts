import {
  HAZARD_CATEGORY_LABELS,
  HAZARD_SOURCE_LABELS,
  HAZARD_WORKFLOW,
  SEVERITY_LABELS,
  type HazardCategory,
  type HazardSource,
  type HazardStatus,
  type InspectionLevel,
  type Severity,
} from '@hyedu/domain';
import { useLocaleStore } from '@hyedu/ui';

/**
 * English names of the domain's hazard enums (the domain holds the Chinese ones, which the server also uses); the
 * statuses are the workflow's own labels in both languages.
 */
const EN = {
  severity: { ordinary: 'Ordinary', major: 'Major' } satisfies Record<Severity, string>,
  source: {
    self: 'School self-check',
    county: 'County inspection',
    city: 'City inspection',
    supervision: 'Supervision',
    report: 'Public report',
  } satisfies Record<HazardSource, string>,
  category: {
    school_bus: 'School bus',
    fire: 'Fire',
    drugs_aids: 'Drugs and AIDS',
    drowning: 'Drowning',
    sexual_assault: 'Sexual assault',
    bullying: 'Bullying',
    violence: 'Violence',
    traffic: 'Traffic',
    epidemic: 'Infectious disease',
    food_water: 'Food and drinking water',
    buildings: 'Buildings',
    surroundings: 'Surroundings',
    facilities: 'Facilities',
  } satisfies Record<HazardCategory, string>,
};

/** An inspection's level (排查层级) uses the words of the matching hazard source: 学校自查, 县区检查, 市局检查, 督导检查. */
export type { InspectionLevel };

/** Labels of the hazard enums in the shared locale. */
export function useHazardLabels() {
  const locale = useLocaleStore();
  const en = () => locale.locale === 'en-US';
  return {
    status: (s: HazardStatus) => HAZARD_WORKFLOW.stateLabels[s][en() ? 'en' : 'zh'],
    severity: (s: Severity) => (en() ? EN.severity[s] : SEVERITY_LABELS[s]),
    source: (s: HazardSource) => (en() ? EN.source[s] : HAZARD_SOURCE_LABELS[s]),
    category: (c: string) => (en() ? EN.category[c as HazardCategory] : HAZARD_CATEGORY_LABELS[c as HazardCategory]) ?? c,
    level: (l: InspectionLevel) => (en() ? EN.source[l] : HAZARD_SOURCE_LABELS[l]),
  };
}
