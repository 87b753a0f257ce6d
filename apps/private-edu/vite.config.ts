import { defineConfig } from 'vite';
import { remoteConfig } from '@hyedu/vite-config';

export default defineConfig(remoteConfig({ key: 'private-edu', name: 'privateEdu', port: 5182 }));
