/**
 * The systemd units as systemd reads them (`systemd-analyze verify`, no systemd running
 * needed): every line understood, every command there. The units name the paths of
 * docs/operator/deploy.md; here they point at this checkout and this Node.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';

const deployDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = path.dirname(deployDir);
const work = mkdtempSync(path.join(tmpdir(), 'campaign-desk-systemd-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('has units systemd reads without a complaint, restarting on failure', () => {
  const units = readdirSync(path.join(deployDir, 'systemd'));
  expect(units.sort()).toEqual(['campaign-desk-cms@.service', 'campaign-desk-publisher.service']);
  for (const unit of units) {
    const text = readFileSync(path.join(deployDir, 'systemd', unit), 'utf8');
    expect(text, unit).toMatch(/^Restart=always$/m);
    writeFileSync(
      path.join(work, unit),
      text.replaceAll('/opt/campaign-desk/runtime/node_modules/.bin/node', process.execPath).replaceAll('/opt/campaign-desk', repoRoot),
    );
  }
  // An instance of the template, as `systemctl enable campaign-desk-cms@1337` makes it.
  const result = spawnSync(
    'systemd-analyze',
    ['verify', '--man=no', './campaign-desk-cms@1337.service', './campaign-desk-publisher.service'],
    { cwd: work, encoding: 'utf8' },
  );
  expect(result.error).toBeUndefined();
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
});
