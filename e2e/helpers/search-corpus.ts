import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * A small, deterministic archive for the search tests: known topics, dates
 * and words, so a test can say exactly which articles a search must find.
 * Every file follows the content contract (docs/content-model.md).
 */

export const TOPICS = {
  economy: 'Economy and trade',
  diplomacy: 'Diplomacy',
  energy: 'Energy and oil',
  security: 'Security',
} as const;
export type TopicId = keyof typeof TOPICS;
const TOPIC_IDS = Object.keys(TOPICS) as TopicId[];

const PEOPLE = ['amina-rahimi', 'jonas-berg', 'li-wei', 'sara-costa', 'omar-haddad'];
const ORGANIZATIONS = ['trade-council', 'energy-agency', 'harbour-authority'];
const COUNTRIES = ['IR', 'RU', 'CN', 'DE', 'BR', 'TR'];
const SOURCES = ['Coastal Herald', 'Morning Ledger', 'Valley Post'];

/** Everyday words the bodies are made of; none is the unique word. */
const VOCABULARY = (
  'talks minister council budget harbour cargo pipeline refinery tariff export import treaty envoy summit '
  + 'border patrol grain wheat shipping convoy reserve currency inflation election parliament court ruling '
  + 'drought river bridge railway tunnel factory workers strike wages pension clinic vaccine school exam '
  + 'festival museum library stadium league coach market bank bond loan credit audit report inquiry'
).split(' ');

/** Occurs once in the whole corpus, in the body of UNIQUE_ARTICLE. */
export const UNIQUE_WORD = 'quillfeather';
/** Occurs in every article's body. */
export const COMMON_WORD = 'ministry';

export interface CorpusArticle {
  id: string;
  title: string;
  pubDate: string;
  topic: TopicId;
}

export interface SearchCorpus {
  dir: string;
  articles: CorpusArticle[];
  /** The only article containing UNIQUE_WORD. */
  unique: CorpusArticle;
}

function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const frontmatter = (lines: string[]) => `---\n${lines.join('\n')}\n---\n`;

/** Writes `count` articles (one topic each, a distinct day each, 9 days apart from 2012) and their entities. */
export function writeSearchCorpus(count = 120, seed = 7): SearchCorpus {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-search-corpus-'));
  const write = (path: string, text: string) => {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  };
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const title = (s: string) => s.split('-').map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ');

  for (const [id, name] of Object.entries(TOPICS)) write(`topics/${id}.md`, frontmatter([`title: ${name}`, `description: Coverage of ${name.toLowerCase()}.`]));
  for (const id of PEOPLE) write(`people/${id}.md`, frontmatter([`name: ${title(id)}`, 'description: A figure in the generated archive.']));
  for (const id of ORGANIZATIONS) write(`organizations/${id}.md`, frontmatter([`name: ${title(id)}`]));

  const uniqueIndex = Math.floor(count * 0.6);
  const articles: CorpusArticle[] = [];
  for (let i = 0; i < count; i += 1) {
    const day = new Date(Date.UTC(2012, 0, 1) + i * 9 * 86_400_000);
    const pubDate = day.toISOString().slice(0, 10);
    const topic = TOPIC_IDS[i % TOPIC_IDS.length]!;
    const slug = `report-${String(i + 1).padStart(3, '0')}`;
    const id = `${pubDate.slice(0, 4)}/${slug}`;
    const heading = `Report ${i + 1}: ${pick(VOCABULARY)} and ${pick(VOCABULARY)}`;
    const paragraphs = Array.from({ length: 3 }, (_, p) => {
      const words = Array.from({ length: 40 }, () => pick(VOCABULARY));
      if (p === 1) words.splice(7, 0, COMMON_WORD);
      if (p === 2 && i === uniqueIndex) words.splice(12, 0, UNIQUE_WORD);
      return `${words.join(' ')}.`.replace(/^./, (c) => c.toUpperCase());
    });
    write(`articles/${id}.md`, frontmatter([
      `title: "${heading}"`,
      `description: "Generated story ${i + 1} about ${TOPICS[topic].toLowerCase()}."`,
      `pubDate: ${pubDate}`,
      `dateline: ${pick(['ANKARA', 'BERLIN', 'TEHRAN', 'BRASILIA'])}`,
      `source: { name: ${pick(SOURCES)} }`,
      `topics: [${topic}]`,
      `people: [${pick(PEOPLE)}]`,
      `organizations: [${pick(ORGANIZATIONS)}]`,
      `countries: [${pick(COUNTRIES)}]`,
    ]) + `\n${paragraphs.join('\n\n')}\n`);
    articles.push({ id, title: heading, pubDate, topic });
  }
  return { dir, articles, unique: articles[uniqueIndex]! };
}
