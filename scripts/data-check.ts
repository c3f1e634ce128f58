/**
 * Checks the whole dataset, or the files named on the command line, and exits 1 on any problem.
 * Contradictions between cards (scripts/dataset/consistency.ts) are listed too, as warnings; they fail the
 * check only with --consistency (or once CONSISTENCY_IS_ERROR in scripts/dataset/audit.ts is true, when they are problems).
 * Usage: npm run data:check [-- [--consistency] data/place/europe.json …]
 */
import { auditDataset, CONSISTENCY_IS_ERROR } from './dataset/audit';
import { BUILD_ALIAS_OPTIONS } from './lib/english-words';
import { loadDataFiles, listDataFiles } from './load-data';

const args = process.argv.slice(2);
const strict = args.includes('--consistency');
const only = args.filter((a) => !a.startsWith('--'));
const named = <T extends { where: string }>(list: T[]) =>
  only.length > 0 ? list.filter((p) => only.some((f) => p.where.includes(f.replace(/^\.\//, '')))) : list;
// References (related, context) may point anywhere in the dataset, so always load it all.
const files = loadDataFiles(process.env.BACKSTORY_DATA_DIR ?? 'data');
const { entities, problems, consistency } = auditDataset(files, BUILD_ALIAS_OPTIONS);
const focus = named(problems);
const contradictions = named(consistency);
for (const p of focus) console.log(`${p.where}: ${p.message}`);
// Once they are errors, the contradictions are among the problems already printed.
if (!CONSISTENCY_IS_ERROR) for (const p of contradictions) console.log(`${strict ? 'consistency' : 'warning'} [${p.check}] ${p.where}: ${p.message}`);
const byCheck = ['office', 'members', 'symmetry', 'dating'].map((c) => `${c} ${contradictions.filter((p) => p.check === c).length}`).join(', ');
console.log(
  `${entities.length} entities in ${listDataFiles('data').length} files; ${focus.length} problem(s); ` +
    `${contradictions.length} contradiction(s) between cards (${byCheck})${only.length ? ' in the named files' : ''}.`,
);
process.exit(focus.length > 0 || (strict && contradictions.length > 0) ? 1 : 0);
