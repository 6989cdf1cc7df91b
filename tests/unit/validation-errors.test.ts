import { mkdirSync, renameSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveContentDir } from '../../src/lib/content/files.ts';
import {
  article, makeContentTree, md, removeContentTrees, reported, runPipeline, validateTree,
} from '../fixtures/content-tree.ts';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const BAD = 'content/articles/bad.md';

afterAll(removeContentTrees);

/** Validates the base archive plus one broken article at articles/bad.md. */
const badArticle = (text: string) => validateTree({ 'articles/bad.md': text }).report;

describe('valid archives', () => {
  it('the seed archive in content/ has no problems', () => {
    const { errors, report } = runPipeline(resolve(REPO, 'content'), REPO);
    expect(errors, report).toEqual([]);
  });

  it('the minimal fixture archive has no problems', () => {
    expect(validateTree().errors).toEqual([]);
  });
});

describe('missing or empty required field: file, field, "required"', () => {
  it('missing article title', () => {
    expect(badArticle(md('description: x\npubDate: 2018-07-12\ntopics: [diplomacy]')))
      .toMatch(reported(BAD, { field: 'title', has: ['required'] }));
  });

  it('empty string title and blank description', () => {
    const report = badArticle(md('title: ""\ndescription: "   "\npubDate: 2018-07-12\ntopics: [diplomacy]'));
    expect(report).toMatch(reported(BAD, { field: 'title', has: ['required'] }));
    expect(report).toMatch(reported(BAD, { field: 'description', has: ['required'] }));
  });

  it('empty topics list', () => {
    expect(badArticle(md('title: t\ndescription: x\npubDate: 2018-07-12\ntopics: []')))
      .toMatch(reported(BAD, { field: 'topics', has: ['required'] }));
  });

  it('pubDate with no value', () => {
    expect(badArticle(md('title: t\ndescription: x\npubDate:\ntopics: [diplomacy]')))
      .toMatch(reported(BAD, { field: 'pubDate', has: ['required'] }));
  });

  it('title and topics with no value say "required"', () => {
    const report = badArticle(md('title:\ndescription: x\npubDate: 2018-07-12\ntopics:'));
    expect(report).toMatch(reported(BAD, { field: 'title', has: ['required'] }));
    expect(report).toMatch(reported(BAD, { field: 'topics', has: ['required'] }));
  });

  it('missing required fields of events, topics, people, organizations and image', () => {
    const { report } = validateTree({
      'events/e.md': md('title: Something'),
      'topics/t.md': md('title: T'),
      'people/p.md': md('role: Spokesman'),
      'organizations/o.md': md('shortName: O'),
      'articles/bad.md': article('image: { src: /images/x.jpg }'),
    });
    expect(report).toMatch(reported('content/events/e.md', { field: 'date', has: ['required'] }));
    expect(report).toMatch(reported('content/topics/t.md', { field: 'description', has: ['required'] }));
    expect(report).toMatch(reported('content/people/p.md', { field: 'name', has: ['required'] }));
    expect(report).toMatch(reported('content/organizations/o.md', { field: 'name', has: ['required'] }));
    expect(report).toMatch(reported(BAD, { field: 'image.alt', has: ['required'] }));
  });
});

describe('wrong type, bad date, impossible date, bad ISO code, bad language tag: file, field, value, expected', () => {
  it('wrong type', () => {
    const report = badArticle(md('title: [a, b]\ndescription: x\npubDate: 2018-07-12\ntopics: [diplomacy]\ndraft: yes'));
    expect(report).toMatch(reported(BAD, { field: 'title', has: ['["a","b"]', 'expected text'] }));
    expect(report).toMatch(reported(BAD, { field: 'draft', has: ['"yes"', 'expected true or false'] }));
    expect(validateTree({ 'topics/t.md': md('title: T\ndescription: d\norder: first') }).report)
      .toMatch(reported('content/topics/t.md', { field: 'order', has: ['"first"', 'expected a number'] }));
  });

  it('bad date', () => {
    expect(badArticle(md('title: t\ndescription: x\npubDate: 12/07/2018\ntopics: [diplomacy]')))
      .toMatch(reported(BAD, { field: 'pubDate', has: ['"12/07/2018"', 'expected a date (2018-07-12) or an ISO 8601 date-time'] }));
    expect(validateTree({ 'events/e.md': md('title: E\ndate: July 2015') }).report)
      .toMatch(reported('content/events/e.md', { field: 'date', has: ['"July 2015"', 'expected a year (2015), a month (2015-07) or a day'] }));
  });

  it('impossible date', () => {
    expect(badArticle(md('title: t\ndescription: x\npubDate: 2018-02-30\ntopics: [diplomacy]')))
      .toMatch(reported(BAD, { field: 'pubDate', has: ['"2018-02-30"', 'expected a real day (2018-02 has 28 days)'] }));
    expect(validateTree({ 'events/e.md': md('title: E\ndate: 2018-13') }).report)
      .toMatch(reported('content/events/e.md', { field: 'date', has: ['"2018-13"', 'expected a real month'] }));
  });

  it('bad ISO country code', () => {
    expect(badArticle(article('countries: [IR, XX]')))
      .toMatch(reported(BAD, { field: 'countries[1]', has: ['"XX"', 'expected an upper-case ISO 3166-1 alpha-2 code'] }));
    expect(validateTree({ 'people/p.md': md('name: P\ncountry: ir') }).report)
      .toMatch(reported('content/people/p.md', { field: 'country', has: ['"ir"', 'ISO 3166-1 alpha-2'] }));
  });

  it('tags: not a list, a tag too long, the same tag twice', () => {
    expect(badArticle(article('tags: oil'))).toMatch(reported(BAD, { field: 'tags', has: ['"oil"', 'expected a list of text'] }));
    expect(badArticle(article(`tags: [oil, ${'x'.repeat(81)}]`))).toMatch(reported(BAD, { field: 'tags[1]', has: ['81 characters long', 'expected at most 80'] }));
    expect(badArticle(article('tags: [Oil, oil]'))).toMatch(reported(BAD, { field: 'tags', has: ['lists the same tag twice'] }));
    expect(validateTree({ 'articles/tagged.md': article('tags: [Oil, "Vienna talks"]') }).errors).toEqual([]);
  });

  it('unknown time zone, with the closest known one', () => {
    expect(badArticle(article('timezone: Asia/Teheran')))
      .toMatch(reported(BAD, { field: 'timezone', has: ['"Asia/Teheran"', 'expected an IANA time zone like "Asia/Tehran"', 'did you mean "Asia/Tehran"?'] }));
    expect(badArticle(article('timezone: 3')))
      .toMatch(reported(BAD, { field: 'timezone', has: ['3', 'expected an IANA time zone'] }));
    expect(validateTree({ 'articles/bad.md': article('timezone: Asia/Tehran') }).errors).toEqual([]);
  });

  it('bad language tag', () => {
    expect(badArticle(article('lang: english')))
      .toMatch(reported(BAD, { field: 'lang', has: ['"english"', 'expected a BCP 47 language tag'] }));
    expect(badArticle(article('lang: en_US'))).toMatch(reported(BAD, { field: 'lang', has: ['"en_US"'] }));
  });

  it('bad URL and bad id', () => {
    const report = badArticle(article('source: { name: X, url: "javascript:alert(1)" }\npeople: [Jane-Doe]'));
    expect(report).toMatch(reported(BAD, { field: 'source.url', has: ['"javascript:alert(1)"', 'expected an http:// or https:// URL'] }));
    expect(report).toMatch(reported(BAD, { field: 'people[0]', has: ['"Jane-Doe"', 'lower-case'] }));
  });
});

describe('unknown reference: file, field, unknown id, closest existing id', () => {
  it.each([
    ['topics: [diplomacey]', 'topics[0]', 'unknown topic "diplomacey"', 'did you mean "diplomacy"?'],
    ['people: [jane-do]', 'people[0]', 'unknown person "jane-do"', 'did you mean "jane-doe"?'],
    ['organizations: [united-nation]', 'organizations[0]', 'unknown organization "united-nation"', 'did you mean "united-nations"?'],
    ['events: [talks-begun]', 'events[0]', 'unknown event "talks-begun"', 'did you mean "talks-begin"?'],
    ['translationOf: 2018/first-storyy', 'translationOf', 'unknown article "2018/first-storyy"', 'did you mean "2018/first-story"?'],
  ])('%s', (line, field, unknown, suggestion) => {
    const text = line.startsWith('topics') ? md(`title: t\ndescription: x\npubDate: 2018-07-12\n${line}`) : article(line);
    expect(badArticle(text)).toMatch(reported(BAD, { field, has: [unknown, suggestion] }));
  });

  it('in an event file, an inline event and a topic parent', () => {
    const { report } = validateTree({
      'events/e.md': md('title: E\ndate: 2018\npeople: [jane]\norganizations: [un]'),
      'articles/bad.md': article('events:\n  - talks-begin\n  - date: 2018\n    title: Inline\n    topics: [diplomac]'),
      'topics/sub.md': md('title: Sub\ndescription: d\nparent: diplomaci'),
    });
    expect(report).toMatch(reported('content/events/e.md', { field: 'people[0]', has: ['"jane"', 'did you mean "jane-doe"?'] }));
    expect(report).toMatch(reported('content/events/e.md', { field: 'organizations[0]', has: ['"un"', '"united-nations"'] }));
    expect(report).toMatch(reported(BAD, { field: 'events[1].topics[0]', has: ['"diplomac"', 'did you mean "diplomacy"?'] }));
    expect(report).toMatch(reported('content/topics/sub.md', { field: 'parent', has: ['"diplomaci"', 'did you mean "diplomacy"?'] }));
  });

  it('says which file is missing when no id is close', () => {
    expect(badArticle(article('people: [vladimir-putin]')))
      .toMatch(reported(BAD, { field: 'people[0]', has: ['unknown person "vladimir-putin"', 'content/people/vladimir-putin.md'] }));
  });
});

describe('invalid YAML or MDX syntax: file and line', () => {
  it('invalid YAML', () => {
    expect(badArticle(article('lang: en: US'))).toMatch(reported(BAD, { line: 6, has: ['invalid YAML'] }));
  });

  it('invalid YAML: a field written twice', () => {
    expect(badArticle(article('dateline: TEHRAN\ntitle: Again'))).toMatch(reported(BAD, { line: 7, has: ['invalid YAML', 'unique'] }));
  });

  it('invalid YAML in a file with Windows line endings', () => {
    expect(badArticle(article('lang: en: US').replace(/\n/g, '\r\n'))).toMatch(reported(BAD, { line: 6, has: ['invalid YAML'] }));
  });

  it('invalid MDX: an unclosed component', () => {
    const { report } = validateTree({ 'articles/bad.mdx': article('', '\nIntro.\n\n<Quote by="jane-doe">\nNever closed.\n') });
    expect(report).toMatch(reported('content/articles/bad.mdx', { line: 10, has: ['invalid MDX', 'closing tag'] }));
  });

  it('invalid MDX: an unclosed expression', () => {
    const { report } = validateTree({ 'articles/bad.mdx': article('', '\nIntro {oops\n') });
    expect(report).toMatch(reported('content/articles/bad.mdx', { line: 8, has: ['invalid MDX'] }));
  });

  it('braces in an .md article and in MDX frontmatter are not MDX errors', () => {
    const { errors } = validateTree({
      'articles/plain.md': article('', '\nA {brace} and <b>html.\n'),
      'articles/rich.mdx': article('source: { name: X, url: "https://x.org" }', '\nSum {1 + 1}.\n'),
    });
    expect(errors).toEqual([]);
  });
});

describe('two articles, or an alias and an article, claiming the same URL: both files', () => {
  it('a.md and a.mdx', () => {
    const { report } = validateTree({ 'articles/a.md': article(), 'articles/a.mdx': article() });
    expect(report).toMatch(reported('content/articles/a.md', { has: ['/articles/a/', 'content/articles/a.mdx'] }));
    expect(report).toMatch(reported('content/articles/a.mdx', { has: ['/articles/a/', 'content/articles/a.md'] }));
  });

  it('A.md and a.md', () => {
    const { report } = validateTree({ 'articles/A.md': article(), 'articles/a.md': article() });
    expect(report).toMatch(reported('content/articles/A.md', { has: ['/articles/a/', 'content/articles/a.md'] }));
    expect(report).toMatch(reported('content/articles/a.md', { has: ['/articles/a/', 'content/articles/A.md'] }));
  });

  it("an alias claiming another article's URL, with or without the trailing slash", () => {
    for (const alias of ['/articles/2018/first-story/', '/articles/2018/first-story']) {
      const report = badArticle(article(`aliases: ["${alias}"]`));
      expect(report).toMatch(reported(BAD, { line: 6, field: 'aliases[0]', has: [alias, 'content/articles/2018/first-story.md'] }));
      expect(report).toMatch(reported('content/articles/2018/first-story.md', { has: ['/articles/2018/first-story/', BAD] }));
    }
  });

  it('two articles claiming the same alias', () => {
    const { report } = validateTree({ 'articles/x.md': article('aliases: [/old/]'), 'articles/y.md': article('aliases: [/old]') });
    expect(report).toMatch(reported('content/articles/y.md', { field: 'aliases[0]', has: ['content/articles/x.md'] }));
    expect(report).toMatch(reported('content/articles/x.md', { has: ['/old/', 'content/articles/y.md'] }));
  });

  it("an alias claiming a site page or the article's own URL", () => {
    const report = badArticle(article('aliases: [/search, /articles/bad/]'));
    expect(report).toMatch(reported(BAD, { field: 'aliases[0]', has: ['"/search"', "the site's own /search/ page"] }));
    expect(report).toMatch(reported(BAD, { field: 'aliases[1]', has: ["this article's own URL"] }));
  });

  it('two entity files with the same id', () => {
    const { report } = validateTree({ 'topics/Diplomacy.md': md('title: D\ndescription: d') });
    expect(report).toMatch(reported('content/topics/Diplomacy.md', { has: ['"diplomacy"', 'content/topics/diplomacy.md'] }));
    expect(report).toMatch(reported('content/topics/diplomacy.md', { has: ['"diplomacy"', 'content/topics/Diplomacy.md'] }));
  });
});

describe('MDX component naming an unknown entity: file, line, unknown id', () => {
  const mdx = (body: string) => validateTree({ 'articles/c.mdx': article('', body) }).report;
  const C = 'content/articles/c.mdx';

  it('<Quote by="unknown">', () => {
    expect(mdx('\nText.\n\n<Quote by="jane-dough">Hello.</Quote>\n'))
      .toMatch(reported(C, { line: 10, field: '<Quote by>', has: ['"jane-dough"', 'did you mean "jane-doe"?'] }));
  });

  it('<Timeline topic="unknown">', () => {
    expect(mdx('\nText.\n\nMore.\n\n<Timeline topic="nuclear" />\n'))
      .toMatch(reported(C, { line: 12, field: '<Timeline topic>', has: ['unknown topic "nuclear"'] }));
  });

  it('an unknown component, a Timeline naming nothing, a bad date and a bad country', () => {
    const report = mdx('\n<Qoute by="jane-doe" />\n\n<Timeline />\n\n<Quote by="jane-doe" date="2018-02-30">x</Quote>\n\n<Timeline country="zz" />\n');
    expect(report).toMatch(reported(C, { line: 8, field: '<Qoute>', has: ['unknown component', '<Quote>'] }));
    expect(report).toMatch(reported(C, { line: 10, field: '<Timeline>', has: ['names no topic'] }));
    expect(report).toMatch(reported(C, { line: 12, field: '<Quote date>', has: ['"2018-02-30"', 'a real day'] }));
    expect(report).toMatch(reported(C, { line: 14, field: '<Timeline country>', has: ['"zz"'] }));
  });
});

describe('updatedDate before pubDate, end before date, topic cycle: file and field', () => {
  it('updatedDate before pubDate', () => {
    expect(badArticle(article('updatedDate: 2018-07-11'))).toMatch(reported(BAD, { field: 'updatedDate', has: ['before pubDate'] }));
    expect(badArticle(md('title: t\ndescription: x\npubDate: 2018-07-12T10:00:00Z\nupdatedDate: 2018-07-12T12:00:00+04:00\ntopics: [diplomacy]')))
      .toMatch(reported(BAD, { field: 'updatedDate', has: ['before pubDate'] }));
    expect(validateTree({ 'articles/bad.md': article('updatedDate: 2018-07-12') }).errors).toEqual([]);
  });

  it('end before date, in an event file and an inline event', () => {
    expect(validateTree({ 'events/e.md': md('title: E\ndate: 2018-07\nend: 2018-06-30') }).report)
      .toMatch(reported('content/events/e.md', { field: 'end', has: ['2018-06-30 is before date 2018-07'] }));
    expect(badArticle(article('events:\n  - date: 2018-07-10\n    end: 2018-07-09\n    title: Inline')))
      .toMatch(reported(BAD, { field: 'events[0].end', has: ['before date'] }));
    expect(validateTree({ 'events/e.md': md('title: E\ndate: 2018-07-15\nend: 2018-07') }).errors).toEqual([]);
  });

  it('a cycle in topic parents names every topic in it', () => {
    const { report } = validateTree({
      'topics/a.md': md('title: A\ndescription: a\nparent: b'),
      'topics/b.md': md('title: B\ndescription: b\nparent: a'),
      'topics/c.md': md('title: C\ndescription: c\nparent: a'),
    });
    expect(report).toMatch(reported('content/topics/a.md', { field: 'parent', has: ['cycle', 'a → b → a'] }));
    expect(report).toMatch(reported('content/topics/b.md', { field: 'parent', has: ['cycle'] }));
    expect(report).not.toMatch(reported('content/topics/c.md'));
  });

  it('a topic that is its own parent', () => {
    expect(validateTree({ 'topics/a.md': md('title: A\ndescription: a\nparent: a') }).report)
      .toMatch(reported('content/topics/a.md', { field: 'parent', has: ['a → a'] }));
  });
});

describe('all errors of one build are reported together', () => {
  it('reports every broken file in one run', () => {
    const { errors, report } = validateTree({
      'articles/bad.md': md('title: t'),
      'articles/y.mdx': article('', '\n<Timeline topic="nope" />\n'),
      'events/e.md': md('title: e\ndate: 2018-02-30'),
      'people/p.md': md('name: P\ncountry: XX'),
      'topics/a.md': md('title: A\ndescription: a\nparent: a'),
      'events/notes.txt': 'stray',
    });
    expect(report.split('\n')[0]).toBe(`Chronicle found ${errors.length} content problems in 6 files; nothing was built.`);
    for (const file of [BAD, 'content/articles/y.mdx', 'content/events/e.md', 'content/people/p.md', 'content/topics/a.md', 'content/events/notes.txt']) {
      expect(report).toMatch(reported(file));
    }
  });

  it('reports a schema error and an unknown reference in the same file together', () => {
    const report = badArticle(md('title: t\ndescription: x\npubDate: 2018-07-12\ntopics: [diplomacey]\nlang: english'));
    expect(report).toMatch(reported(BAD, { field: 'lang' }));
    expect(report).toMatch(reported(BAD, { field: 'topics[0]', has: ['"diplomacey"'] }));
  });

  it('does not claim that an existing but invalid topic file does not exist', () => {
    const { report } = validateTree({ 'topics/diplomacy.md': md('title: Diplomacy\ndescription: d\norder: first') });
    expect(report).toMatch(reported('content/topics/diplomacy.md', { field: 'order' }));
    expect(report).not.toContain('no topic file content/topics/diplomacy.md exists');
  });
});

describe('unknown fields and stray files', () => {
  it('a misspelt field gets "did you mean"', () => {
    const report = badArticle(md('title: t\ndescription: x\npubDate: 2018-07-12\ntopic: [diplomacy]'));
    expect(report).toMatch(reported(BAD, { line: 5, field: 'topic', has: ['unknown field', 'did you mean "topics"?'] }));
    expect(badArticle(article('source: { nmae: Tasnim }'))).toMatch(reported(BAD, { field: 'source.nmae', has: ['did you mean "name"?'] }));
  });

  it('files and folders no collection reads are reported, not skipped', () => {
    const { report } = validateTree({
      'events/x.mdx': md('title: t\ndate: 2018'),
      'articles/notes.txt': 'notes',
      'topicz/a.md': md('title: t'),
      'countries/sub/ir.md': md('description: x'),
    });
    expect(report).toMatch(reported('content/events/x.mdx', { has: ['is not read', 'events/'] }));
    expect(report).toMatch(reported('content/articles/notes.txt', { has: ['is not read', 'articles/'] }));
    expect(report).toMatch(reported('content/topicz', { has: ['not a collection folder', 'did you mean topics/?'] }));
    expect(report).toMatch(reported('content/countries/sub/ir.md', { has: ['is not read'] }));
  });

  it('a country file must be named by a real code', () => {
    const { report, errors } = validateTree({ 'countries/xx.md': md('description: x'), 'countries/ir.md': md('description: Iran') });
    expect(report).toMatch(reported('content/countries/xx.md', { has: ['"xx" is not an ISO 3166-1 alpha-2 code'] }));
    expect(errors).toHaveLength(1);
  });
});

describe('CHRONICLE_CONTENT_DIR', () => {
  const root = '/repo/chronicle';

  it('defaults to content/ at the root', () => {
    expect(resolveContentDir(root, {})).toBe(resolve(root, 'content'));
    expect(resolveContentDir(root, { CHRONICLE_CONTENT_DIR: '  ' })).toBe(resolve(root, 'content'));
  });

  it('takes an absolute path as is and a relative one from the root', () => {
    expect(resolveContentDir(root, { CHRONICLE_CONTENT_DIR: '/srv/archive' })).toBe('/srv/archive');
    expect(resolveContentDir(root, { CHRONICLE_CONTENT_DIR: 'fixtures/big' })).toBe(resolve(root, 'fixtures/big'));
    expect(resolveContentDir(root, { CHRONICLE_CONTENT_DIR: '../other ' })).toBe(resolve('/repo/other'));
  });

  it('validates the folder it names, with paths shown from the root', () => {
    const { root: tree, contentDir } = makeContentTree({ 'articles/bad.md': article('lang: english') });
    mkdirSync(join(tree, 'data'));
    renameSync(contentDir, join(tree, 'data/archive'));
    const relative = resolveContentDir(tree, { CHRONICLE_CONTENT_DIR: 'data/archive' });
    expect(runPipeline(relative, tree).report).toMatch(reported('data/archive/articles/bad.md', { field: 'lang' }));
    const absolute = resolveContentDir(tree, { CHRONICLE_CONTENT_DIR: join(tree, 'data/archive') });
    expect(runPipeline(absolute, dirname(absolute)).report).toMatch(reported('archive/articles/bad.md', { field: 'lang' }));
  });

  it('reports a content folder that does not exist', () => {
    const { root: tree } = makeContentTree();
    const missing = resolveContentDir(tree, { CHRONICLE_CONTENT_DIR: 'nope' });
    expect(runPipeline(missing, tree).report).toMatch(reported('nope', { has: ['does not exist', 'CHRONICLE_CONTENT_DIR'] }));
  });
});
