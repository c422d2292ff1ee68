const ZERO_WIDTH_SPACE = '\u200b';

/**
 * Makes article text (or anything a user typed) display literally in a
 * Discord message or embed: Markdown marks (`* _ ~ \` | [ ] \\`) are escaped,
 * so are line-start marks (`>` quotes, `#` headings, `- `/`+ ` lists, `-#`, `1. `),
 * mentions and other `<…>` tags (`<@123>`, `<@&456>`, `<#789>`, `<t:0>`)
 * show as text, and `@everyone` / `@here` get a zero-width space so they can
 * never read as a mass mention. (Pings are also prevented by
 * `allowedMentions: { parse: [] }` on every message; this is about display.)
 *
 * @example escapeMarkdown('**Breaking** @everyone <@123>') // '\\*\\*Breaking\\*\\* @\u200beveryone \\<@123>'
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\*_~`|[\]<]/gu, (mark) => `\\${mark}`)
    // Line-start marks: a quote, a heading, a list item, Discord's `-#` subtext, a numbered item ("3. ", not "3.5").
    .replace(/^([ \t]*)(>|#|[-+](?=\s|#)|\d+\.(?=\s))/gmu, (_, space: string, mark: string) => (mark.endsWith('.') ? `${space}${mark.slice(0, -1)}\\.` : `${space}\\${mark}`))
    .replace(/@(everyone|here)/gu, `@${ZERO_WIDTH_SPACE}$1`);
}
