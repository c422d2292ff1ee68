/** The rate limiter, the conversation store and the button custom ids. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ConversationStore, recordAnswerShown, recordArticleShown } from '../../src/conversation/conversation-store.ts';
import { createRateLimiter } from '../../src/rate-limit/create-rate-limiter.ts';
import { decodeCustomId, encodeCustomId, type ButtonAction } from '../../discord/custom-id.ts';
import type { Citation } from '../../src/answer/types.ts';

describe('createRateLimiter', () => {
  test('allows `limit` actions per window per key, then says how long to wait', () => {
    let now = 1_000;
    const limiter = createRateLimiter({ limit: 3, now: () => now });
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')].every((r) => r.allowed)).toBe(true);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterMs: 60_000 });
    expect(limiter.take('b').allowed).toBe(true);
    now += 59_999;
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterMs: 1 });
    now += 1;
    expect(limiter.take('a').allowed).toBe(true);
  });

  test('a limit of 0 turns it off', () => {
    const limiter = createRateLimiter({ limit: 0 });
    for (let i = 0; i < 100; i++) expect(limiter.take('a').allowed).toBe(true);
  });

  test('never allows more than `limit` in any window (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(fc.integer({ min: 0, max: 30_000 }), { maxLength: 60 }), (limit, gaps) => {
        let now = 0;
        const limiter = createRateLimiter({ limit, windowMs: 60_000, now: () => now });
        const allowed: number[] = [];
        for (const gap of gaps) {
          now += gap;
          if (limiter.take('u').allowed) allowed.push(now);
        }
        for (const t of allowed) expect(allowed.filter((u) => u > t - 60_000 && u <= t).length).toBeLessThanOrEqual(limit);
      }),
    );
  });

  test('remembers a bounded number of keys', () => {
    const limiter = createRateLimiter({ limit: 1, maxKeys: 2, now: () => 0 });
    limiter.take('a');
    limiter.take('b');
    limiter.take('c'); // forgets a
    expect(limiter.take('a').allowed).toBe(true);
  });
});

const cite = (articleId: string): Citation => ({ articleId, title: 't', source: null, date: null, file: 'f', paragraph: 0, quote: 'q', start: 0, end: 1 });

describe('ConversationStore', () => {
  test('an article shown becomes current; an answer moves it to its first citation, an abstention does not', () => {
    const conversation = new ConversationStore().get('c');
    recordArticleShown(conversation, 'a', [cite('a')]);
    expect(conversation.currentArticleId).toBe('a');
    recordAnswerShown(conversation, 'q', 'answer', [cite('b'), cite('a')]);
    expect(conversation.currentArticleId).toBe('b');
    recordAnswerShown(conversation, 'q', null, [cite('c')]);
    expect(conversation.currentArticleId).toBe('b');
    expect(conversation.lastShown).toMatchObject({ kind: 'answer', abstained: true });
  });

  test('is bounded: the least recently used conversation is forgotten', () => {
    const store = new ConversationStore({ maxConversations: 2 });
    recordArticleShown(store.get('one'), 'a', []);
    store.get('two');
    store.get('one'); // used again
    store.get('three');
    expect(store.size).toBe(2);
    expect(store.get('one').currentArticleId).toBe('a');
    expect(store.get('two').currentArticleId).toBeNull(); // was forgotten, now new
  });
});

describe('button custom ids', () => {
  const cases: { action: ButtonAction; id: string }[] = [
    { action: { kind: 'more', scope: { type: 'all' }, questionHash: 'Ab3_x9Kq0Z' }, id: 'ask:more:n:Ab3_x9Kq0Z' },
    { action: { kind: 'more', scope: { type: 'article', key: 'k-y_456789' }, questionHash: 'Ab3_x9Kq0Z' }, id: 'ask:more:ak-y_456789:Ab3_x9Kq0Z' },
    { action: { kind: 'more', scope: { type: 'current', key: 'key4567890' }, questionHash: 'Ab3_x9Kq0Z' }, id: 'ask:more:ckey4567890:Ab3_x9Kq0Z' },
    { action: { kind: 'source', passages: [{ key: 'key4567890', paragraph: 3, start: 0, end: 195 }] }, id: 'ask:src:key4567890.3.0.5f' },
  ];
  for (const t of cases) {
    test(`${JSON.stringify(t.action)} ⇄ ${t.id}`, () => {
      expect(encodeCustomId(t.action)).toBe(t.id);
      expect(decodeCustomId(t.id)).toEqual(t.action);
    });
  }

  test('any passages fit in 100 characters, best first, and read back (property)', () => {
    const key = fc.stringMatching(/^[\w-]{10}$/u);
    const passage = fc.record({ key, paragraph: fc.nat({ max: 5000 }), start: fc.nat({ max: 5_000_000 }), end: fc.nat({ max: 5_000_000 }) });
    fc.assert(
      fc.property(fc.array(passage, { minLength: 1, maxLength: 8 }), (passages) => {
        const id = encodeCustomId({ kind: 'source', passages });
        expect(id.length).toBeLessThanOrEqual(100);
        const back = decodeCustomId(id);
        expect(back?.kind).toBe('source');
        if (back?.kind === 'source') {
          expect(back.passages.length).toBeGreaterThanOrEqual(1);
          expect(back.passages).toEqual(passages.slice(0, back.passages.length));
        }
      }),
    );
  });

  for (const id of ['', 'ask:more:n:short', 'ask:src:', 'ask:src:key.1.2', 'other:thing', 'ask:more:x0123456789:Ab3_x9Kq0Z']) {
    test(`decodeCustomId(${JSON.stringify(id)}) → null`, () => {
      expect(decodeCustomId(id)).toBeNull();
    });
  }
});
