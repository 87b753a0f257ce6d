import { defineConfig } from 'vite';
import { remoteConfig } from '@hyedu/vite-config';

export default defineConfig(remoteConfig({ key: 'safety', name: 'safety', port: 5181 }));
