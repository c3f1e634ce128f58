/** Reads every JSON source file under `data/`. Node only (build, report, tests). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { SourceFile } from '../utils/dataset/audit';

export function listDataFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listDataFiles(full));
    else if (name.endsWith('.json')) out.push(full);
  }
  return out;
}

export function loadDataFiles(dir: string, only?: string[]): SourceFile[] {
  const paths = only && only.length > 0 ? only : listDataFiles(dir);
  return paths.map((p) => {
    const path = relative(process.cwd(), p);
    try {
      return { path, data: JSON.parse(readFileSync(p, 'utf8')) as unknown };
    } catch (err) {
      return { path, data: { invalidJson: String(err) } };
    }
  });
}
