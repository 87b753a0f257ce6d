import { VueQueryPlugin } from '@tanstack/vue-query';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { indicatorsMet, PROFILE_REVIEW, requiredGuards, type SafetyProfile } from '@hyedu/domain';
import { preloadComponents } from '@hyedu/ui';
import type { RouterOutputs } from '@hyedu/web';
import ProfilesTable from './ProfilesTable.vue';

type Row = RouterOutputs['safety']['profiles']['list']['rows'][number];
const facts: SafetyProfile = {
  students: 900,
  staff: 70,
  isBoarding: false,
  fulltimeGuards: 1,
  closedManagement: true,
  alarmLinked110: true,
  videoLinkedPolice: false,
  guardPost: true,
  antiRam: null,
};
const school = { unitCode: '430422', unitName: '衡南县', level: 'primary' as const, isBoarding: false };
const reported: Row = {
  ...school,
  schoolId: 1,
  schoolCode: '2143000001',
  schoolName: '衡南县示例小学',
  profile: {
    id: 7,
    schoolId: 1,
    unitCode: '430422',
    term: '2022-2023-1',
    ...facts,
    evidenceDate: '2022-09-15',
    review: 'submitted',
    returnReason: null,
    submittedBy: 'school',
    submittedAt: '2022-09-16T02:00:00.000Z',
    reviewedBy: null,
    reviewedAt: null,
    version: 1,
  } as Row['profile'],
  requiredGuards: requiredGuards(facts),
  met: indicatorsMet(facts, 'guard_post'),
  allowed: [],
};
const missing: Row = {
  ...school,
  schoolId: 2,
  schoolCode: '2143000002',
  schoolName: '衡南县第二小学',
  profile: null,
  requiredGuards: null,
  met: null,
  allowed: [],
};

/** The rows as the server sends them to a county (may review), a school (may enter) or leadership (neither). */
const asSeenBy = (props: { canEnter: boolean; canReview: boolean }) =>
  [reported, missing].map((r) => ({
    ...r,
    allowed: props.canEnter
      ? PROFILE_REVIEW.allowed(r.profile ? { state: r.profile.review, submittedBy: r.profile.submittedBy } : null, {
          level: props.canReview ? 'county' : 'school',
          username: 'someone',
        })
      : [],
  }));
function render(props: { canEnter: boolean; canReview: boolean }) {
  return mount(ProfilesTable, {
    props: {
      rows: asSeenBy(props),
      fourth: 'guard_post',
      units: [{ code: '430422', name: '衡南县', kind: 'county' }],
      loading: false,
      showUnit: true,
      ...props,
    },
    global: { plugins: [VueQueryPlugin] },
    attachTo: document.body,
  });
}
const rowText = (w: ReturnType<typeof render>, i: number) => w.findAll('.el-table__body tbody tr')[i]!.text();

describe('the school list of the 4个100% page', () => {
  // The table's code is fetched on first use; fetched beforehand here so the first render already shows it.
  beforeAll(preloadComponents);
  beforeEach(() => setActivePinia(createPinia()));

  it('shows each indicator as 达标 / 未达标 and the review state; a school without a status has no cells', async () => {
    const w = render({ canEnter: true, canReview: true });
    await flushPromises();
    const first = rowText(w, 0);
    expect(first).toContain('衡南县示例小学');
    expect(first).toContain('1 / 2'); // guards: have / required by the norm
    expect(
      w
        .findAll('.el-table__body tbody tr')[0]!
        .findAll('[data-test="indicator"]')
        .map((t) => t.text()),
    ).toEqual(['未达标', '达标', '未达标', '达标']);
    expect(first).toContain('待核实');
    expect(rowText(w, 1)).toContain('未填报');
    expect(w.findAll('.el-table__body tbody tr')[1]!.findAll('[data-test="indicator"]')).toHaveLength(0);
    w.unmount();
  });

  it('a county corrects, verifies and returns a submitted status; a school only enters and corrects its own', async () => {
    const county = render({ canEnter: true, canReview: true });
    await flushPromises();
    const row = county.findAll('.el-table__body tbody tr')[0]!;
    expect(row.find('[data-test="profile-verify"]').exists()).toBe(true);
    expect(row.find('[data-test="profile-return"]').exists()).toBe(true);
    expect(row.find('[data-test="profile-enter"]').text()).toBe('更正');
    county.unmount();

    const own = render({ canEnter: true, canReview: false });
    await flushPromises();
    const rows = own.findAll('.el-table__body tbody tr');
    expect(rows[0]!.find('[data-test="profile-verify"]').exists()).toBe(false);
    expect(rows[1]!.find('[data-test="profile-enter"]').text()).toBe('填报');
    expect(rows[1]!.find('[data-test="profile-history"]').exists()).toBe(false);
    own.unmount();
  });

  it('leadership reads only', async () => {
    const w = render({ canEnter: false, canReview: false });
    await flushPromises();
    expect(w.find('[data-test="profile-enter"]').exists()).toBe(false);
    expect(w.find('[data-test="profile-verify"]').exists()).toBe(false);
    expect(w.find('[data-test="profile-history"]').exists()).toBe(true);
    w.unmount();
  });
});

describe('the school list on a phone', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    vi.stubGlobal('matchMedia', (q: string) => ({
      matches: q.includes('max-width'),
      addEventListener: () => {},
      removeEventListener: () => {},
    }));
  });
  afterEach(() => vi.unstubAllGlobals());

  it('shows each school as a card with its indicators and actions', async () => {
    const w = render({ canEnter: true, canReview: true });
    await flushPromises();
    expect(w.find('.el-table').exists()).toBe(false);
    const cards = w.findAll('.hy-profiles__card');
    expect(cards).toHaveLength(2);
    expect(cards[0]!.findAll('[data-test="indicator"]').map((t) => t.text())).toEqual(['未达标', '达标', '未达标', '达标']);
    expect(cards[0]!.find('[data-test="profile-verify"]').exists()).toBe(true);
    expect(cards[1]!.text()).toContain('未填报');
    expect(cards[1]!.find('[data-test="profile-enter"]').text()).toBe('填报');
    w.unmount();
  });
});
