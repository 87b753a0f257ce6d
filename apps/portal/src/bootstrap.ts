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

// The module registry comes from the API; the portal build knows no remote URL.
const shell = useShellStore(pinia);
try {
  shell.setModules(await withTimeout(trpc.platform.modules.query(), 8000, '模块登记信息'));
} catch (e) {
  shell.registryError = errorMessage(e);
}
registerModules(shell.modules);

// Module routes are placeholders until first visited, so a slow or broken remote never delays the portal.
const router = createPortalRouter(shell.modules);
app.use(router);
await router.isReady();
app.mount('#app');
