/**
 * Checks the whole dataset, or the files named on the command line, and exits 1 on any problem.
 * Usage: npm run data:check [-- data/place/europe.json …]
 */
import { auditDataset } from '../utils/dataset/audit';
import { BUILD_ALIAS_OPTIONS } from './lib/english-words';
import { loadDataFiles, listDataFiles } from './load-data';

const only = process.argv.slice(2);
// References (related, context) may point anywhere in the dataset, so always load it all.
const files = loadDataFiles(process.env.BACKSTORY_DATA_DIR ?? 'data');
const { entities, problems } = auditDataset(files, BUILD_ALIAS_OPTIONS);
const focus = only.length > 0 ? problems.filter((p) => only.some((f) => p.where.includes(f.replace(/^\.\//, '')))) : problems;
for (const p of focus) console.log(`${p.where}: ${p.message}`);
console.log(`${entities.length} entities in ${listDataFiles('data').length} files; ${focus.length} problem(s)${only.length ? ' in the named files' : ''}.`);
process.exit(focus.length > 0 ? 1 : 0);
