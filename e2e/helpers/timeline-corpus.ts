import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * A generated archive for the timeline tests: a few hundred articles over
 * three years, events at every precision, one event covered by a third of
 * the articles, inline events, and entities named by many articles, so every
 * timeline, entity and archive listing has to paginate. Deterministic: the
 * same arguments always write the same files. Titles are unique, so a test
 * can check that every entry is shown exactly once across the pages.
 */

export interface TimelineCorpus {
  dir: string;
  /** Every entry title the site-wide timeline must show: events, inline events, articles. */
  titles: string[];
  articleCount: number;
  /** The event that a third of the articles cover. */
  bigEvent: { id: string; title: string; sources: number };
  /** The MDX article that uses <Timeline>. */
  embed: { id: string; title: string };
}

const frontmatter = (lines: string[]) => `---\n${lines.join('\n')}\n---\n`;
const pad = (n: number) => String(n).padStart(2, '0');

export function writeTimelineCorpus(articleCount = 320, eventCount = 90): TimelineCorpus {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-timeline-corpus-'));
  const write = (path: string, text: string) => {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  };
  const titles: string[] = [];

  write('topics/world.md', frontmatter(['title: World', 'description: Everything in the generated archive.', 'order: 1']));
  write('topics/markets.md', frontmatter(['title: Markets', 'description: Trade and prices.', 'order: 2']));
  write('topics/culture.md', frontmatter(['title: Culture', 'description: A quiet topic with a short timeline.', 'order: 3']));
  write('people/ada-example.md', frontmatter(['name: Ada Example', 'country: IR']));
  write('people/ben-sample.md', frontmatter(['name: Ben Sample', 'country: DE']));
  write('people/cy-test.md', frontmatter(['name: Cy Test']));
  write('organizations/harbour-board.md', frontmatter(['name: Harbour Board', 'shortName: HB']));

  for (let i = 0; i < eventCount; i += 1) {
    const year = 2019 + (i % 3);
    const month = 1 + ((i * 5) % 12);
    // A third each at year, month and day precision.
    const date = i % 3 === 0 ? `${year}` : i % 3 === 1 ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(1 + (i % 28))}`;
    const title = `Generated event ${String(i).padStart(3, '0')}`;
    titles.push(title);
    write(`events/e${i}.md`, frontmatter([
      `title: ${title}`, `date: "${date}"`, `topics: [${i % 4 === 0 ? 'markets' : 'world'}]`,
      ...(i % 5 === 0 ? ['people: [ben-sample]'] : []), 'countries: [IR]',
    ]) + '\nA generated event.\n');
  }
  const bigEvent = { id: 'big-event', title: 'The big event everyone covers', sources: 0 };
  titles.push(bigEvent.title);
  write('events/big-event.md', frontmatter([`title: ${bigEvent.title}`, 'date: 2019-06-15', 'topics: [world]']));

  const start = Date.UTC(2019, 0, 1);
  for (let i = 0; i < articleCount; i += 1) {
    const day = new Date(start + i * 3 * 86_400_000);
    const date = day.toISOString().slice(0, 10);
    const persian = i % 40 === 39;
    const title = persian ? `گزارش شماره ${i}` : `Generated article ${String(i).padStart(3, '0')}`;
    titles.push(title);
    const topics = ['world', ...(i % 4 === 0 ? ['markets'] : []), ...(i % 50 === 0 ? ['culture'] : [])];
    const people = [...(i % 2 === 0 ? ['ada-example'] : []), ...(i % 7 === 0 ? ['ben-sample'] : []), ...(i % 3 === 0 ? ['cy-test'] : [])];
    const countries = ['IR', ...(i % 3 === 0 ? ['DE'] : []), ...(i % 11 === 0 ? ['BR'] : [])];
    const events = [`  - e${i % eventCount}`];
    if (i % 3 === 0) {
      events.push(`  - ${bigEvent.id}`);
      bigEvent.sources += 1;
    }
    if (i % 10 === 5) {
      const inline = `Inline note ${String(i).padStart(3, '0')}`;
      titles.push(inline);
      events.push(`  - { date: "${date.slice(0, 7)}", title: "${inline}" }`);
    }
    write(`articles/${date.slice(0, 4)}/${date.slice(5, 7)}/generated-${i}.md`, frontmatter([
      `title: "${title}"`,
      `description: "Standfirst of generated article ${i}."`,
      `pubDate: ${date}`,
      ...(persian ? ['lang: fa'] : []),
      'source:', '  name: Generated Wire',
      `topics: [${topics.join(', ')}]`,
      ...(people.length ? [`people: [${people.join(', ')}]`] : []),
      'organizations: [harbour-board]',
      `countries: [${countries.join(', ')}]`,
      'events:', ...events,
    ]) + `\nBody of generated article ${i}.\n`);
  }
  // An article that places timelines in its text with the <Timeline> component.
  const embedTitle = 'An article with timelines in it';
  titles.push(embedTitle);
  write('articles/2021/12/with-timelines.mdx', frontmatter([
    `title: "${embedTitle}"`, 'description: "Two timelines placed by the author."', 'pubDate: 2021-12-20', 'topics: [culture]',
  ]) + [
    '', 'The world in March and April 2019:', '', '<Timeline topic="world" from="2019-03" to="2019-04" />', '',
    'Everything on Ada Example in Iran from 2020 on:', '', '<Timeline person="ada-example" country="IR" from="2020" />', '',
  ].join('\n'));
  return { dir, titles, articleCount, bigEvent, embed: { id: '2021/12/with-timelines', title: embedTitle } };
}

/**
 * Enough people with a biography (and no article) that `/people/` takes a
 * second page: with the corpus's three, 101 by name, the last (`Reader 097`)
 * alone on page 2.
 */
export function addDirectoryPeople(dir: string): { lastPerson: string } {
  for (let i = 0; i < 98; i += 1) {
    const n = String(i).padStart(3, '0');
    writeFileSync(join(dir, `people/reader-${n}.md`), frontmatter([`name: Reader ${n}`]) + '\nA reader of the archive.\n');
  }
  return { lastPerson: 'people/reader-097.md' };
}

/**
 * Commits only `files` at `date`, making the content folder a git
 * repository first if it is not one: those files are dated by git, every
 * other by its frontmatter.
 */
export function commitOnly(dir: string, files: string[], date: string): void {
  const env = { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], { cwd: dir, env, stdio: 'pipe' });
  git('init', '-q');
  git('add', '--', ...files);
  git('commit', '-q', '-m', 'dated files');
}
