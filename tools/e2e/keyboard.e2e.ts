import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { settle } from './crawl.ts';
import { useHarness } from './harness.ts';
import { nextCode } from './otp.ts';
import { DEMO_PASSWORD } from './sign-in.ts';

// One job per role done with the keyboard alone: Tab / Shift+Tab to reach a control, Enter / Space / arrows /
// Escape to use it, typing into a field only once Tab has reached it. Every focus stop must be visible.
const h = useHarness('hyedu-keys-');

interface Target {
  /** CSS selector the focused element matches. */
  selector?: string;
  /** Regular expression (source) its text or accessible label matches. */
  text?: string;
  /** Regular expression (source) its href matches. */
  href?: string;
}

/** What the focused element is, and whether its focus can be seen (an outline or a box shadow on it, or on the wrapper Element Plus marks is-focus). */
async function focused(page: Page, target: Target) {
  return page.evaluate((t) => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { matches: false, visible: false, what: 'nothing' };
    const shows = (e: Element) => {
      const s = getComputedStyle(e);
      return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || (s.boxShadow !== 'none' && s.boxShadow !== '');
    };
    // A radio or check box is drawn by the element after its (hidden) input.
    let visible =
      shows(el) || (el.matches('input[type="radio"], input[type="checkbox"]') && !!el.nextElementSibling && shows(el.nextElementSibling));
    for (let e = el.parentElement, i = 0; !visible && e && i < 3; e = e.parentElement, i++)
      visible = e.matches('.is-focus, .is-focused') && shows(e);
    const label =
      `${el.getAttribute('aria-label') ?? ''} ${el.textContent ?? ''} ${(el as HTMLInputElement).labels?.[0]?.textContent ?? ''}`.trim();
    const matches =
      (!t.selector || el.matches(t.selector)) &&
      (!t.text || new RegExp(t.text).test(label)) &&
      (!t.href || new RegExp(t.href).test(el.getAttribute('href') ?? ''));
    return { matches, visible, what: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} “${label.slice(0, 40)}”` };
  }, target);
}

/** Presses Tab (or Shift+Tab) until the target has focus; every stop on the way must show its focus. */
async function tabTo(page: Page, target: Target, { back = false, max = 120 } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page, target);
    if (f.what === 'nothing') continue; // past the last control the browser's own toolbar has focus; the next Tab comes back
    expect(f.visible, `focus not visible on ${f.what}`).toBe(true);
    if (f.matches) return;
  }
  throw new Error(`Tab never reached ${JSON.stringify(target)}`);
}

/** Tab to a link and follow it with Enter; waits for the page it opens. */
async function follow(page: Page, target: Target) {
  await tabTo(page, target);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(100);
  await settle(page);
}

const h1 = (page: Page) => page.locator('main h1').first().innerText();
const menu = (label: string): Target => ({ selector: 'nav.hy-menu a', text: `^\\s*${label}\\s*$` });

/** Signs in on the login page with the keyboard: Tab to each field, type, Enter; the administrators' code likewise. */
async function signIn(user: string) {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  h.watch(page);
  await page.goto(`${h.server.url}/login`);
  await page.locator('#hy-username').waitFor();
  await tabTo(page, { selector: '#hy-username' });
  await page.keyboard.type(user);
  await tabTo(page, { selector: '#hy-password' });
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  const otp = page.locator('#hy-otp');
  const next = await Promise.race([
    page.waitForURL((u) => !u.pathname.startsWith('/login')).then(() => 'in'),
    otp.waitFor().then(() => 'otp'),
  ]);
  if (next === 'otp') {
    // The code field takes focus when it appears; Shift+Tab and back again proves it is reachable as well.
    await page.waitForFunction(() => document.activeElement?.id === 'hy-otp');
    await tabTo(page, { selector: '#hy-password, #hy-username, button' }, { back: true });
    await tabTo(page, { selector: '#hy-otp' });
    await page.keyboard.type(await nextCode(user));
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  }
  await settle(page);
  return page;
}

describe('one job per role, by keyboard alone', () => {
  it('leader: dashboard → an indicator → a county → a school', async () => {
    const page = await signIn('leader');
    await follow(page, menu('领导驾驶舱'));
    expect(await h1(page)).toBe('领导驾驶舱');
    await follow(page, { selector: 'main a', href: '^/dashboard/safety\\.' });
    expect(page.url()).toMatch(/\/dashboard\/safety\.[\w-]+$/);
    await follow(page, { selector: 'main a', href: '^/dashboard/[\\w.-]+/430422' });
    expect(await h1(page)).toContain('衡南县');
    await follow(page, { selector: 'main a', href: '^/schools/\\d+' });
    expect(page.url()).toMatch(/\/schools\/\d+$/);
    await page.context().close();
  });

  it('office: the review queue, then a task from the plan', async () => {
    const page = await signIn('office');
    await follow(page, menu('待我审核'));
    expect(await h1(page)).toBe('待我审核');
    await follow(page, menu('工作要点'));
    // A work item opens with Enter (a collapse header), then its first task is a link.
    await tabTo(page, { selector: '.el-collapse-item__header', text: '促进学生身心健康发展' });
    await page.keyboard.press('Enter');
    await follow(page, { selector: 'main a', href: '^/plan/\\d{4}/tasks/\\d+' });
    expect(page.url()).toMatch(/\/plan\/2022\/tasks\/\d+$/);
    await page.context().close();
  });

  it('safety 科室: the hazard list → one hazard, read', async () => {
    const page = await signIn('safety');
    await follow(page, menu('安全管理'));
    await follow(page, { selector: 'main nav a', text: '隐患排查整治' });
    await follow(page, { selector: 'main a', href: '^/safety/hazards/\\d+$' });
    expect(await h1(page)).toMatch(/^隐患 #\d+/);
    await expect(page.locator('[data-test="hazard-status"]').innerText()).resolves.toBeTruthy();
    await page.context().close();
  });

  it('privedu 科室: private schools of a county from the overview', async () => {
    const page = await signIn('privedu');
    await follow(page, menu('民办教育'));
    await follow(page, { selector: 'main a', text: '衡南县' });
    expect(page.url()).toContain('unit=430422');
    await page.context().close();
  });

  it('teachers 科室: staffing by school', async () => {
    const page = await signIn('teachers');
    await follow(page, menu('教师队伍'));
    await follow(page, { selector: 'main nav a', text: '学校编制' });
    expect(await h1(page)).toContain('编制');
    await page.context().close();
  });

  it('funding 科室: the module, then the school registry filtered by a search', async () => {
    const page = await signIn('funding');
    await follow(page, menu('经费与资助'));
    expect(page.url()).toMatch(/\/funding$/);
    await follow(page, menu('学校名录'));
    await tabTo(page, { selector: 'main input', text: '搜索|学校名称' });
    await page.keyboard.type('实验');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=/);
    await settle(page);
    await page.context().close();
  });

  it('hengnan (county): a task of the plan it carries out', async () => {
    const page = await signIn('hengnan');
    await follow(page, menu('工作要点'));
    await tabTo(page, { selector: '.el-collapse-item__header' });
    await page.keyboard.press('Enter');
    await follow(page, { selector: 'main a', href: '^/plan/\\d{4}/tasks/\\d+' });
    expect(page.url()).toMatch(/\/plan\/2022\/tasks\/\d+$/);
    await page.context().close();
  });

  it('leiyang (county): an incident, read', async () => {
    const page = await signIn('leiyang');
    await follow(page, menu('安全管理'));
    await follow(page, { selector: 'main nav a', text: '安全事件' });
    await follow(page, { selector: 'main a', href: '^/safety/incidents/\\d+$' });
    expect(page.url()).toMatch(/\/safety\/incidents\/\d+$/);
    await page.context().close();
  });

  it('school: registers a hazard', async () => {
    const page = await signIn('school');
    await follow(page, menu('安全管理'));
    await follow(page, { selector: 'main nav a', text: '隐患排查整治' });
    await tabTo(page, { selector: '[data-test="hazard-report"]' });
    await page.keyboard.press('Enter');
    await page.locator('[data-test="hazard-form"]').waitFor();
    // The category: open the list with Enter, move with the arrows, choose with Enter.
    await tabTo(page, { selector: '#hz-category, [data-test="field-category"] input' });
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(
      page.locator('[data-test="field-category"] .el-select__placeholder:not(.is-transparent)').first().innerText(),
    ).resolves.toBeTruthy();
    await tabTo(page, { selector: '#hz-location' });
    await page.keyboard.type('学生宿舍三楼');
    await tabTo(page, { selector: '#hz-person' });
    await page.keyboard.type('王志强');
    await tabTo(page, { selector: '#hz-description' });
    await page.keyboard.type('宿舍三楼东侧安全出口被杂物堵塞');
    await tabTo(page, { selector: '[data-test="hazard-submit-form"]' });
    await page.keyboard.press('Enter');
    const notice = page.locator('[data-test="hazard-notice"]');
    await notice.waitFor();
    await expect(notice.innerText()).resolves.toContain('已登记隐患');
    await page.context().close();
  });

  it('sysadmin: the module registry', async () => {
    const page = await signIn('sysadmin');
    await follow(page, menu('模块登记'));
    expect(await h1(page)).toBe('模块登记');
    await tabTo(page, { selector: '[data-test="registry-funding"] input' });
    await page.context().close();
  });

  it('secadmin: the security policy', async () => {
    const page = await signIn('secadmin');
    await follow(page, menu('安全策略'));
    expect(await h1(page)).toBe('安全策略');
    await page.context().close();
  });

  it('auditor: filters the audit trail by account', async () => {
    const page = await signIn('auditor');
    await follow(page, menu('审计查询'));
    await page.locator('[data-test="audit-list"] .el-table__row').first().waitFor();
    await tabTo(page, { selector: 'main form.hy-filters input' });
    await page.keyboard.type('leader');
    await page.keyboard.press('Enter');
    // The old rows stay until the filtered ones arrive: wait until every row shown is the account's.
    await page.waitForFunction(
      () => {
        const rows = Array.from(document.querySelectorAll('[data-test="audit-list"] .el-table__row'));
        return rows.length > 0 && rows.every((r) => r.textContent?.includes('leader'));
      },
      undefined,
      { timeout: 15_000 },
    );
    await page.context().close();
  });
});
