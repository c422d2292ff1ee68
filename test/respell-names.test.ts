import { describe, expect, test } from 'vitest';
import { createRespeller } from '../eval/respell-names.ts';
import { makeArticle } from './helpers/make-article.ts';

describe('respelling the names of a question for the eval', () => {
  const articles = [
    makeArticle('a', 'Strikes on Raqqa', ['Air strikes hit Raqqa on Monday. Raqqa is held by the group.'], '2017-06-01', 'a.json'),
    makeArticle('b', 'Strikes on Raqa', ['Air strikes hit Raqa on Tuesday. The Observatory said Raqa was hit again.'], '2017-06-02', 'b.json'),
    makeArticle('c', 'Homs', ['Shelling hit Homs. Homs and Hama were quiet later.'], '2017-06-03', 'c.json'),
  ];
  const respell = createRespeller(articles);

  test("a name is respelled as another article spells it, and the swap is told", () => {
    expect(respell('when did air strikes hit Raqqa?')).toEqual({ question: 'when did air strikes hit Raqa?', swaps: [['Raqqa', 'Raqa']] });
  });

  test('a question without such a name, and its first word, are left as they are', () => {
    expect(respell('what hit Homs?')).toBeNull();
    expect(respell('Raqqa was hit when?')).toBeNull();
  });
});
