import { defineConfig } from 'vite';
import { remoteConfig } from '@hyedu/vite-config';

export default defineConfig(remoteConfig({ key: 'teachers', name: 'teachers', port: 5183 }));
