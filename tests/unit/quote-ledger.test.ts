import { describe, expect, it } from 'vitest';
import { buildQuoteLedger, type ArticleQuotes } from '../../src/lib/model/quote-ledger.ts';

const article = (id: string, pubDate: string, topics: string[], quotes: ArticleQuotes['quotes']): ArticleQuotes =>
  ({ article: id, pubDate: new Date(pubDate), topics, quotes });
const q = (id: string, by: string, extra: { role?: string; date?: string; inline?: boolean } = {}) =>
  ({ id, by, text: `words of ${id}`, inline: extra.inline ?? false, ...extra });

const ARTICLES = [
  article('2018/07/envoy', '2018-07-12T09:00:00Z', ['iran-russia', 'jcpoa'], [
    q('quote-velayati-1', 'velayati', { role: 'envoy' }),
    q('quote-qassemi-1', 'qassemi', { date: '2018-07-11' }),
    q('quote-velayati-2', 'velayati', { inline: true }),
  ]),
  article('2019/01/later', '2019-01-05', ['jcpoa'], [q('quote-qassemi-1', 'qassemi', { date: '2019' })]),
  article('2017/05/earlier', '2017-05-01', ['iran-russia'], [q('quote-velayati-1', 'velayati'), q('quote-ghost-1', 'ghost')]),
];
const ledger = buildQuoteLedger(ARTICLES, (id) => id !== 'ghost');
const keys = (list: { article: string; id: string }[] | undefined) => (list ?? []).map((x) => `${x.article}#${x.id}`);

describe('the quote ledger', () => {
  it('records speaker, text, article, date (the pubDate unless given), role at the time and topics', () => {
    const first = ledger.bySpeaker.get('velayati')![0]!;
    expect(first).toEqual({
      id: 'quote-velayati-1', speaker: 'velayati', text: 'words of quote-velayati-1', article: '2018/07/envoy',
      date: { year: 2018, month: 7, day: 12, precision: 'day', iso: '2018-07-12' }, role: 'envoy',
      topics: ['iran-russia', 'jcpoa'], inline: false,
    });
    expect(ledger.bySpeaker.get('qassemi')!.map((x) => x.date.iso)).toEqual(['2019', '2018-07-11']);
  });

  it('lists everything newest first, keeping text order within an article, without unknown speakers', () => {
    expect(keys(ledger.quotes)).toEqual([
      '2019/01/later#quote-qassemi-1',
      '2018/07/envoy#quote-velayati-1',
      '2018/07/envoy#quote-velayati-2',
      '2018/07/envoy#quote-qassemi-1',
      '2017/05/earlier#quote-velayati-1',
    ]);
    expect(ledger.bySpeaker.has('ghost')).toBe(false);
  });

  it('gives each person their quotes newest first', () => {
    expect(keys(ledger.bySpeaker.get('velayati'))).toEqual([
      '2018/07/envoy#quote-velayati-1', '2018/07/envoy#quote-velayati-2', '2017/05/earlier#quote-velayati-1',
    ]);
  });

  it('knows who was quoted on each topic, most quoted first', () => {
    expect(ledger.speakersByTopic.get('iran-russia')!.map((t) => [t.speaker, t.count])).toEqual([['velayati', 3], ['qassemi', 1]]);
    expect(ledger.speakersByTopic.get('jcpoa')!.map((t) => [t.speaker, t.count, t.latest.date.iso])).toEqual([
      ['qassemi', 2, '2019'], ['velayati', 2, '2018-07-12'],
    ]);
    expect(keys(ledger.byTopic.get('jcpoa'))).toHaveLength(4);
  });

  it('is empty for an archive without quotations', () => {
    const empty = buildQuoteLedger([article('a', '2018-01-01', ['t'], [])]);
    expect(empty.quotes).toEqual([]);
    expect(empty.speakersByTopic.size).toBe(0);
  });
});
