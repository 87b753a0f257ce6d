import { defineWorkflow, type ActorLevel } from '@hyedu/domain';
import { MILESTONE_LABELS, MILESTONES } from '@hyedu/domain/funding';

const BY: readonly ActorLevel[] = ['county', 'city'];

/**
 * How a project's history reads: its audit records as a timeline whose one step is 记录项目节点, moving the project's
 * stage (`projectStage`) from one milestone to the next. A project has no case workflow; this declaration only names
 * the stages and the step for the kit's history card.
 */
export const PROJECT_HISTORY = defineWorkflow({
  key: 'funding.projects',
  noun: { zh: '学位建设项目', en: 'School-place project' },
  states: MILESTONES,
  stateLabels: MILESTONE_LABELS,
  initial: 'approved',
  turn: { approved: BY, started: BY, topped_out: BY, accepted: BY, in_use: [] },
  steps: { reach: { label: { zh: '记录项目节点', en: 'Record a milestone' }, from: MILESTONES, by: BY } },
});
