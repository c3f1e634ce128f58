/**
 * Vite plugin: compiles data/ at build time into the virtual module virtual:backstory/index (the dataset's meta)
 * and two kinds of packaged files: the compiled term index (index.bin), which each page's content script reads
 * itself (ADR 0002), and the card store (cards/<shard>.json), which the background reads on first use.
 * The dataset is audited on the way; a bad dataset fails the build with the list of problems.
 */
import type { Plugin } from 'vite';
import { compileDataset, type CompiledDataset } from './compile-dataset';
import { encodeIndexFile, INDEX_FILE } from '../utils/match/index-file';
import { CARD_SHARDS, shardOf, shardPath } from '../utils/dataset/shards';
import type { CardResponse } from '../utils/messages';

const INDEX = 'virtual:backstory/index';

let compiled: CompiledDataset | undefined;
/** The dataset, compiled once per build (BACKSTORY_DATA_DIR lets a developer build against a subset; default data/). */
export const compiledDataset = () => (compiled ??= compileDataset(process.env.BACKSTORY_DATA_DIR ?? 'data'));

export function datasetPlugin(): Plugin {
  const get = compiledDataset;
  return {
    name: 'backstory-dataset',
    resolveId(id) {
      if (id === INDEX) return `\0${id}`;
      return undefined;
    },
    load(id) {
      if (id === `\0${INDEX}`) {
        const { compiled, meta, cards } = get();
        // The index is a packaged file each page reads for itself (ADR 0002): no message, no JSON, no copy in
        // the background. Stored as it is: the package is compressed already, and the page views it in place.
        this.emitFile({ type: 'asset', fileName: INDEX_FILE, source: encodeIndexFile(compiled) });
        // Each card as the background answers it, its related names resolved here: the background script
        // carries no table of 11,000 names (424 KB that every service-worker start parsed and kept).
        const shards: Array<Record<string, NonNullable<CardResponse>>> = Array.from({ length: CARD_SHARDS }, () => ({}));
        for (const [cid, card] of Object.entries(cards)) {
          const related = (card.related ?? []).filter((r) => Object.hasOwn(cards, r)).map((r) => ({ id: r, name: cards[r].name }));
          shards[shardOf(cid)][cid] = { entity: card, related };
        }
        shards.forEach((shard, k) => this.emitFile({ type: 'asset', fileName: shardPath(k), source: JSON.stringify(shard) }));
        return `export const meta = ${JSON.stringify(meta)};`;
      }
      return undefined;
    },
    watchChange(id) {
      if (id.includes('/data/')) compiled = undefined;
    },
  };
}
