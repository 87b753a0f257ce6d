import '@hyedu/ui/styles.css';
import './portal.css';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import { preloadComponents } from '@hyedu/ui';
import { adoptResponse, errorMessage, installQuery, trpc, useShellStore } from '@hyedu/web';
import App from './App.vue';
import { SESSION_URL, takeSessionProbe } from './early.ts';
import { registerModules, withTimeout } from './remotes.ts';
import { createPortalRouter, warmFirstPage } from './router.ts';

const pinia = createPinia();
const app = createApp(App);
app.use(pinia);
installQuery(app);

// The session was asked for by the page's probe while the libraries loaded; the first page's code loads meanwhile.
const probe = takeSessionProbe();
if (probe) adoptResponse(SESSION_URL, probe);
warmFirstPage(location.pathname);

// Who is signed in and, if anyone, the module registry: the portal build knows no remote URL.
const shell = useShellStore(pinia);
let sessionEnded: string | null = null;
try {
  const start = await withTimeout(trpc.auth.start.query(), 8000, '登录信息');
  shell.account = start.account;
  sessionEnded = start.sessionEnded;
  if (start.modules) shell.setModules(start.modules);
} catch (e) {
  shell.registryError = errorMessage(e);
}
if (sessionEnded) sessionStorage.setItem('hyedu.sessionEnded', sessionEnded);
// The large UI components come with the first page that shows one; once a signed-in user starts to act, fetch the rest,
// so that the first dialog or drop-down opens at once.
if (shell.account) {
  const warm = () => void preloadComponents().catch(() => undefined);
  for (const type of ['pointerdown', 'keydown']) addEventListener(type, warm, { once: true, capture: true, passive: true });
}
registerModules(shell.visibleModules);

// Module routes are placeholders until first visited, so a slow or broken remote never delays the portal. Every
// enabled module has one (only the account's are registered and loaded): the guard shows 无权访问 for the others.
const router = createPortalRouter(shell.modules);
app.use(router);
await router.isReady();
app.mount('#app');
