import { defineConfig } from '@mathakine/eslint-config';

export default defineConfig({ pkg: 'core', tsconfigRootDir: import.meta.dirname });
