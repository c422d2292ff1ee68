import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { escapeMarkdown } from '../../src/format/escape-markdown.ts';
import { fitLines, fitPieces } from '../../src/format/fit-text.ts';
import { ELLIPSIS, truncateText } from '../../src/format/truncate-text.ts';

/** No lone surrogate (String.prototype.isWellFormed, which ES2023 typings lack). */
function wellFormed(text: string): boolean {
  return !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}

describe('truncateText', () => {
  const cases = [
    { text: 'Short enough.', max: 20, out: 'Short enough.' },
    { text: 'The raid killed 30 leaders. It also killed 300 fighters.', max: 40, out: 'The raid killed 30 leaders. …' },
    { text: 'Russia claims it killed the leader', max: 20, out: 'Russia claims it…' },
    { text: 'Supercalifragilisticexpialidocious', max: 10, out: 'Supercali…' },
    { text: 'one two, three', max: 10, out: 'one two…' },
    { text: 'abc', max: 1, out: '…' },
    { text: 'abc', max: 0, out: '' },
    { text: '😀😀😀😀😀', max: 4, out: '😀…' },
    { text: 'escaped \\*\\*bold\\*\\* text here', max: 11, out: 'escaped…' },
    { text: 'abcdefghi\\*xyz', max: 11, out: 'abcdefghi…' },
  ];
  for (const t of cases) {
    test(`truncateText(${JSON.stringify(t.text)}, ${t.max}) → ${JSON.stringify(t.out)}`, () => {
      expect(truncateText(t.text, t.max)).toBe(t.out);
    });
  }

  test('never longer than max; a cut text ends with "…" and keeps a prefix of the original (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'grapheme', maxLength: 200 })), fc.integer({ min: 0, max: 300 }), (text, max) => {
        const out = truncateText(text, max);
        expect(out.length).toBeLessThanOrEqual(max);
        if (text.length <= max) {
          expect(out).toBe(text);
        } else {
          if (max >= 1) expect(out.endsWith(ELLIPSIS)).toBe(true);
          const kept = out.slice(0, -1).trimEnd();
          expect(text.startsWith(kept)).toBe(true);
          // A cut never leaves half of a surrogate pair.
          if (wellFormed(text)) expect(wellFormed(out)).toBe(true);
        }
      }),
    );
  });
});

describe('escapeMarkdown', () => {
  const cases = [
    { in: '**bold** _it_ ~~strike~~ `code` ||spoiler||', out: '\\*\\*bold\\*\\* \\_it\\_ \\~\\~strike\\~\\~ \\`code\\` \\|\\|spoiler\\|\\|' },
    { in: '@everyone and @here', out: '@\u200beveryone and @\u200bhere' },
    { in: '<@123> <@!4> <@&456> <#789> <t:0:R>', out: '\\<@123> \\<@!4> \\<@&456> \\<#789> \\<t:0:R>' },
    { in: '[click](https://evil.example)', out: '\\[click\\](https://evil.example)' },
    { in: '> quote\n# heading\n- item\n-# small\n1. first', out: '\\> quote\n\\# heading\n\\- item\n\\-# small\n1\\. first' },
    { in: '3.5 million euros - a record', out: '3.5 million euros - a record' },
    { in: 'back\\slash', out: 'back\\\\slash' },
  ];
  for (const t of cases) {
    test(`escapeMarkdown(${JSON.stringify(t.in)}) → ${JSON.stringify(t.out)}`, () => {
      expect(escapeMarkdown(t.in)).toBe(t.out);
    });
  }
});

describe('fitPieces and fitLines', () => {
  test('fixed parts are kept whole; flexible ones share the rest, short ones whole', () => {
    const out = fitPieces(['> ', { flexible: 'short quote' }, '\n— A\n> ', { flexible: 'a much longer quote that has to be cut somewhere' }, '\n— B'], 50);
    expect(out.length).toBeLessThanOrEqual(50);
    expect(out).toMatch(/^> short quote\n— A\n> a much longer quote[^\n]*…\n— B$/u);
  });

  test('fitLines keeps whole lines and says how many were left out', () => {
    const lines = Array.from({ length: 10 }, (_, i) => `line number ${i}`);
    expect(fitLines(lines, 60)).toBe('line number 0\nline number 1\nline number 2\n…and 7 more');
    expect(fitLines(lines, 1000)).toBe(lines.join('\n'));
  });
});
