import { isTimeStamp } from '../text/split-sentences.ts';
import { splitWords } from '../text/terms.ts';

/** Sentences of fewer words than this say too little to summarise an article. */
export const MIN_SUMMARY_WORDS = 4;

// Calls to action and page furniture, recognised where they open a sentence
// ("Sign up for …"), so that a report that merely mentions signing up ("It
// hopes to sign up AOL's customers") is kept.
const CALL_TO_ACTION_OPENING =
  /^(?:[-–—•*>|]\s*)?(?:(?:click|tap) (?:here|on|to|the|this)|sign up|subscribe (?:to|for|now|here)|follow us|like us on|join us on|share (?:this|on)|download (?:our|the) app|read more|read the full|related(?: articles?| stories| coverage)?\s*:|see also\s*:|watch(?: the)? video|advertisement|sponsored (?:content|by)|copyright (?:©|\(c\)|\d{4})|all rights reserved|©|image (?:source|copyright|caption)|(?:photo(?:graph)?|picture|credit|published|updated|posted|email)\s*:|last (?:updated|modified)|contact us|terms of (?:use|service)|privacy policy)(?:(?<=[:©])|(?![\p{L}\p{N}]))/iu;

// The same furniture wherever it stands in the sentence, when its wording can only be furniture.
const CALL_TO_ACTION_ANYWHERE =
  /\b(?:click here|click (?:on )?(?:the )?link|follow us on|like us on|sign up (?:for|to) (?:our|the|a) (?:free )?(?:daily |weekly )?(?:newsletter|alerts?|email)|subscribe to (?:our|the) (?:newsletter|channel|podcast)|all rights reserved)\b|\bcomment via (?:facebook|twitter|disqus)|\bcommunity standards\s*discussion/i;

// Photo credits: "(AP Photo/Militant video, File)", "Photo: Jane Doe/Getty Images".
const PHOTO_CREDIT =
  /^\(?\s*(?:(?:AP|AFP|EPA|Reuters|Getty|PA|Xinhua)\s+(?:Photo|Images?)|Photo(?:graph)?s?\s*(?:by|courtesy|credit|:)|Images?\s*(?:by|courtesy|credit|:)|Picture\s*(?:by|:))/i;
const CREDIT_SOURCE = /\b(?:Getty Images|AP Photo|AFP(?:\/Getty)?|Reuters|EPA|PA Wire|Shutterstock|Alamy)\b/i;

// A dateline standing alone: "WASHINGTON (AP) —", "LONDON, June 5 -", "Friday, June 16, 2017".
// Only tried on short sentences, which a dateline is (and which keeps the pattern cheap).
const DATELINE_MAX_CHARACTERS = 80;
const DATELINE =
  /^(?:[A-Z][A-Z.'’ -]+(?:,\s*[A-Z][\p{L}.]*)*\s*(?:\([^)]{1,30}\))?\s*[-–—:]?|(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s*)?(?:\d{1,2}\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s*(?:\d{1,2},?\s*)?(?:\d{4})?(?:\s+\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?\s*[-–—:]?|\d{4}-\d{2}-\d{2})$/u;

const URL = /\b(?:https?:\/\/|www\.)\S+/gi;

// The links of a site's footer, run together as a saved page keeps them: "… Contact Us Legal Terms of Use Privacy
// Policy Cookie Policy". Two of them make a sentence navigation, not news.
const FOOTER_LINKS = /\b(?:privacy policy|cookie policy|terms of (?:use|service)|contact us|about us|press releases|advertise with us|site map|sitemap|watch live|tv schedule)\b/gi;

/**
 * True for a sentence that is page furniture rather than reporting, which a
 * summary should never quote: calls to action ("Click here", "Follow us on
 * Twitter", "Sign up for our newsletter"), photo credits, a dateline or a
 * date standing alone, a sentence that is mostly a web address, and any
 * sentence of {@link MIN_SUMMARY_WORDS} − 1 words or fewer.
 *
 * @example isBoilerplate('Follow us on Twitter for the latest news.') // true
 * @example isBoilerplate('It hopes to sign up AOL\'s existing customers for broadband.') // false
 */
export function isBoilerplate(sentence: string): boolean {
  return splitWords(sentence.replace(URL, ' ')).length < MIN_SUMMARY_WORDS || isPageFurniture(sentence);
}

/**
 * True for a sentence that is page furniture whatever its length: the tests
 * of {@link isBoilerplate} other than the count of words. A short sentence
 * ("He resigned Tuesday.") may still answer a question; furniture never does.
 *
 * @example isPageFurniture('Tags Daesh Syria Community standardsDiscussion Comment via Facebook') // true
 * @example isPageFurniture('He said no.') // false
 */
export function isPageFurniture(sentence: string): boolean {
  const text = sentence.trim();
  if (CALL_TO_ACTION_OPENING.test(text) || CALL_TO_ACTION_ANYWHERE.test(text)) return true;
  if (PHOTO_CREDIT.test(text)) return true;
  // A short sentence naming a picture agency beside a slash or a picture is a credit line ("Jane Doe/Getty Images").
  if (text.length < 80 && CREDIT_SOURCE.test(text) && /\/|\bphoto|\bimage|\bpicture/i.test(text)) return true;
  if (text.length <= DATELINE_MAX_CHARACTERS && (DATELINE.test(text) || isTimeStamp(text))) return true;
  if ((text.match(FOOTER_LINKS) ?? []).length >= 2) return true;
  const urlChars = (text.match(URL) ?? []).reduce((sum, url) => sum + url.length, 0);
  return urlChars > text.length / 2;
}
