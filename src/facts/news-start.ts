import { lexiconIs } from './lexicon.ts';
import { MONTH_PATTERN as MONTH, monthNumber } from '../text/iso-date.ts';

// Datelines that open a body: "Date of publication 14 October 2016", "Published October 2 2017", "Wed 19 Apr 2017", "BEIRUT (AP) —".
const DATELINES = [
  new RegExp(`^(?:Date of publication|Published|Posted|Updated|Last updated)\\s*:?\\s*(?:on\\s+|at\\s+)?(?:[A-Z][a-z]+,?\\s+)?(?:\\d{1,2}\\s+${MONTH},?\\s+\\d{4}|${MONTH}\\s+\\d{1,2},?\\s*\\d{4})(?:\\s+\\d{1,2}:\\d{2}(?:\\s*[AaPp]\\.?[Mm]\\.?)?)?(?:\\s*(?:GMT|UTC))?\\s*`),
  new RegExp(`^(?:\\p{Lu}{2,6}\\s+)?(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\\.?,?\\s+\\d{1,2}\\s+${MONTH},?\\s+\\d{4}\\s*`, 'u'),
  /^\p{Lu}[\p{Lu} .'-]{2,30}(?:\s*\([\p{L} .]{2,30}\))?\s*[-—–]\s+/u,
  // A bare date opening the text: "6 July 2015 So called Islamic State …", "June 16, 2017 The ministry …".
  new RegExp(`^(?:\\d{1,2}\\s+${MONTH},?\\s+\\d{4}|${MONTH}\\s+\\d{1,2},?\\s+\\d{4})\\s+(?=\\p{Lu})`, 'u'),
  // A wire agency's name run into the first sentence: "AFP Children were among at least 56 civilians killed …".
  /^(?:AFP|AP|Reuters)\s+(?=(?!Photo)\p{Lu}\p{Ll})/u,
  // A byline after the date, or opening a sentence of its own once the date is split off: "by Nazeer Rida At least 12 …".
  /^by\s+(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}(?=\p{Lu})/u,
];
const NUMBER_WORD = /^(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Thirteen|Fourteen|Fifteen|Sixteen|Seventeen|Eighteen|Nineteen|Twenty|Thirty|Forty|Fifty|Hundreds|Thousands|Dozens|At|More|About|Some|Nearly|Several|Many)$/;
const FUNCTION_START = /^(?:The|A|An|In|On|At|It|He|She|They|We|This|These|After|Before|As|When|While|Since|According)$/;

/** An all-capital city opening the text, the dateline of a wire story: "BEIRUT Syrian government forces …". */
function cityDateline(text: string): number {
  const match = /^(\p{Lu}{3,}(?:\s+\p{Lu}{3,})?)\s*(?:\([\p{L} .]{2,30}\))?\s*[-—–:]?\s+(?=\p{Lu})/u.exec(text);
  return match !== null && lexiconIs(match[1]!.toLowerCase(), 'place') ? match[0].length : 0;
}

/**
 * Where the news starts in a sentence that opens with a dateline or a web
 * page's tag list ("Tags Syria Aleppo … At least 20 people were killed"):
 * a character offset into the sentence, or -1 when nothing of it is news.
 */
export function newsStart(text: string): number {
  let start = 0;
  // Web-page chrome run into the text: "24.07.2016Get short URL 124 At least four people …".
  const chrome = /^.{0,40}?Get short URL\s*\d*\s*/.exec(text);
  if (chrome !== null) start = chrome[0].length;
  for (const pattern of DATELINES) {
    const match = pattern.exec(text.slice(start));
    if (match !== null && match[0].length < text.length - start) start += match[0].length;
  }
  start += cityDateline(text.slice(start));
  const tags = /^Tags\s+/.exec(text.slice(start));
  if (tags !== null) {
    // The tag list runs into the first sentence; that sentence starts at a capitalised function or number word.
    const rest = text.slice(start + tags[0].length);
    let offset = 0;
    for (const word of rest.split(/(\s+)/)) {
      if (offset > 0 && (FUNCTION_START.test(word) || NUMBER_WORD.test(word)) && /^\p{Lu}/u.test(word)) return start + tags[0].length + offset;
      offset += word.length;
    }
    return -1;
  }
  return start;
}

// A date opening a body, after a publishing word or a wire's weekday: "Date of publication 7 July 2016", "AFP Sunday 1 Feb
// 2015", "Last updated at Apr 092017", "Published July 21 2015", "5 Sep 2016".
const OPENING_DATE = new RegExp(
  `^(?:(?:Date of publication|Published|Posted|Updated|Last updated)\\s*:?\\s*(?:on\\s+|at\\s+)?|(?:\\p{Lu}{2,6}\\s+)?(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\\.?,?\\s+)?` +
    `(?:(?<day>\\d{1,2})\\s+(?<month>${MONTH}),?\\s+(?<year>\\d{4})|(?<month2>${MONTH})\\s+(?<day2>\\d{1,2}),?\\s*(?<year2>\\d{4}))(?!\\d)`,
  'u',
);

/**
 * The date a story gives itself: the one its opening dateline writes ("AFP Sunday 1 Feb 2015 At least seven people
 * …"), else the article's publication date. A weekday or "yesterday" in the story is counted from it: the shipped
 * articles' publication dates are often a copy's, days or weeks after the report (73 of the 183 opening on a date
 * differ from it), and "on Sunday" in a report dated Sunday 1 February is that day, not the 15th.
 */
export function storyDate(article: { date: string | null; paragraphs: readonly string[] }): string | null {
  const match = OPENING_DATE.exec(article.paragraphs[0]?.trimStart() ?? '');
  const groups = match?.groups;
  if (groups === undefined) return article.date;
  const month = monthNumber(groups.month ?? groups.month2 ?? '');
  const day = Number(groups.day ?? groups.day2);
  const year = Number(groups.year ?? groups.year2);
  const date = new Date(Date.UTC(year, (month ?? 0) - 1, day));
  if (month === null || date.getUTCDate() !== day) return article.date;
  return date.toISOString().slice(0, 10);
}
