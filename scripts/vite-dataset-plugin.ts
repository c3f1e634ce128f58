/**
 * Vite plugin: compiles data/ at build time into two virtual modules:
 *  - virtual:backstory/index — the dataset's meta; the compiled term index goes out as the packaged file index.bin,
 *    which each page's content script reads itself (ADR 0002)
 *  - virtual:backstory/cards — the card store (background)
 * The dataset is audited on the way; a bad dataset fails the build with the list of problems.
 */
import type { Plugin } from 'vite';
import { compileDataset, type CompiledDataset } from './compile-dataset';
import { encodeIndexFile, INDEX_FILE } from '../utils/match/index-file';
import { CARD_SHARDS, shardOf, shardPath } from '../utils/dataset/shards';

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
        // The index is a packaged file each page reads for itself (ADR 0002): no message, no JSON, no copy in
        // the background. Stored as it is: the package is compressed already, and the page views it in place.
        this.emitFile({ type: 'asset', fileName: INDEX_FILE, source: encodeIndexFile(compiled) });
        return `export const meta = ${JSON.stringify(meta)};`;
      }
      if (id === `\0${CARDS}`) {
        // Card bodies go into packaged JSON files the background reads on first use; the script keeps
        // only each card's name (for related chips), so no bundle nears web-ext's 5 MB parse limit.
        const { cards } = get();
        const shards: Array<Record<string, unknown>> = Array.from({ length: CARD_SHARDS }, () => ({}));
        const names: Record<string, string> = {};
        for (const [cid, card] of Object.entries(cards)) {
          shards[shardOf(cid)][cid] = card;
          names[cid] = card.name;
        }
        shards.forEach((shard, k) => this.emitFile({ type: 'asset', fileName: shardPath(k), source: JSON.stringify(shard) }));
        return `export const names = JSON.parse(${JSON.stringify(JSON.stringify(names))});`;
      }
      return undefined;
    },
    watchChange(id) {
      if (id.includes('/data/')) compiled = undefined;
    },
  };
}
