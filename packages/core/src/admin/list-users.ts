import type { UserRole } from '../db/generated/client.ts';
import { requireAdmin } from '../kernel/authz.ts';
import type { Ctx } from '../kernel/deps.ts';
import type { AdminDeps } from './admin-deps.ts';
import { parseAdminInput } from './admin-input.ts';
import { listUsers, type AdminUserRow } from './admin.repo.ts';
import {
  ZAdminListUsersInput,
  type AdminListUsersInput,
  type AdminUserDto,
  type AdminUserListDto,
} from './admin.schemas.ts';

export const toAdminUserDto = (row: AdminUserRow): AdminUserDto => ({
  id: row.id,
  username: row.username,
  email: row.email,
  fullName: row.fullName,
  role: row.role.toLowerCase() as AdminUserDto['role'],
  isActive: row.isActive,
  isEmailVerified: row.isEmailVerified,
  createdAt: row.createdAt,
});

/** §6.3: search (username, e-mail, full name), role and active filters, newest first. */
export const makeListUsers =
  (deps: Pick<AdminDeps, 'db'>) =>
  async (ctx: Ctx, input: AdminListUsersInput): Promise<AdminUserListDto> => {
    requireAdmin(ctx);
    const query = parseAdminInput(ZAdminListUsersInput, input);
    const { total, rows } = await listUsers(
      deps.db.prisma,
      {
        search: query.search || undefined,
        role: query.role ? (query.role.toUpperCase() as UserRole) : undefined,
        isActive: query.isActive,
      },
      { skip: query.skip, limit: query.limit },
    );
    return { items: rows.map(toAdminUserDto), total };
  };
