import { describe, expect, test } from 'vitest';
import { foldAlias, foldText, IGNORABLE, isWordCode, needsNoBoundary } from '../../utils/text/normalize';

describe('foldText', () => {
  test('keeps the length of every input, so offsets need no mapping', () => {
    for (const s of ['São Paulo', 'İstanbul', 'Straße', 'Ærø', 'Xi’s', 'Putin\u00ADs', '北京', '𠀀x', 'e\u0301']) {
      expect(foldText(s).length).toBe(s.length);
    }
  });

  test('folds case and diacritics', () => {
    expect(foldText('São Paulo')).toBe('sao paulo');
    expect(foldText('ZÜRICH')).toBe('zurich');
    expect(foldText('Łódź')).toBe('lodz');
    expect(foldText('Erdoğan')).toBe('erdogan');
  });

  test('folds apostrophes, quotes, dashes and spaces to one form each', () => {
    expect(foldText('Xi’s ‘x’ ʼ')).toBe("xi's 'x' '");
    expect(foldText('“a” „b”')).toBe('"a" "b"');
    expect(foldText('a‐b‑c–d—e−f')).toBe('a-b-c-d-e-f');
    expect(foldText('a\u00A0b\u2009c\u3000d')).toBe('a b c d');
  });

  test('soft hyphens, zero-width characters and combining marks become ignorable', () => {
    const f = foldText('Pu\u00ADtin\u200B e\u0301');
    expect(f.charCodeAt(2)).toBe(IGNORABLE);
    expect(f.charCodeAt(6)).toBe(IGNORABLE);
    expect(f.charCodeAt(9)).toBe(IGNORABLE);
  });

  test('leaves CJK, Cyrillic and Arabic letters matchable', () => {
    expect(foldText('习近平')).toBe('习近平');
    expect(foldText('Путин')).toBe('путин');
    expect(foldText('بوتين')).toBe('بوتين');
  });
});

describe('foldAlias', () => {
  test('composes decomposed data and drops ignorables', () => {
    expect(foldAlias('Sa\u0303o Paulo')).toBe('sao paulo');
    expect(foldAlias('  Xi   Jinping ')).toBe('xi jinping');
  });
});

describe('word classes', () => {
  test('letters and digits of any script are word characters; punctuation is not', () => {
    for (const c of 'aZ9éЖ中ب') expect(isWordCode(c.charCodeAt(0))).toBe(true);
    for (const c of ' ,.\'’-()"') expect(isWordCode(c.charCodeAt(0))).toBe(false);
  });
  test('scripts without spaces need no boundaries', () => {
    expect(needsNoBoundary('习近平')).toBe(true);
    expect(needsNoBoundary('プーチン')).toBe(true);
    expect(needsNoBoundary('Путин')).toBe(false);
  });
});
