import { defineConfig } from '@mathakine/eslint-config';

export default defineConfig({ pkg: 'api', tsconfigRootDir: import.meta.dirname });
