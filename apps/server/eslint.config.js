import { defineConfig } from '@mathakine/eslint-config';

export default defineConfig({ pkg: 'server', tsconfigRootDir: import.meta.dirname });
