import { describe, expect, it } from 'vitest';

import { extractJsonObject, stripJsonComments } from './json-extract.ts';

describe('extractJsonObject (§5.6)', () => {
  it('reads a plain, fenced or surrounded object', () => {
    expect(extractJsonObject(' {"a": 1} ')).toEqual({ a: 1 });
    expect(extractJsonObject('```json\n{"a": "x"}\n```')).toEqual({ a: 'x' });
    expect(extractJsonObject('Voici le défi :\n{"a": [1, 2]}\nBonne chance !')).toEqual({
      a: [1, 2],
    });
  });

  it('drops comments outside strings only', () => {
    expect(
      extractJsonObject(
        '{"url": "a//b", /* note */ "n": 2 // fin\n, "s": "/* pas un commentaire */"}',
      ),
    ).toEqual({ url: 'a//b', n: 2, s: '/* pas un commentaire */' });
    expect(stripJsonComments('"a\\"//b" // x')).toBe('"a\\"//b" \n');
  });

  it('gives up on what is not one complete object', () => {
    for (const text of [
      '',
      'pas de JSON',
      '[1, 2]',
      '"texte"',
      '42',
      '{"question": "coupée',
      '{"a": 1',
      '} à l’envers {',
    ]) {
      expect(extractJsonObject(text), text).toBeNull();
    }
  });
});
