import { describe, expect, test } from 'vitest';
import { aliasNames, PARTICLE_GROUPS, swapNames } from '../eval/alias-names.ts';

describe('swapping the names of a question for aliases, for the eval', () => {
  const article = { title: 'Strikes on Raqqa', paragraphs: ['Air strikes hit ISIS positions in Raqqa, the Syrian Democratic Forces said.'] };

  test('a name is swapped for an alias the answer\'s article does not write, and the swap is told', () => {
    expect(aliasNames('what did the SDF say about the strikes on ISIS?', article)).toEqual({
      question: 'what did the SDF say about the strikes on ISIL?',
      swaps: [['ISIS', 'ISIL']],
    });
    expect(aliasNames('what did the Islamic State hold?', article)).toEqual({ question: 'what did the ISIL hold?', swaps: [['Islamic State', 'ISIL']] });
  });

  test('a name inside another word, a question without listed names, and "IS" as a target are left alone', () => {
    expect(aliasNames('what did UNICEF say?', article)).toBeNull();
    expect(aliasNames('what hit Raqqa?', article)).toBeNull();
    const everyName = { title: 'All', paragraphs: ['ISIS, ISIL, Daesh and Islamic State are one group.'] };
    expect(aliasNames('what did ISIS hold?', everyName)).toBeNull();
  });
});

describe('writing the particle of a name otherwise, for the eval', () => {
  test('a name written in lower case is found, and swapped for a writing the answer\'s article does not use', () => {
    const article = { title: 'Shelling in Deir Ezzor', paragraphs: ['Shells hit Deir Ezzor and Deir ez-Zor airport.'] };
    expect(swapNames('how many shells hit deir ezzor?', article, PARTICLE_GROUPS, 'iu')).toEqual({ question: 'how many shells hit Deir al-Zor?', swaps: [['Deir Ezzor', 'Deir al-Zor']] });
  });
});
