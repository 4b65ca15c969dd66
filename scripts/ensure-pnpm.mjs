// Installs pnpm 10 globally with npm when it is missing (corepack is not usable on every machine).
import { execSync } from 'node:child_process';

try {
  execSync('pnpm --version', { stdio: 'ignore' });
} catch {
  execSync('npm install --global pnpm@10', { stdio: 'inherit' });
}
