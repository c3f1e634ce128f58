/**
 * Vite plugin: compiles data/ at build time into two virtual modules:
 *  - virtual:backstory/index — the compiled term index, which the background hands to each page (content script)
 *  - virtual:backstory/cards — the card store (background)
 * The dataset is audited on the way; a bad dataset fails the build with the list of problems.
 */
import type { Plugin } from 'vite';
import { compileDataset, type CompiledDataset } from './compile-dataset';

const INDEX = 'virtual:backstory/index';
const CARDS = 'virtual:backstory/cards';

let compiled: CompiledDataset | undefined;
/** The dataset, compiled once per build (BACKSTORY_DATA_DIR lets a developer build against a subset; default data/). */
export const compiledDataset = () => (compiled ??= compileDataset(process.env.BACKSTORY_DATA_DIR ?? 'data'));

export function datasetPlugin(): Plugin {
  const get = compiledDataset;
  return {
    name: 'backstory-dataset',
    resolveId(id) {
      if (id === INDEX || id === CARDS) return `\0${id}`;
      return undefined;
    },
    load(id) {
      if (id === `\0${INDEX}`) {
        const { compiled, meta } = get();
        // A literal: the background sends it as it is, nothing to parse or build at run time.
        return `export const meta = ${JSON.stringify(meta)};\nexport default ${JSON.stringify(compiled)};`;
      }
      if (id === `\0${CARDS}`) {
        const { cards } = get();
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(cards))});`;
      }
      return undefined;
    },
    watchChange(id) {
      if (id.includes('/data/')) compiled = undefined;
    },
  };
}
