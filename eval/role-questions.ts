import type { XquadQuestion } from './load-xquad.ts';

/**
 * "Who is the UN Special Envoy for Syria?" questions, made from the identity questions ("who is Staffan de Mistura?")
 * by asking for the name each of their gold descriptions gives: the name is the gold. Only descriptions of two words
 * or more holding a capital ("UN Special Envoy for Syria", not "spokesman"), each once: a bare role is many people's.
 * Mechanical, so the sets' questions need not be read to make them; some descriptions still fit others ("UN envoy").
 */
export function roleQuestions(identity: readonly XquadQuestion[]): XquadQuestion[] {
  const asked = new Set<string>();
  const questions: XquadQuestion[] = [];
  for (const question of identity) {
    const name = /^who (?:is|was) (.+?)\??$/i.exec(question.question)?.[1];
    if (name === undefined) continue;
    for (const gold of question.golds) {
      const role = gold.replace(/^(?:the|a|an)\s+/i, '');
      if (role.split(/\s+/).length < 2 || !/\p{Lu}/u.test(role) || asked.has(role.toLowerCase())) continue;
      asked.add(role.toLowerCase());
      questions.push({ id: `${question.id}:role:${questions.length}`, question: `who is the ${role}?`, golds: [name], articleId: question.articleId });
    }
  }
  return questions;
}
