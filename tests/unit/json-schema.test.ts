import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getLanguageService } from 'yaml-language-server/lib/umd/languageservice/yamlLanguageService.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { allJsonSchemaFiles, collectionJsonSchema } from '../../src/lib/authoring/json-schema.ts';
import { readContentFiles } from '../../src/lib/content/files.ts';
import { COLLECTION_NAMES, type CollectionName } from '../../src/schemas/index.ts';
import { KIND_NAMES, scaffold } from '../../src/lib/authoring/scaffold.ts';
import { REPO, runScript } from '../fixtures/run-script.ts';

describe('committed JSON Schemas', () => {
  it('equal the ones generated from the Zod schemas now (run `npm run schemas` after changing src/schemas/)', () => {
    for (const [path, text] of allJsonSchemaFiles()) {
      expect(readFileSync(join(REPO, path), 'utf8'), path).toBe(text);
    }
  });

  it('npm run schemas -- --check agrees', async () => {
    const run = await runScript('schemas', ['--check']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('up to date');
  });
});

/**
 * The YAML language service the Astro VS Code extension runs on frontmatter
 * (yaml-language-server, YAML 1.2), configured as the extension configures it,
 * with our schemas. What it reports is what an author sees underlined.
 */
let documentNumber = 0;
async function editorDiagnostics(collection: CollectionName, yaml: string): Promise<{ line: number; message: string }[]> {
  const service = getLanguageService({
    schemaRequestService: () => Promise.reject(new Error('no schema downloads in tests')),
    workspaceContext: { resolveRelativePath: (path: string) => path },
  });
  service.configure({
    validate: true, completion: true, hover: true, yamlVersion: '1.2', customTags: [],
    schemas: [{ uri: `file:///schemas/${collection}.schema.json`, fileMatch: ['*.yaml'], schema: collectionJsonSchema(collection) }],
  });
  // A new URI each time: the service caches parsed documents by URI and version.
  const document = TextDocument.create(`file:///frontmatter/${++documentNumber}.yaml`, 'yaml', 1, yaml);
  const diagnostics = await service.doValidation(document, false);
  // +2: the frontmatter starts on line 2, after the opening ---.
  return diagnostics.map((d) => ({ line: d.range.start.line + 2, message: typeof d.message === 'string' ? d.message : d.message.value }));
}

const frontmatterOf = (source: string) => /^---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1] ?? '';

describe('what the editor underlines', () => {
  it('nothing in any file of the seed archive', async () => {
    const { files } = readContentFiles(join(REPO, 'content'), REPO);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      expect(await editorDiagnostics(file.collection, frontmatterOf(file.source)), file.displayPath).toEqual([]);
    }
  });

  it('nothing in a file made by npm run new, of any kind', async () => {
    for (const kind of KIND_NAMES) {
      const result = scaffold({ kind, title: `New ${kind}`, topic: 'diplomacy', knownTopics: ['diplomacy'], today: '2018-07-12' });
      if (!result.ok) throw new Error(result.message);
      expect(await editorDiagnostics(result.scaffold.collection, frontmatterOf(result.scaffold.text)), kind).toEqual([]);
    }
  });

  it('nothing in valid partial dates, date-times, inline events and optional fields', async () => {
    expect(await editorDiagnostics('events', 'title: E\ndate: 2015\nend: "2016-02"\ncountries: [IR]')).toEqual([]);
    expect(await editorDiagnostics('articles', [
      'title: T', 'description: D', 'pubDate: 2018-07-12T09:30:00+04:30', 'updatedDate: 2018-07-13', 'topics: [jcpoa]',
      'lang: fa-IR', 'source: { name: Tasnim, url: "https://www.tasnimnews.com/x" }', 'aliases: [/2018/07/old/]',
      'events:', '  - jcpoa-concluded', '  - date: 2018-07', '    title: Inline', 'corrections:', '  - date: 2018-07-13', '    text: Fixed.',
      'translationOf: 2018/07/original', 'draft: false',
    ].join('\n'))).toEqual([]);
  });

  it('each mistake it can see without the rest of the archive, on its line, worded as npm run check words it', async () => {
    const diagnostics = await editorDiagnostics('articles', [
      'title: T', //              line 2
      'pubDate: 12/07/2018', //   line 3
      'topics: []', //            line 4
      'countries: [IR, XX]', //   line 5
      'topic: [jcpoa]', //        line 6
      'lang: english', //         line 7
      'draft: yes', //            line 8
      'people: [Jane-Doe]', //    line 9
      'source: { name: X, url: "javascript:alert(1)" }', // line 10
    ].join('\n'));
    const at = (line: number) => diagnostics.filter((d) => d.line === line).map((d) => d.message).join(' | ');
    expect(diagnostics.some((d) => /Missing property "description"/.test(d.message))).toBe(true);
    expect(at(3)).toContain('expected a date (2018-07-12) or an ISO 8601 date-time');
    expect(at(4)).toMatch(/too few items/i);
    expect(at(5)).toContain('expected an upper-case ISO 3166-1 alpha-2 code');
    expect(at(6)).toMatch(/Property topic is not allowed/);
    expect(at(7)).toContain('expected a BCP 47 language tag');
    expect(at(8)).toMatch(/Expected "boolean"/);
    expect(at(9)).toContain('expected an id of lower-case letters, digits and dashes');
    expect(at(10)).toContain('expected an http:// or https:// URL');
    expect((await editorDiagnostics('events', 'title: E\ndate: July 2015')).map((d) => d.message).join()).toContain('expected a year (2015), a month (2015-07) or a day');
  });
});

describe('schemas cover every collection', () => {
  it('one strict object schema per collection', () => {
    for (const name of COLLECTION_NAMES) {
      const schema = collectionJsonSchema(name);
      expect(schema.type, name).toBe('object');
      expect(schema.additionalProperties, name).toBe(false);
    }
  });
});
