/**
 * The back office under `/api/admin` (api-rest-challenges-admin). Its routes land with the admin issue;
 * the area is declared now because the legacy exempts all of it from maintenance (api-rest-core §1.7),
 * unknown admin paths included.
 */
import { defineRoutes } from './route.ts';

export const adminRoutes = defineRoutes({
  feature: 'admin',
  area: { prefix: '/admin', maintenanceExempt: true },
  routes: [],
});
