import slugify from '@sindresorhus/slugify';
import type { CollectionName } from '../../schemas/index.ts';
import { KIND_NAMES as KIND_LIST, KINDS as REGISTRY, type KindName } from '../core/kinds.ts';
import { COLLECTIONS } from '../../schemas/index.ts';
import { parseFrontmatter } from '../content/frontmatter.ts';
import { parseDateTime, parsePartialDate } from '../core/partial-date.ts';
import { closestId } from '../core/closest.ts';
import { ID_PATTERN } from '../core/ids.ts';

type Scaffoldable = { [K in KindName]: (typeof REGISTRY)[K]['scaffold'] extends true ? K : never }[KindName];

/** What `npm run new` can create (`person`), and the collection folder each goes into (`people`): the registry's scaffoldable kinds. */
export const KINDS = Object.fromEntries(
  KIND_LIST.filter((name) => REGISTRY[name].scaffold).map((name) => [REGISTRY[name].singular, name]),
) as { [K in Scaffoldable as (typeof REGISTRY)[K]['singular']]: K };

export type Kind = keyof typeof KINDS;
export const KIND_NAMES = Object.keys(KINDS) as Kind[];

export interface ScaffoldRequest {
  kind: Kind;
  /** The headline, event, name or topic title as the author typed it. */
  title: string;
  /** A topic id: required for articles, optional for events. */
  topic?: string | undefined;
  /** A topic's parent topic id. */
  parent?: string | undefined;
  /** `2018-07-12` for articles; a partial date (`2015`, `2015-07`) for events. Defaults to `today`. */
  date?: string | undefined;
  /** Overrides the id derived from the title. */
  id?: string | undefined;
  /** Articles only: `mdx` (default, allows components) or `md`. */
  format?: 'md' | 'mdx' | undefined;
  /** Ids of the topics that exist, for checking `topic` and `parent`. */
  knownTopics: readonly string[];
  /** Today's date, `YYYY-MM-DD`. */
  today: string;
}

export interface Scaffold {
  collection: CollectionName;
  id: string;
  /** Path inside the collection folder, e.g. `2018/07/talks-resume.mdx`. */
  path: string;
  /** Paths inside the collection folder that would give the same id (an existing one means "do not write"). */
  samePaths: string[];
  text: string;
}

export type ScaffoldResult = { ok: true; scaffold: Scaffold } | { ok: false; message: string };

const MAX_ID_LENGTH = 80;

/** An id from a title: ASCII lower case and dashes, transliterated (`Genève` → `geneve`), at most 80 characters. */
export function idFromTitle(title: string): string {
  const slug = slugify(title);
  if (slug.length <= MAX_ID_LENGTH) return slug;
  const cut = slug.slice(0, MAX_ID_LENGTH + 1);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > 20 ? cut.slice(0, lastDash) : cut.slice(0, MAX_ID_LENGTH)).replace(/-+$/, '');
}

const yamlString = (value: string) => JSON.stringify(value);

function checkTopic(id: string, known: readonly string[], flag: string): string | undefined {
  if (known.includes(id)) return undefined;
  if (known.length === 0) return `${flag} ${id}: there are no topics yet; create one first with: npm run new -- topic "Topic name"`;
  const suggestion = closestId(id, known);
  return `${flag} ${id}: unknown topic${suggestion ? `; did you mean "${suggestion}"?` : ''} (topics: ${known.slice(0, 12).join(', ')}${known.length > 12 ? ', …' : ''})`;
}

/**
 * The file `npm run new` writes: a frontmatter template that passes the
 * content contract as it stands, with optional fields listed as YAML
 * comments. Articles start as drafts, so their placeholder standfirst can
 * never be published by accident.
 */
export function scaffold(request: ScaffoldRequest): ScaffoldResult {
  const title = request.title.trim();
  if (!title) return { ok: false, message: 'a title is required, e.g. npm run new -- article "Talks resume in Vienna"' };
  const entity = request.kind !== 'article';
  const id = request.id ?? idFromTitle(title);
  if (!id) return { ok: false, message: `cannot make an id from "${title}"; give one with --id, e.g. --id talks-resume` };
  const idRule = entity ? /^[a-z][a-z0-9-]*$/ : /^[a-z0-9][a-z0-9-]*$/;
  if (!idRule.test(id) || !ID_PATTERN.test(id)) {
    return {
      ok: false,
      message: `the id "${id}" is not usable: expected lower-case letters, digits and dashes${entity ? ', starting with a letter' : ''}; give one with --id`,
    };
  }

  const collection = KINDS[request.kind];
  const lines: string[] = [];
  let body = '';
  let path = `${id}.md`;
  let samePaths = [path];

  switch (request.kind) {
    case 'article': {
      const date = request.date ?? request.today;
      const parsed = parseDateTime(date);
      if (!parsed.ok || !/^\d{4}-\d{2}-\d{2}/.test(date)) return { ok: false, message: `--date ${date}: expected a day like 2018-07-12` };
      if (!request.topic) {
        return {
          ok: false,
          message: request.knownTopics.length
            ? `an article needs a topic: add --topic <id> (topics: ${request.knownTopics.slice(0, 12).join(', ')}${request.knownTopics.length > 12 ? ', …' : ''})`
            : 'an article needs a topic and there are none yet; create one first with: npm run new -- topic "Topic name"',
        };
      }
      const topicProblem = checkTopic(request.topic, request.knownTopics, '--topic');
      if (topicProblem) return { ok: false, message: topicProblem };
      const [year, month] = date.slice(0, 7).split('-');
      const folder = `${year}/${month}`;
      path = `${folder}/${id}.${request.format ?? 'mdx'}`;
      samePaths = [`${folder}/${id}.md`, `${folder}/${id}.mdx`];
      lines.push(
        `title: ${yamlString(title)}`,
        'description: "One or two sentences that sum up the story; shown in lists, feeds and search results."',
        `pubDate: ${date}`,
        `topics: [${request.topic}]`,
        'draft: true',
        '# Optional: remove the "# " to use a field. Every field is described at /guide/fields/.',
        '# dateline: TEHRAN',
        '# source: { name: Tasnim News Agency, url: "https://www.tasnimnews.com/" }',
        '# authors: [Jane Doe]',
        '# lang: en',
        '# people: [person-id]',
        '# organizations: [organization-id]',
        '# countries: [IR]',
        '# events: [event-id]',
      );
      body = '\nWrite the article here, in Markdown. It is a draft: `npm run dev` shows it with a Draft banner and builds leave it out.\nDelete the `draft: true` line when it is ready to publish.\n';
      break;
    }
    case 'event': {
      const date = request.date ?? request.today;
      if (!parsePartialDate(date).ok) return { ok: false, message: `--date ${date}: expected a year (2015), a month (2015-07) or a day (2015-07-14)` };
      lines.push(`title: ${yamlString(title)}`, `date: ${date}`);
      if (request.topic) {
        const topicProblem = checkTopic(request.topic, request.knownTopics, '--topic');
        if (topicProblem) return { ok: false, message: topicProblem };
        lines.push(`topics: [${request.topic}]`);
      }
      lines.push(
        '# Optional: remove the "# " to use a field. Every field is described at /guide/fields/.',
        '# end: 2015-07-20',
        ...(request.topic ? [] : ['# topics: [topic-id]']),
        '# people: [person-id]',
        '# organizations: [organization-id]',
        '# countries: [IR]',
        '# Below the closing line, optionally: a short description of the event in Markdown.',
      );
      break;
    }
    case 'person':
      lines.push(
        `name: ${yamlString(title)}`,
        '# Optional: remove the "# " to use a field. Every field is described at /guide/fields/.',
        '# description: One factual line about who they are.',
        '# role: Foreign Ministry spokesman',
        '# country: IR',
        '# aliases: [Other spelling of the name]',
        '# Below the closing line, optionally: a short profile in Markdown.',
      );
      break;
    case 'organization':
      lines.push(
        `name: ${yamlString(title)}`,
        '# Optional: remove the "# " to use a field. Every field is described at /guide/fields/.',
        '# shortName: UN',
        '# description: One line about what it is.',
        '# country: US',
        '# url: https://www.un.org/',
        '# Below the closing line, optionally: a short description in Markdown.',
      );
      break;
    case 'topic':
      lines.push(`title: ${yamlString(title)}`, `description: ${yamlString(`News, events and people connected with ${title}.`)}`);
      if (request.parent) {
        const parentProblem = checkTopic(request.parent, request.knownTopics, '--parent');
        if (parentProblem) return { ok: false, message: parentProblem };
        lines.push(`parent: ${request.parent}`);
      }
      lines.push(
        '# Optional: remove the "# " to use a field. Every field is described at /guide/fields/.',
        ...(request.parent ? [] : ['# parent: parent-topic-id']),
        '# order: 1',
        '# Below the closing line, optionally: an introduction to the topic in Markdown, shown on its page.',
      );
      break;
  }

  const text = `---\n${lines.join('\n')}\n---\n${body}`;
  // The template must pass the same schema the build uses; a failure here is a bug in this file.
  const check = COLLECTIONS[collection].schema.safeParse(parseFrontmatter(text).data);
  if (!check.success) throw new Error(`scaffold for ${request.kind} does not pass its schema: ${check.error.message}`);
  return { ok: true, scaffold: { collection, id: path.replace(/\.mdx?$/, ''), path, samePaths, text } };
}
