import {
  INCIDENT_STATUS_LABELS,
  INCIDENT_TYPE_LABELS,
  REPORT_STAGE_LABELS,
  type IncidentStatus,
  type IncidentType,
  type ReportStage,
} from '@hyedu/domain';
import { useLocaleStore } from '@hyedu/ui';

/** English names of the domain's incident enums (the domain holds the Chinese ones). */
const EN = {
  type: {
    drowning: 'Drowning',
    traffic: 'Traffic accident',
    fire: 'Fire',
    bullying: 'Bullying',
    violence: 'Violence',
    sexual_assault: 'Sexual assault',
    food_poisoning: 'Food poisoning',
    epidemic: 'Infectious disease',
    building: 'Building safety',
    accident: 'Accidental injury',
    other: 'Other',
  } satisfies Record<IncidentType, string>,
  status: { handling: 'Being handled', closed: 'Closed' } satisfies Record<IncidentStatus, string>,
  stage: {
    school_report: 'First report (school)',
    county_received: 'Received by the county',
    county_report: 'Reported to the city',
    city_received: 'Received by the city',
    follow_up: 'Follow-up',
    final_report: 'Final report',
  } satisfies Record<ReportStage, string>,
};

/** Labels of the incident enums in the shared locale. */
export function useIncidentLabels() {
  const locale = useLocaleStore();
  const en = () => locale.locale === 'en-US';
  return {
    type: (v: string) => (en() ? EN.type[v as IncidentType] : INCIDENT_TYPE_LABELS[v as IncidentType]) ?? v,
    status: (v: IncidentStatus) => (en() ? EN.status[v] : INCIDENT_STATUS_LABELS[v]),
    stage: (v: string) => (en() ? EN.stage[v as ReportStage] : REPORT_STAGE_LABELS[v as ReportStage]) ?? v,
  };
}
