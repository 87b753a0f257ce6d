import { defineConfig } from 'vite';
import { portalConfig } from '@hyedu/vite-config';

export default defineConfig(portalConfig());
