import { defineConfig } from 'vite';
import { remoteConfig } from '@hyedu/vite-config';

export default defineConfig(remoteConfig({ key: 'funding', name: 'funding', port: 5184 }));
