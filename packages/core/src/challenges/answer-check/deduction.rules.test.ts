import { describe, expect, it } from 'vitest';

import { deductionAnswerMatches, normalizeElement, parseAssociations } from './deduction.rules.ts';

describe('normalizeElement', () => {
  it.each([
    ['1er', '1'],
    ['1ère', '1'],
    ['1e', '1'],
    ['1ere', '1'],
    ['2ème', '2'],
    ['2eme', '2'],
    ['2e', '2'],
    ['2nd', '2'],
    ['10ème', '10'],
    ['Première', '1'],
    ['deuxième', '2'],
    ['Second', '2'],
    ['dixième', '10'],
    ['  Emma ', 'emma'],
    ['la Chimie', 'chimie'],
    ["l'Éléphant", 'elephant'],
    ['"Tom"', 'tom'],
    ['le', 'le'],
    ['3', '3'],
  ])('%j → %j', (raw, element) => {
    expect(normalizeElement(raw)).toBe(element);
  });
});

describe('parseAssociations', () => {
  it('reads the `:` form, sorting the elements of each association', () => {
    expect([...parseAssociations('Emma:Chimie:700, Lucas:Info:600')]).toEqual([
      JSON.stringify(['700', 'chimie', 'emma']),
      JSON.stringify(['600', 'info', 'lucas']),
    ]);
  });

  it('reads the JSON-like form with single quotes and nested objects', () => {
    const json = "{'Emma': {'matière': 'Chimie', 'salle': 700}, 'Lucas': ['Info', 600]}";
    expect(parseAssociations(json)).toEqual(parseAssociations('Emma:Chimie:700, Lucas:Info:600'));
    expect(parseAssociations('{"Léa": "1er"}')).toEqual(parseAssociations('1:Léa'));
  });

  it('gives nothing for unparsable JSON or non-objects', () => {
    expect(parseAssociations('{Emma: Chimie')).toEqual(new Set());
    expect(parseAssociations('{')).toEqual(new Set());
    expect(parseAssociations(' , ; ')).toEqual(new Set());
  });
});

describe('deductionAnswerMatches (§4.4)', () => {
  it.each([
    ['lucas:600:info, emma:chimie:700', 'Emma:Chimie:700,Lucas:Info:600'],
    ['Emma : Chimie : 700 ; Lucas : Info : 600', 'Emma:Chimie:700,Lucas:Info:600'],
    ['Emma = chimie = 700\nLucas = info = 600', 'Emma:Chimie:700,Lucas:Info:600'],
    ['Emma:Chimie:700, Emma:Chimie:700, Lucas:Info:600', 'Emma:Chimie:700,Lucas:Info:600'],
    ['Léa: première, Tom: 2e', '1er:Léa, 2ème:Tom'],
    ['Elodie:chat', 'Élodie:Chat'],
    ['Emma: la chimie, Lucas: l’info', 'Emma:Chimie,Lucas:Info'],
    ['Emma:Chimie, Lucas:Info', "{'Emma': 'Chimie', 'Lucas': 'Info'}"],
  ])('accepts %j for %j', (user, correct) => {
    expect(deductionAnswerMatches(user, correct)).toBe(true);
  });

  it.each([
    ['Emma:Info:700,Lucas:Chimie:600', 'Emma:Chimie:700,Lucas:Info:600'],
    ['Emma:Chimie:700', 'Emma:Chimie:700,Lucas:Info:600'],
    ['Emma:Chimie:700,Lucas:Info:600,Zoé:Maths:500', 'Emma:Chimie:700,Lucas:Info:600'],
    ['Emma:Chimie', 'Emma:Chimie:700'],
    ['Léa: 2e, Tom: 1er', '1er:Léa, 2ème:Tom'],
    ['Emma:Chimie', '{Emma: Chimie'],
    ['a:b', ':'],
  ])('refuses %j for %j', (user, correct) => {
    expect(deductionAnswerMatches(user, correct)).toBe(false);
  });
});
