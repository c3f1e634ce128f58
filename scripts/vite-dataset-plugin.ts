/**
 * Vite plugin: compiles data/ at build time into two virtual modules:
 *  - virtual:backstory/index — the compiled term index, which the background hands to each page (content script)
 *  - virtual:backstory/cards — the card store (background)
 * The dataset is audited on the way; a bad dataset fails the build with the list of problems.
 */
import type { Plugin } from 'vite';
import { gzipSync } from 'node:zlib';
import { compileDataset, type CompiledDataset } from './compile-dataset';
import { encodeIndexFile, toBase64 } from '../utils/match/index-file';
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
        // Literals: the background sends them as they are (ADR 0002). The whole index as one file, base64, and
        // gzip'd for Chromium, whose extension messaging costs by the byte (a JSON copy at each hop).
        const file = encodeIndexFile(compiled);
        return [
          `export const meta = ${JSON.stringify(meta)};`,
          `export const indexFile = ${JSON.stringify(toBase64(file))};`,
          `export const indexGzip = ${JSON.stringify(toBase64(gzipSync(file, { level: 9 })))};`,
        ].join('\n');
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
