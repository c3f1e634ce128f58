/** Names for generated pages, from the compiled dataset (the same list the benchmark uses). */
import { compileDataset } from '../../scripts/compile-dataset';

export const names = compileDataset('data')
  .index.e.map((e) => e[2])
  .filter((n) => !/[<>&]/.test(n));
