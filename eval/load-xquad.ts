import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Article } from '../src/article.ts';
import { buildArticle } from '../src/parse/build-article.ts';

/** Where the XQuAD file lives inside the shared data folder. */
export const XQUAD_FILE = 'xquad-dev/xquad-dev.json';

const SquadSchema = z.object({
  version: z.string().optional(),
  data: z
    .array(
      z.object({
        title: z.string().min(1),
        paragraphs: z.array(
          z.object({
            context: z.string().min(1),
            qas: z.array(
              z.object({
                id: z.string(),
                question: z.string().min(1),
                answers: z.array(z.object({ text: z.string(), answer_start: z.number().int() })).min(1),
              }),
            ),
          }),
        ),
      }),
    )
    .min(1),
});

/** One XQuAD question, with the article (paragraph) its answer comes from. */
export interface XquadQuestion {
  id: string;
  question: string;
  /** The gold answer texts (XQuAD has one per question; SQuAD files may have several). */
  golds: string[];
  /** The id of the article built from the question's paragraph. */
  articleId: string;
}

/** The XQuAD set as the harness uses it: one article per paragraph, and every question. */
export interface XquadSet {
  articles: Article[];
  questions: XquadQuestion[];
}

/**
 * Reads a SQuAD v1.1-format file and turns every paragraph into one article
 * (title: the Wikipedia title with underscores as spaces; date null; source
 * "Wikipedia"; id `xquad-dev.json#N`, N counting paragraphs from 1), built
 * with the project's {@link buildArticle}. Throws with the file named if the
 * file is not SQuAD-shaped or a paragraph cannot be built.
 */
export async function loadXquad(path: string): Promise<XquadSet> {
  const raw: unknown = JSON.parse(await readFile(path, 'utf8'));
  const parsed = SquadSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`loadXquad: ${path} is not in SQuAD v1.1 format:\n${z.prettifyError(parsed.error)}`);
  const file = 'xquad-dev.json';
  const articles: Article[] = [];
  const questions: XquadQuestion[] = [];
  for (const entry of parsed.data.data) {
    const title = entry.title.replace(/_/g, ' ');
    for (const paragraph of entry.paragraphs) {
      const id = `${file}#${articles.length + 1}`;
      const built = buildArticle(
        { title, date: null, source: 'Wikipedia', paragraphs: [paragraph.context], captions: [] },
        { id, file, format: 'json' },
      );
      if (!built.ok) throw new Error(`loadXquad: paragraph ${id} ("${title}") ${built.error.message}`);
      articles.push(built.article);
      for (const qa of paragraph.qas) {
        questions.push({ id: qa.id, question: qa.question, golds: qa.answers.map((a) => a.text), articleId: id });
      }
    }
  }
  return { articles, questions };
}
