import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from './site.ts';

/**
 * Archives with hostile input, for e2e/hostile-input.test.ts.
 *
 * `writeInertFixture`: valid content whose text looks like markup — script
 * tags, attribute breakouts, closing </script> — in every kind of field:
 * titles, descriptions, names, datelines, bylines, alt text, corrections,
 * event titles, and a source URL with quotes and brackets in its query. It must
 * build, and every page must show those characters as text. Each payload
 * calls alert(), so a payload that ran opens a dialog the test sees.
 *
 * `writeRejectedFixture`: files the validation must refuse, each for one
 * reason, so the build fails naming the file and the field.
 */

export const INERT = {
  articleId: '2018/07/hostile-payloads',
  title: '<script>alert("title")</script> "><img src=x onerror=alert(\'title\')> </script><script>alert(3)</script>',
  description: '"><img src=x onerror=alert(\'description\')> and </script><script>alert(\'description\')</script>',
  dateline: '</script><svg onload=alert(\'dateline\')>',
  author: '<img src=x onerror=alert(\'author\')>',
  sourceName: '</title><script>alert(\'source\')</script>',
  sourceUrl: 'https://example.org/story?q="><script>alert(\'url\')</script>',
  imageAlt: '"><img src=x onerror=alert(\'alt\')>',
  correction: '<script>alert(\'correction\')</script> was misspelt.',
  inlineEvent: '<img src=x onerror=alert(\'inline-event\')>',
  codeSpan: '<script>alert(\'code\')</script>',
  /** A word only the hostile article's body has, to find it by search. */
  word: 'xylographic',
  topic: { id: 'hostile-topic', title: '<script>alert(\'topic\')</script>', description: '"><img src=x onerror=alert(\'topic-description\')>' },
  person: { id: 'hostile-person', name: '"><img src=x onerror=alert(\'person\')>', description: '</script><script>alert(\'person-description\')</script>' },
  organization: { id: 'hostile-organization', name: '</script><script>alert(\'organization\')</script>', shortName: '<b>HO</b>' },
  event: { id: 'hostile-event', title: '<img src=x onerror=alert(\'event\')> talks' },
};

const yaml = (value: string) => JSON.stringify(value);

function copyOfContent(prefix: string): string {
  const contentDir = join(mkdtempSync(join(tmpdir(), prefix)), 'content');
  cpSync(join(ROOT, 'content'), contentDir, { recursive: true });
  return contentDir;
}

function writeAll(contentDir: string, files: Record<string, string>): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(contentDir, path)), { recursive: true });
    writeFileSync(join(contentDir, path), text);
  }
  return contentDir;
}

export function writeInertFixture(): string {
  const { topic, person, organization, event } = INERT;
  return writeAll(copyOfContent('chronicle-hostile-'), {
    [`topics/${topic.id}.md`]: `---\ntitle: ${yaml(topic.title)}\ndescription: ${yaml(topic.description)}\n---\n`,
    [`people/${person.id}.md`]: `---\nname: ${yaml(person.name)}\ndescription: ${yaml(person.description)}\ncountry: IR\n---\n`,
    [`organizations/${organization.id}.md`]: `---\nname: ${yaml(organization.name)}\nshortName: ${yaml(organization.shortName)}\n---\n`,
    [`events/${event.id}.md`]: `---\ntitle: ${yaml(event.title)}\ndate: 2018-07-10\ntopics: [${topic.id}]\npeople: [${person.id}]\n---\n`,
    [`articles/${INERT.articleId}.md`]: [
      '---',
      `title: ${yaml(INERT.title)}`,
      `description: ${yaml(INERT.description)}`,
      'pubDate: 2018-07-13',
      `dateline: ${yaml(INERT.dateline)}`,
      `authors: [${yaml(INERT.author)}]`,
      'source:',
      `  name: ${yaml(INERT.sourceName)}`,
      `  url: ${yaml(INERT.sourceUrl)}`,
      'image:',
      '  src: /favicon.svg',
      `  alt: ${yaml(INERT.imageAlt)}`,
      'corrections:',
      `  - { date: 2018-07-14, text: ${yaml(INERT.correction)} }`,
      `topics: [${topic.id}, jcpoa]`,
      `people: [${person.id}]`,
      `organizations: [${organization.id}]`,
      'countries: [IR]',
      'events:',
      `  - ${event.id}`,
      `  - { date: 2018-07-11, title: ${yaml(INERT.inlineEvent)} }`,
      '---',
      '',
      `The ${INERT.word} report quotes code: \`${INERT.codeSpan}\`, and writes &lt;script&gt; as text.`,
      '',
      '```html',
      '<img src=x onerror=alert(\'fenced\')>',
      '```',
      '',
    ].join('\n'),
  });
}

/** Each rejected file, the field its error names, and words the message must have. */
export const REJECTED: { path: string; field: string; has: string }[] = [
  { path: 'articles/2018/07/script-source.md', field: 'source.url', has: 'expected an http:// or https:// URL' },
  { path: 'articles/2018/07/script-image.md', field: 'image.src', has: 'expected an image path' },
  { path: 'articles/2018/07/override-title.md', field: 'title', has: 'U+202E RIGHT-TO-LEFT OVERRIDE' },
  { path: 'articles/2018/07/long-title.md', field: 'title', has: 'is 10000 characters long; expected at most 200' },
  { path: 'articles/2018/07/huge-body.md', field: 'body', has: 'is 10.0 MB; expected at most 1 MB' },
  { path: 'articles/2018/07/script-body.md', field: 'body', has: '<script> is not allowed' },
  { path: 'articles/2018/07/handler-body.mdx', field: 'body', has: 'the onerror attribute of <img>' },
  { path: 'people/override-name.md', field: 'name', has: 'U+202E RIGHT-TO-LEFT OVERRIDE' },
];

export function writeRejectedFixture(): string {
  const article = (fields: string, body = '\nText.\n') =>
    `---\n${fields}\ndescription: Fine.\npubDate: 2018-07-12\ntopics: [jcpoa]\n---\n${body}`;
  const paragraph = `${'The talks went on into the night. '.repeat(30)}\n\n`;
  return writeAll(copyOfContent('chronicle-rejected-'), {
    [REJECTED[0]!.path]: article('title: Source\nsource:\n  name: Wire\n  url: "javascript:alert(1)"'),
    [REJECTED[1]!.path]: article('title: Image\nimage:\n  src: "javascript:alert(1)"\n  alt: A picture'),
    [REJECTED[2]!.path]: article('title: "Iran \u202etxt.exe"'),
    [REJECTED[3]!.path]: article(`title: "${'A'.repeat(10_000)}"`),
    [REJECTED[4]!.path]: article('title: Huge', paragraph.repeat(Math.ceil(10_000_000 / paragraph.length))),
    [REJECTED[5]!.path]: article('title: Script', '\n<script>alert(1)</script>\n'),
    [REJECTED[6]!.path]: article('title: Handler', '\n<img src="/favicon.svg" alt="" onError="alert(1)" />\n'),
    [REJECTED[7]!.path]: '---\nname: "Ali \u202ereza"\n---\n',
  });
}
