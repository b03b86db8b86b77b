import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cmsDir = path.join(repoRoot, 'cms');
export const envFile = path.join(repoRoot, '.env');
/** Git-ignored: what the demo made for this machine (credentials, logs). */
export const demoDir = path.join(repoRoot, '.demo');
