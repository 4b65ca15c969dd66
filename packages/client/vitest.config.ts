import { defineProjects } from '@mathakine/vitest-config';

export default defineProjects();
