/**
 * The layers hold: pure utils never reach into entrypoints, components or build scripts;
 * components never into entrypoints; no runtime file imports a schema library (zod), not even for
 * types: entities are checked by one hand-written validator (utils/dataset/validate.ts); and the
 * utils folders import each other in one direction only (no folder-level cycles). Elsewhere type-only
 * imports are erased at build time and not counted.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const SOURCE = /\.(ts|tsx)$/;

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((n) => {
    const rel = join(dir, n);
    return statSync(join(ROOT, rel)).isDirectory() ? files(rel) : SOURCE.test(n) && !n.endsWith('.d.ts') ? [rel] : [];
  });
}

/** Value imports of a file: `from '…'` and `import('…')`, without `import type` and `export type`. */
function imports(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?from\s+'([^']+)'/gms)) if (!m[1]) out.push(m[2]);
  for (const m of text.matchAll(/import\('([^']+)'\)/g)) out.push(m[1]);
  for (const m of text.matchAll(/^import\s+'([^']+)'/gm)) out.push(m[1]);
  return out;
}

function resolveLocal(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = relative(ROOT, resolve(ROOT, dirname(from), spec.replace(/\?.*$/, '')));
  for (const cand of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    try {
      if (statSync(join(ROOT, cand)).isFile()) return cand;
    } catch {
      // not this one
    }
  }
  return base;
}

const all = [...files('utils'), ...files('components'), ...files('entrypoints')];

describe('layers', () => {
  test('utils import no entrypoints, components or scripts; components no entrypoints or scripts', () => {
    const bad: string[] = [];
    for (const f of all) {
      for (const spec of imports(f)) {
        const target = resolveLocal(f, spec);
        if (!target) continue;
        if (f.startsWith('utils/') && /^(entrypoints|components|scripts)\//.test(target)) bad.push(`${f} → ${target}`);
        if (f.startsWith('components/') && /^(entrypoints|scripts)\//.test(target)) bad.push(`${f} → ${target}`);
        if (f.startsWith('entrypoints/') && target.startsWith('scripts/')) bad.push(`${f} → ${target}`);
      }
    }
    expect(bad).toEqual([]);
  });

  test('build-only dataset code (audit, consistency, editorial word lists, report regions) lives in scripts/, not utils/', () => {
    // The modules themselves.
    for (const name of ['audit', 'consistency', 'regions', 'freshness', 'rules']) {
      expect(existsSync(join(ROOT, 'utils/dataset', `${name}.ts`)), `utils/dataset/${name}.ts`).toBe(false);
      expect(existsSync(join(ROOT, 'scripts/dataset', `${name}.ts`)), `scripts/dataset/${name}.ts`).toBe(true);
    }
    // And what they define: no runtime file declares the editorial lists or the audit's functions.
    const BUILD_ONLY =
      /\b(?:COMMON_WORDS|CAPITALISED_CLASHES|TITLE_CASE_CLASHES|isCommonWord|isCapitalisedClash|findCollisions|auditDataset|consistencyProblems|regionOf|foldForCompare)\b/;
    const bad = all.filter((f) => BUILD_ONLY.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(bad).toEqual([]);
  });

  test("the dataset compiler the runtime uses compares aliases with the matcher's fold, and so does the audit", () => {
    for (const f of ['utils/dataset/aliases.ts', 'scripts/dataset/audit.ts', 'scripts/dataset/consistency.ts', 'scripts/dataset/rules.ts']) {
      expect(
        imports(f).some((spec) => /utils\/text\/normalize$|\.\.\/text\/normalize$/.test(spec)),
        f,
      ).toBe(true);
    }
  });

  test('no file under utils/, components/ or entrypoints/ imports zod, not even its types', () => {
    const ZOD = /(?:from\s+|import\s*\(\s*|^import\s+)'zod(?:\/[^']*)?'/m;
    expect(all.length).toBeGreaterThan(50);
    expect(all.filter((f) => ZOD.test(readFileSync(join(ROOT, f), 'utf8')))).toEqual([]);
    // The pattern does see an import of zod, of any kind.
    for (const line of [
      "import { z } from 'zod';",
      "import type { ZodType } from 'zod';",
      "export { z } from 'zod/mini';",
      "await import('zod')",
      "import 'zod';",
    ]) {
      expect(ZOD.test(line), line).toBe(true);
    }
  });

  test('entities have one validator: the schema module is gone, and the content script loads the validator', () => {
    expect(existsSync(join(ROOT, 'utils/dataset/schema.ts'))).toBe(false);
    const seen = new Set<string>();
    const visit = (f: string) => {
      if (seen.has(f)) return;
      seen.add(f);
      for (const spec of imports(f)) {
        const target = resolveLocal(f, spec);
        if (target && SOURCE.test(target)) visit(target);
      }
    };
    visit('entrypoints/content/index.ts');
    expect(seen.has('utils/dataset/validate.ts')).toBe(true);
  });

  test('the content script never loads zod (it is in every page)', () => {
    const seen = new Set<string>();
    const bad: string[] = [];
    const visit = (f: string) => {
      if (seen.has(f)) return;
      seen.add(f);
      for (const spec of imports(f)) {
        if (spec === 'zod') bad.push(`${f} → zod`);
        const target = resolveLocal(f, spec);
        if (!target || !SOURCE.test(target)) continue;
        visit(target);
      }
    };
    visit('entrypoints/content/index.ts');
    expect(seen.size).toBeGreaterThan(10); // the walk really followed the imports
    expect(bad).toEqual([]);
  });

  test('utils folders depend on each other in one direction (no cycles)', () => {
    const folder = (f: string) => (f.split('/').length > 2 ? f.split('/').slice(0, 2).join('/') : 'utils');
    const edges = new Map<string, Set<string>>();
    for (const f of files('utils')) {
      for (const spec of imports(f)) {
        const target = resolveLocal(f, spec);
        if (!target?.startsWith('utils/') || folder(target) === folder(f)) continue;
        if (!edges.has(folder(f))) edges.set(folder(f), new Set());
        edges.get(folder(f))!.add(folder(target));
      }
    }
    const cycles: string[] = [];
    const reach = (from: string, to: string, seen = new Set<string>()): boolean =>
      [...(edges.get(from) ?? [])].some((n) => n === to || (!seen.has(n) && (seen.add(n), reach(n, to, seen))));
    for (const [a, targets] of edges) for (const b of targets) if (reach(b, a)) cycles.push(`${a} ⇄ ${b}`);
    expect(cycles).toEqual([]);
  });
});
