/**
 * npm run release:check — build the store packages, then rebuild the Firefox
 * package from its own sources zip, following SOURCE-BUILD.md, and compare the
 * two builds file by file. Exits 1 on any difference.
 */
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const run = (cmd: string, cwd = '.') => execSync(cmd, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });

function hashes(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

run('npx wxt zip');
run('npx wxt zip -b firefox');
const zips = readdirSync('.output').filter((f) => f.endsWith('.zip'));
const sources = zips.find((f) => f.endsWith('-sources.zip'));
for (const kind of ['-chrome.zip', '-firefox.zip', '-sources.zip']) {
  if (!zips.some((f) => f.endsWith(kind))) throw new Error(`missing package *${kind}`);
}
console.log(`packages: ${zips.join(', ')}`);

const dir = mkdtempSync(join(tmpdir(), 'backstory-sources-'));
try {
  run(`unzip -q ${join(process.cwd(), '.output', sources!)} -d ${dir}`);
  run('npm ci --no-audit --no-fund', dir);
  run('npm run build:firefox', dir);
  const a = hashes('.output/firefox-mv2');
  const b = hashes(join(dir, '.output/firefox-mv2'));
  const diff = [...new Set([...a.keys(), ...b.keys()])].filter((f) => a.get(f) !== b.get(f));
  if (diff.length > 0) {
    console.error(`rebuild from sources differs in: ${diff.join(', ')}`);
    process.exit(1);
  }
  console.log(`rebuild from the sources package is identical (${a.size} files)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
