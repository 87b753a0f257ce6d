import '@hyedu/ui/styles.css';
import './portal.css';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import { errorMessage, installQuery, trpc, useShellStore } from '@hyedu/web';
import App from './App.vue';
import { registerModules, withTimeout } from './remotes.ts';
import { createPortalRouter } from './router.ts';

const pinia = createPinia();
const app = createApp(App);
app.use(pinia);
installQuery(app);

// Who is signed in, then (if anyone) the module registry: the portal build knows no remote URL.
const shell = useShellStore(pinia);
let sessionEnded: string | null = null;
try {
  const me = await withTimeout(trpc.auth.me.query(), 8000, '登录信息');
  shell.account = me.account;
  sessionEnded = me.sessionEnded;
  if (me.account && !shell.setupPending && me.account.areas.includes('platform')) {
    shell.setModules(await withTimeout(trpc.platform.modules.query(), 8000, '模块登记信息'));
  }
} catch (e) {
  shell.registryError = errorMessage(e);
}
if (sessionEnded) sessionStorage.setItem('hyedu.sessionEnded', sessionEnded);
registerModules(shell.visibleModules);

// Module routes are placeholders until first visited, so a slow or broken remote never delays the portal.
const router = createPortalRouter(shell.visibleModules);
app.use(router);
await router.isReady();
app.mount('#app');
