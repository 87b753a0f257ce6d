import {
  MILESTONE_STATE_LABELS,
  PROGRESS_STATUS_LABELS,
  REVIEW_STATE_LABELS,
  type MilestoneState,
  type ProgressStatus,
  type ReviewState,
} from '@hyedu/domain';
import { useLocaleStore } from '@hyedu/ui';

const MILESTONE_EN: Record<MilestoneState, string> = {
  done: 'Done',
  overdue: 'Overdue',
  due_this_week: 'Due this week',
  upcoming: 'Upcoming',
};
const PROGRESS_EN: Record<ProgressStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  done: 'Done',
  behind: 'Behind',
  at_risk: 'At risk',
};
const REVIEW_EN: Record<ReviewState, string> = { submitted: 'To review', reviewed: 'Reviewed', returned: 'Returned' };

/** The plan's state names (milestones, a report's progress and review) in the shared locale: the domain's Chinese, or English. */
export function usePlanLabels() {
  const store = useLocaleStore();
  const en = () => store.locale === 'en-US';
  return {
    milestone: (s: MilestoneState) => (en() ? MILESTONE_EN[s] : MILESTONE_STATE_LABELS[s]),
    progress: (s: ProgressStatus) => (en() ? PROGRESS_EN[s] : PROGRESS_STATUS_LABELS[s]),
    review: (s: ReviewState) => (en() ? REVIEW_EN[s] : REVIEW_STATE_LABELS[s]),
  };
}
