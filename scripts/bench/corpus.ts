/**
 * A deterministic synthetic archive that follows the content contract
 * (docs/content-model.md), for the benchmark and for tests that need many
 * articles. The same `{ articles, seed }` always writes the same files.
 *
 * Entity counts grow with the archive the way a real one does (more people,
 * events and topics as it ages), so costs that scale with "every entity on
 * every page" show up in the figures instead of hiding behind a fixed set.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { planPictures, type CorpusPicture } from './corpus-pictures.ts';

export interface CorpusOptions {
  /** Articles to write, drafts included. */
  articles: number;
  seed?: number;
  /** Share of articles written as `.mdx`, 0..1 (the rest `.md`); 0.3 unless given. */
  mdxShare?: number;
  /** Share of articles with a lead picture, 0..1 (0 unless given); a quarter of those have two in the body too. */
  pictures?: number;
}

export interface CorpusManifest {
  seed: number;
  articles: number;
  /** Ids of the articles that are published (not drafts), in generation order. */
  publishedIds: string[];
  draftIds: string[];
  /** Alias path → id of the article it leads to. */
  aliases: Record<string, string>;
  mdx: number;
  topics: number;
  people: number;
  organizations: number;
  events: number;
  countryFiles: number;
  /** Words in article bodies, all articles together. */
  words: number;
  /** A published article (path inside `articles/`) that a rebuild benchmark may edit: `.md` when there is one. */
  editTarget: string;
  /** The picture files the articles name, for writeCorpusPictures (corpus-pictures.ts) to write. */
  pictures: CorpusPicture[];
  /** Articles with a lead picture, and with pictures in the body. */
  leadPictures: number;
  bodyPictures: number;
}

/** Bumped whenever the output for a given seed changes, so cached corpora are regenerated. */
export const GENERATOR_VERSION = 2;

/** mulberry32: small, fast and the same on every platform. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const chance = (p: number) => next() < p;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  return { next, int, chance, pick };
}
type Random = ReturnType<typeof prng>;

/** Draws ranks 0..n-1 with probability ∝ 1/(rank+1)^s: a few very common, a long tail. */
function zipf(n: number, s: number, random: Random) {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) cumulative[i] = total += 1 / Math.pow(i + 1, s);
  return () => {
    const target = random.next() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** `count` distinct ranks from a Zipf draw (fewer if the pool is small). */
function distinct(draw: () => number, count: number, pool: number): number[] {
  const chosen = new Set<number>();
  for (let tries = 0; chosen.size < Math.min(count, pool) && tries < count * 20; tries++) chosen.add(draw());
  return [...chosen];
}

const COMMON = (
  'the of and to in a said that on for with was is by as at from its has have be it he an were will which this had are ' +
  'also not but been after their who they two new more year over would first government minister president talks ' +
  'officials country foreign security state meeting support between against during agreement told week international ' +
  'military economic political cooperation military leaders region since report national council relations statement ' +
  'parliament trade oil nuclear sanctions deal peace forces border election energy visit capital ministry announced'
).split(' ');

const SYLLABLES = 'ba be bi bo ka ke ki ko ra re ri ro ta te ti to na ne ni no la le li lo ma me mi mo sa se si so da de di do va ve vi vo ga ge gi go ha he hi ho za ze zi zo ar en in on ur al el il or an'.split(' ');
const PERSIAN_LETTERS = 'ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی';

/** A vocabulary: common English words first, then made-up words, so frequencies follow Zipf's law. */
function vocabulary(random: Random, size: number): string[] {
  const words = new Set(COMMON);
  while (words.size < size) {
    let word = '';
    const syllables = random.int(2, 4);
    for (let i = 0; i < syllables; i++) word += random.pick(SYLLABLES);
    words.add(word);
  }
  return [...words];
}

function persianVocabulary(random: Random, size: number): string[] {
  const words = new Set<string>();
  while (words.size < size) {
    let word = '';
    const letters = random.int(2, 6);
    for (let i = 0; i < letters; i++) word += PERSIAN_LETTERS[random.int(0, PERSIAN_LETTERS.length - 1)];
    words.add(word);
  }
  return [...words];
}

const CITIES = ['TEHRAN', 'MOSCOW', 'BEIRUT', 'BAGHDAD', 'DAMASCUS', 'KABUL', 'ANKARA', 'VIENNA', 'GENEVA', 'NEW YORK', 'BEIJING', 'DOHA', 'MUSCAT', 'BAKU', 'ISLAMABAD', 'NEW DELHI'];
const AGENCIES = ['Tasnim News Agency', 'IRNA', 'Mehr News Agency', 'Fars News Agency', 'ISNA', 'Press TV', 'TASS', 'Reuters'];
const COUNTRY_POOL = ['IR', 'RU', 'US', 'CN', 'GB', 'FR', 'DE', 'SY', 'IQ', 'AF', 'TR', 'SA', 'AE', 'QA', 'OM', 'PK', 'IN', 'AZ', 'AM', 'LB', 'YE', 'IL', 'EG', 'JO', 'KW', 'BH', 'TM', 'TJ', 'UZ', 'KZ', 'JP', 'KR', 'IT', 'ES', 'AT', 'CH', 'BE', 'NL', 'SE', 'NO', 'UA', 'BY', 'GE', 'VE', 'BR', 'ZA', 'NG', 'DZ', 'LY', 'TN', 'MA', 'SD', 'ET', 'KE', 'ID', 'MY', 'VN', 'TH', 'CA', 'MX'];

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const slugify = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
const pad = (n: number) => String(n).padStart(2, '0');
/** YAML double-quoted scalar: JSON strings are valid YAML. */
const q = (text: string) => JSON.stringify(text);
const list = (items: readonly string[]) => `[${items.join(', ')}]`;
/** Cuts text to at most `max` characters at a word boundary (the contract's field limits). */
const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, text.lastIndexOf(' ', max - 1))}.`);

interface Entity { id: string; name: string }

/** Unique ids from names: `jane-doe`, then `jane-doe-2`. */
function uniqueIds(names: string[], fallback: string): Entity[] {
  const used = new Set<string>();
  return names.map((name, index) => {
    let base = slugify(name);
    if (!/^[a-z]/.test(base)) base = `${fallback}-${base || index}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return { id, name };
  });
}

/** Top-level topics: the site's sections. */
const SECTIONS = 8;

/** Entity counts for an archive of `articles` articles. */
export function corpusShape(articles: number) {
  return {
    topics: Math.max(6, Math.round(2 * Math.sqrt(articles))),
    people: Math.max(10, Math.round(articles / 8)),
    organizations: Math.max(4, Math.round(articles / 25)),
    events: Math.max(6, Math.round(articles / 10)),
  };
}

/**
 * Writes a synthetic archive under `dir` (which is emptied first):
 * `articles/`, `events/`, `topics/`, `people/`, `organizations/`, `countries/`.
 */
export function generateCorpus(dir: string, options: CorpusOptions): CorpusManifest {
  const seed = options.seed ?? 1;
  const total = Math.max(1, Math.floor(options.articles));
  const random = prng(seed);
  const shape = corpusShape(total);
  const words = vocabulary(random, 20_000);
  const wordRank = zipf(words.length, 1.07, random);
  const persian = persianVocabulary(random, 3_000);
  const persianRank = zipf(persian.length, 1.07, random);
  const nameWords = vocabulary(random, 1_500).slice(COMMON.length);
  // Pictures draw from a stream of their own: the text is the same with pictures or without.
  const pictureRandom = prng(seed ^ 0x5eed_cafe);

  rmSync(dir, { recursive: true, force: true });
  const madeDirs = new Set<string>();
  const write = (path: string, text: string) => {
    const folder = join(dir, path, '..');
    if (!madeDirs.has(folder)) {
      mkdirSync(folder, { recursive: true });
      madeDirs.add(folder);
    }
    writeFileSync(join(dir, path), text);
  };
  const file = (fields: string[], body: string) => `---\n${fields.join('\n')}\n---\n${body}`;

  const word = () => words[wordRank()]!;
  const sentence = (min = 8, max = 22, extra?: string) => {
    const count = random.int(min, max);
    const parts: string[] = [];
    for (let i = 0; i < count; i++) parts.push(word());
    if (extra) parts.splice(random.int(1, parts.length - 1), 0, extra);
    if (count > 12 && random.chance(0.4)) parts[random.int(3, count - 4)] += ',';
    return `${capitalize(parts.join(' '))}.`;
  };
  const headline = (count: number) => capitalize(Array.from({ length: count }, () => (random.chance(0.3) ? capitalize(word()) : word())).join(' '));
  const persianSentence = (min: number, max: number) => `${Array.from({ length: random.int(min, max) }, () => persian[persianRank()]!).join(' ')}.`;
  const properName = (parts: number) => Array.from({ length: parts }, () => capitalize(random.pick(nameWords))).join(' ');

  // Topics: a tree up to three levels deep under a fixed set of sections, as a
  // newspaper's sections stay while the topics under them multiply.
  const topics = uniqueIds(Array.from({ length: shape.topics }, () => headline(random.int(1, 3))), 'topic');
  const depth = new Map<string, number>();
  const rootCount = Math.min(topics.length, SECTIONS);
  topics.forEach((topic, index) => {
    const fields = [`title: ${q(topic.name)}`, `description: ${q(sentence(8, 20))}`];
    if (index >= rootCount) {
      let parent = topics[random.int(0, index - 1)]!;
      while ((depth.get(parent.id) ?? 0) >= 2) parent = topics[random.int(0, rootCount - 1)]!;
      fields.push(`parent: ${parent.id}`);
      depth.set(topic.id, (depth.get(parent.id) ?? 0) + 1);
    } else depth.set(topic.id, 0);
    if (random.chance(0.3)) fields.push(`order: ${random.int(1, 20)}`);
    write(`topics/${topic.id}.md`, file(fields, random.chance(0.5) ? `\n${sentence()} ${sentence()}\n` : ''));
  });

  const people = uniqueIds(Array.from({ length: shape.people }, () => properName(random.int(2, 3))), 'person');
  for (const person of people) {
    const fields = [`name: ${q(person.name)}`];
    if (random.chance(0.8)) fields.push(`description: ${q(sentence(6, 14))}`);
    if (random.chance(0.6)) fields.push(`role: ${q(headline(random.int(2, 4)))}`);
    if (random.chance(0.7)) fields.push(`country: ${q(random.pick(COUNTRY_POOL))}`);
    if (random.chance(0.15)) fields.push(`aliases: ${list([q(properName(2))])}`);
    write(`people/${person.id}.md`, file(fields, random.chance(0.3) ? `\n${sentence()}\n` : ''));
  }

  const organizations = uniqueIds(Array.from({ length: shape.organizations }, () => `${properName(random.int(1, 2))} ${random.pick(['Council', 'Agency', 'Organization', 'Ministry', 'Bank', 'Union', 'Party'])}`), 'org');
  for (const org of organizations) {
    const fields = [`name: ${q(org.name)}`];
    if (random.chance(0.5)) fields.push(`shortName: ${q(org.name.split(' ').map((w) => w[0]).join(''))}`);
    if (random.chance(0.6)) fields.push(`description: ${q(sentence(6, 14))}`);
    if (random.chance(0.5)) fields.push(`country: ${q(random.pick(COUNTRY_POOL))}`);
    if (random.chance(0.3)) fields.push(`url: ${q(`https://${org.id}.example.org/`)}`);
    write(`organizations/${org.id}.md`, file(fields, ''));
  }

  const topicRank = zipf(topics.length, 1.0, random);
  const personRank = zipf(people.length, 0.9, random);
  const orgRank = zipf(organizations.length, 0.9, random);
  const countryRank = zipf(COUNTRY_POOL.length, 1.1, random);
  const ids = (entities: Entity[], draw: () => number, count: number) => distinct(draw, count, entities.length).map((i) => entities[i]!.id);
  const countries = (count: number) => distinct(countryRank, count, COUNTRY_POOL.length).map((i) => q(COUNTRY_POOL[i]!));

  /** A partial date of a random precision between 1990 and 2025, and sometimes an end. */
  const partialDate = () => {
    const year = random.int(1990, 2025);
    const precision = random.next();
    const month = random.int(1, 12);
    const day = random.int(1, 28);
    const start = precision < 0.2 ? String(year) : precision < 0.5 ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`;
    const end = random.chance(0.1) ? String(year + random.int(1, 3)) : undefined;
    return { start, end, year };
  };
  const eventFields = (title: string) => {
    const date = partialDate();
    const fields = [`title: ${q(title)}`, `date: ${date.start.length === 4 && random.chance(0.5) ? date.start : q(date.start)}`];
    if (date.end) fields.push(`end: ${q(date.end)}`);
    return fields;
  };

  const events = uniqueIds(Array.from({ length: shape.events }, () => headline(random.int(4, 9))), 'event');
  for (const event of events) {
    const fields = eventFields(event.name);
    fields.push(`topics: ${list(ids(topics, topicRank, random.int(1, 2)))}`);
    if (random.chance(0.6)) fields.push(`people: ${list(ids(people, personRank, random.int(1, 2)))}`);
    if (random.chance(0.3)) fields.push(`organizations: ${list(ids(organizations, orgRank, 1))}`);
    if (random.chance(0.7)) fields.push(`countries: ${list(countries(random.int(1, 3)))}`);
    write(`events/${event.id}.md`, file(fields, random.chance(0.6) ? `\n${sentence()} ${sentence()}\n` : ''));
  }
  const eventRank = zipf(events.length, 0.8, random);

  const countryFileCodes = ['IR', 'RU', 'US', 'CN', 'SY'];
  for (const code of countryFileCodes) {
    write(`countries/${code.toLowerCase()}.md`, file([`description: ${q(sentence(6, 12))}`], `\n${sentence()} ${sentence()}\n`));
  }

  const manifest: CorpusManifest = {
    seed, articles: total, publishedIds: [], draftIds: [], aliases: {}, mdx: 0, words: 0, editTarget: '', pictures: [], leadPictures: 0, bodyPictures: 0,
    topics: topics.length, people: people.length, organizations: organizations.length, events: events.length, countryFiles: countryFileCodes.length,
  };
  const publishedEnglish: string[] = [];
  let laterArticle: string | undefined;
  let firstMarkdown: string | undefined;

  for (let index = 0; index < total; index++) {
    // More articles in recent years, as in a growing archive.
    const year = 2025 - Math.floor(Math.pow(random.next(), 1.6) * 26);
    const month = random.int(1, 12);
    const day = random.int(1, 28);
    const persianArticle = random.chance(0.02);
    const title = persianArticle ? persianSentence(5, 10).slice(0, -1) : headline(random.int(5, 12));
    const slug = `${slugify(persianArticle ? '' : title.split(' ').slice(0, 6).join(' ')) || 'article'}-${index + 1}`;
    const mdx = random.chance(options.mdxShare ?? 0.3);
    const path = `${year}/${pad(month)}/${slug}.${mdx ? 'mdx' : 'md'}`;
    const id = path.replace(/\.mdx?$/, '');
    const draft = random.chance(0.02);

    const articlePeople = random.chance(0.8) ? ids(people, personRank, random.int(1, 4)) : [];
    const articleTopics = ids(topics, topicRank, random.int(1, 3));
    const fields = [
      `title: ${q(title)}`,
      `description: ${q(clip(persianArticle ? persianSentence(10, 25) : `${sentence(10, 20)} ${random.chance(0.5) ? sentence(6, 12) : ''}`.trim(), 300))}`,
      `pubDate: ${q(`${year}-${pad(month)}-${pad(day)}T${pad(random.int(0, 23))}:${pad(random.int(0, 59))}:00Z`)}`,
    ];
    if (random.chance(0.1)) fields.push(`updatedDate: ${q(`${Math.min(2025, year + random.int(0, 1))}-12-30`)}`);
    if (random.chance(0.6)) fields.push(`dateline: ${q(random.pick(CITIES))}`);
    if (random.chance(0.5)) {
      const agency = random.pick(AGENCIES);
      fields.push(random.chance(0.5) ? `source:\n  name: ${q(agency)}\n  url: ${q(`https://news.example.org/${index + 1}`)}` : `source:\n  name: ${q(agency)}`);
    }
    if (random.chance(0.4)) fields.push(`authors: ${list([q(properName(2))])}`);
    if (persianArticle) fields.push('lang: fa');
    fields.push(`topics: ${list(articleTopics)}`);
    if (articlePeople.length) fields.push(`people: ${list(articlePeople)}`);
    if (random.chance(0.4)) fields.push(`organizations: ${list(ids(organizations, orgRank, random.int(1, 2)))}`);
    if (random.chance(0.7)) fields.push(`countries: ${list(countries(random.int(1, 4)))}`);
    const articleEvents: string[] = [];
    if (random.chance(0.3)) articleEvents.push(...ids(events, eventRank, random.int(1, 2)));
    if (random.chance(0.1)) {
      const inline = eventFields(headline(random.int(4, 8)));
      articleEvents.push(`\n  - ${inline.join('\n    ')}`);
    }
    if (articleEvents.length) {
      fields.push(articleEvents.some((e) => e.startsWith('\n')) ? `events:${articleEvents.map((e) => (e.startsWith('\n') ? e : `\n  - ${e}`)).join('')}` : `events: ${list(articleEvents)}`);
    }
    if (random.chance(0.03)) fields.push(`corrections:\n  - date: ${q(`${year}-${pad(month)}-${pad(Math.min(28, day + 1))}`)}\n    text: ${q(sentence(8, 16))}`);
    if (!draft && random.chance(0.03)) {
      const alias = `/${year}/${pad(month)}/${pad(day)}/story-${index + 1}.html`;
      fields.push(`aliases: ${list([q(alias)])}`);
      manifest.aliases[alias] = id;
    }
    if (persianArticle && publishedEnglish.length && random.chance(0.5)) fields.push(`translationOf: ${random.pick(publishedEnglish)}`);
    if (draft) fields.push('draft: true');

    // The body: several hundred words in paragraphs, some with section headings.
    const targetWords = random.int(250, 900);
    const paragraphs: string[] = [];
    const withHeadings = random.chance(0.4);
    let written = 0;
    let quoted = false;
    let timeline = false;
    while (written < targetWords) {
      if (withHeadings && paragraphs.length > 0 && paragraphs.length % 4 === 0) paragraphs.push(`## ${headline(random.int(2, 5))}`);
      if (mdx && !quoted && articlePeople.length && paragraphs.length === 2 && random.chance(0.6)) {
        quoted = true;
        const quote = sentence(10, 25);
        written += quote.split(' ').length;
        paragraphs.push(`<Quote by="${articlePeople[0]}">\n${quote}\n</Quote>`);
        continue;
      }
      if (mdx && !timeline && paragraphs.length === 4 && random.chance(0.4)) {
        timeline = true;
        const from = random.int(1990, 2015);
        paragraphs.push(`<Timeline topic="${articleTopics[0]}" from="${from}" to="${from + random.int(2, 10)}" />`);
        continue;
      }
      const sentences: string[] = [];
      const count = random.int(3, 6);
      for (let s = 0; s < count; s++) {
        const mention = s === 0 && articlePeople.length && random.chance(0.3) ? people.find((p) => p.id === articlePeople[0])?.name : undefined;
        const text = persianArticle ? persianSentence(8, 20) : sentence(8, 22, mention);
        written += text.split(' ').length;
        sentences.push(text);
      }
      paragraphs.push(sentences.join(' '));
    }
    manifest.words += written;
    const pictures = planPictures(pictureRandom, options.pictures ?? 0, index);
    if (pictures.lead) {
      const alt = `A scene from the story: ${persianArticle ? 'photograph' : title.split(' ').slice(0, 5).join(' ').toLowerCase()}`;
      fields.push(`image:\n  src: ${q(`../../../${pictures.lead.path}`)}\n  alt: ${q(alt)}\n  caption: ${q(clip(`${title}.`, 120))}\n  credit: ${q(`Photo: ${AGENCIES[index % AGENCIES.length]}`)}`);
      manifest.pictures.push(pictures.lead);
      manifest.leadPictures++;
    }
    if (pictures.body.length) {
      const [photo, map] = pictures.body as [CorpusPicture, CorpusPicture];
      paragraphs.splice(Math.min(1, paragraphs.length), 0, `![A photograph for the story](../../../${photo.path} "The scene, photographed for the story")`);
      paragraphs.splice(Math.min(4, paragraphs.length), 0, mdx
        ? `<Figure src="../../../${map.path}" alt="A map of the places the story names" caption="Where it happened" credit="Map: ${AGENCIES[0]}" />`
        : `![A map of the places the story names](../../../${map.path} "Where it happened")`);
      manifest.pictures.push(photo, map);
      manifest.bodyPictures++;
    }
    write(`articles/${path}`, file(fields, `\n${paragraphs.join('\n\n')}\n`));

    if (mdx) manifest.mdx++;
    if (draft) manifest.draftIds.push(id);
    else {
      manifest.publishedIds.push(id);
      if (!persianArticle) publishedEnglish.push(id);
      if (!mdx) firstMarkdown ??= path;
      if (!mdx && !manifest.editTarget && index >= total / 2) manifest.editTarget = path;
      if (index >= total / 2) laterArticle ??= path;
    }
  }
  // An all-MDX archive has no .md article to edit.
  manifest.editTarget ||= firstMarkdown ?? laterArticle ?? manifest.publishedIds[0] ?? '';
  return manifest;
}
