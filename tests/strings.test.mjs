// The page's words in both languages: every key the Chinese words have, the English ones have too
// (and no other), at every depth, the same kind of thing (text, words with numbers filled in, a
// list as long), so a word missing in one language is caught before a reader meets a blank.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadStrings, PARTS } from '../www/i18n.js';

const kind = (v) => (Array.isArray(v) ? 'list' : v === null ? 'null' : typeof v);

/** Where `a` and `b` differ in shape, as paths like `tour.steps.3.live`. */
function differences(a, b, path = []) {
  const at = path.join('.') || '(top)';
  if (kind(a) !== kind(b)) return [`${at}: ${kind(a)} in zh, ${kind(b)} in en`];
  if (kind(a) === 'list' && a.length !== b.length) return [`${at}: ${a.length} items in zh, ${b.length} in en`];
  if (kind(a) === 'string' && (a === '') !== (b === '')) return [`${at}: empty in one language`];
  if (kind(a) !== 'object' && kind(a) !== 'list') return [];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].flatMap((k) => {
    if (!(k in b)) return [`${[...path, k].join('.')}: missing in en`];
    if (!(k in a)) return [`${[...path, k].join('.')}: missing in zh`];
    return differences(a[k], b[k], [...path, k]);
  });
}

test('the Chinese and English words have the same keys, recursively, the lesson path and network stage included', async () => {
  const [zh, en] = await Promise.all([loadStrings('zh', PARTS), loadStrings('en', PARTS)]);
  for (const part of PARTS) assert.equal(kind(zh[part]), 'object', `${part} words load`);
  assert.deepEqual(differences(zh, en), []);
  assert.equal(zh.htmlLang, 'zh-CN');
  assert.equal(en.htmlLang, 'en');
});

test('the comparison notices a missing word, an extra one and a shorter list', () => {
  const zh = { a: 'x', b: { c: 'y', d: ['1', '2'] }, f: (n) => n };
  assert.deepEqual(differences(zh, { a: 'x', b: { c: 'y', d: ['1', '2'] }, f: (n) => n }), []);
  assert.deepEqual(differences(zh, { a: 'x', b: { d: ['1'] }, f: 'n', g: 'z' }), [
    'b.c: missing in en', 'b.d: 2 items in zh, 1 in en', 'f: function in zh, string in en', 'g: missing in zh',
  ]);
});
