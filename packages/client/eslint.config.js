import { defineConfig } from '@mathakine/eslint-config';

export default defineConfig({ pkg: 'client', tsconfigRootDir: import.meta.dirname });
