/**
 * The Putin–Xi story written in French, Spanish, German and Chinese: the names other-language news
 * uses (data/names/<lang>.json) are marked as on an English page, in both browsers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eachBrowser, found, marks, open } from './support';

/** The same story in four languages names the same entities. */
const SAME_ENTITIES = ['vladimir-putin', 'xi-jinping', 'beijing', 'united-states', 'nato', 'european-union', 'russia', 'ukraine', 'moscow'];

const EXPECT: Record<string, { names: string[]; ids: string[] }> = {
  fr: {
    names: [
      'Vladimir Poutine',
      'Xi Jinping',
      'Pékin',
      'États-Unis',
      'Kremlin',
      'OTAN',
      'Taïwan',
      'Gazprom',
      'Union européenne',
      'Russie',
      'Ukraine',
      'Moscou',
      'AFP',
    ],
    ids: SAME_ENTITIES,
  },
  es: {
    names: ['Vladímir Putin', 'Xi Jinping', 'Pekín', 'Estados Unidos', 'Kremlin', 'OTAN', 'Gazprom', 'Unión Europea', 'Rusia', 'Ucrania', 'Moscú', 'Reuters'],
    ids: SAME_ENTITIES,
  },
  de: {
    names: [
      'Wladimir Putin',
      'Xi Jinping',
      'Peking',
      'Vereinigten Staaten',
      'Kreml',
      'NATO',
      'Gazprom',
      'Europäische Union',
      'Russland',
      'Ukraine',
      'Moskau',
      'Reuters',
    ],
    ids: SAME_ENTITIES,
  },
  zh: {
    names: ['普京', '习近平', '北京', '美国', '克里姆林宫', '北约', '台湾', '新华社', '欧盟', '俄罗斯', '乌克兰', '莫斯科'],
    ids: SAME_ENTITIES,
  },
};

eachBrowser(
  'articles in other languages',
  (_browser, env) => {
    for (const [lang, want] of Object.entries(EXPECT)) {
      test(`${lang}: the names its news uses are marked, as the entities they name`, async () => {
        const page = await open(env, `articles/putin-xi-${lang}.html`);
        const got = await marks(page);
        assert.deepEqual(
          want.names.filter((n) => !got.includes(n)),
          [],
          `marked: ${JSON.stringify(got)}`,
        );
        const ids = await found(env);
        assert.deepEqual(
          want.ids.filter((id) => !ids.includes(id)),
          [],
        );
        await page.close();
      });
    }
  },
  { settings: { mark: 'every' }, reset: false },
);
