import { describe, expect, it } from 'vitest';
import { REPORT_REVIEW } from '../plan/progress.ts';
import { PROFILE_REVIEW } from '../safety/compliance.ts';
import { HAZARD_WORKFLOW } from '../safety/hazards.ts';
import { inboxRules, whoseTurn } from './inbox.ts';
import { stepViews } from './present.ts';

describe('inbox rules read from the workflows', () => {
  it('hazards: the school rectifies once a deadline is set, the county sets missing deadlines and accepts', () => {
    expect(inboxRules(HAZARD_WORKFLOW, 'school')).toEqual([
      { state: 'pending', missing: [], filled: ['deadline'], steps: ['start'], notBySubmitter: false },
      { state: 'rectifying', missing: [], filled: [], steps: ['submit'], notBySubmitter: false },
    ]);
    expect(inboxRules(HAZARD_WORKFLOW, 'county')).toEqual([
      { state: 'pending', missing: ['deadline'], filled: [], steps: ['set_deadline'], notBySubmitter: false },
      { state: 'awaiting_acceptance', missing: [], filled: [], steps: ['return', 'close'], notBySubmitter: true },
    ]);
    // The city may act on any hazard, but none awaits it: it is the county's turn.
    expect(inboxRules(HAZARD_WORKFLOW, 'city')).toEqual([]);
  });

  it('reviews: the county verifies profiles, the school corrects returned ones; the city reviews reports', () => {
    expect(inboxRules(PROFILE_REVIEW, 'county')).toEqual([
      { state: 'submitted', missing: [], filled: [], steps: ['review', 'return'], notBySubmitter: false },
    ]);
    expect(inboxRules(PROFILE_REVIEW, 'school')).toEqual([
      { state: 'returned', missing: [], filled: [], steps: ['submit'], notBySubmitter: false },
    ]);
    expect(inboxRules(REPORT_REVIEW, 'city')).toEqual([
      { state: 'submitted', missing: [], filled: [], steps: ['review', 'return'], notBySubmitter: false },
      { state: 'returned', missing: [], filled: [], steps: ['submit'], notBySubmitter: false },
    ]);
    expect(inboxRules(REPORT_REVIEW, 'county')).toEqual([
      { state: 'returned', missing: [], filled: [], steps: ['submit'], notBySubmitter: false },
    ]);
  });

  it('orders the buttons: moving on, sending back, then steps that keep the state', () => {
    expect(stepViews(HAZARD_WORKFLOW, ['set_deadline', 'return', 'close']).map((s) => [s.step, s.kind])).toEqual([
      ['close', 'primary'],
      ['return', 'danger'],
      ['set_deadline', 'default'],
    ]);
    expect(stepViews(HAZARD_WORKFLOW, ['submit'])[0]).toMatchObject({ reason: false, evidence: { slot: 'after' } });
  });
});

describe('whose turn a record is', () => {
  it('names the level and its steps, from the same rules as the inbox', () => {
    expect(whoseTurn(HAZARD_WORKFLOW, 'pending', { deadline: null })).toEqual([{ level: 'county', steps: ['set_deadline'] }]);
    expect(whoseTurn(HAZARD_WORKFLOW, 'pending', { deadline: '2022-06-30' })).toEqual([{ level: 'school', steps: ['start'] }]);
    expect(whoseTurn(HAZARD_WORKFLOW, 'awaiting_acceptance')).toEqual([{ level: 'county', steps: ['return', 'close'] }]);
    expect(whoseTurn(HAZARD_WORKFLOW, 'closed')).toEqual([]);
  });
});
