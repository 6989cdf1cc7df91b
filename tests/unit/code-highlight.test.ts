import { describe, expect, it } from 'vitest';
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { classTokens, styleToClasses, stylesToClasses } from '../../src/lib/markdown/code-highlight.ts';

/** Astro's own Markdown renderer, configured as astro.config.mjs configures it. */
const processor = await createSatteriMarkdownProcessor({
  syntaxHighlight: { type: 'shiki', excludeLangs: ['math'] },
  shikiConfig: { theme: 'css-variables', transformers: [classTokens()] },
});
const render = async (source: string) => (await processor.render(source)).code;

describe('code blocks are highlighted with classes, never inline styles', () => {
  it('colours a TypeScript block by token class', async () => {
    const html = await render('Text.\n\n```ts\nconst answer: number = 42; // why\nfunction greet(name: string) { return `hi ${name}`; }\n```\n');
    expect(html).toContain('<pre class="astro-code css-variables" data-language="ts">');
    expect(html).toMatch(/<span class="tok-keyword">const<\/span>/);
    expect(html).toMatch(/<span class="tok-comment[^"]*">\s*\/\/ why<\/span>/);
    expect(html).toMatch(/class="tok-function"> greet</);
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).not.toMatch(/tabindex/);
  });

  it('escapes code of a language nobody knows, and of none', async () => {
    for (const fence of ['```nosuchlanguage', '```']) {
      const html = await render(`${fence}\n<img src=x onerror=alert(1)>\n\`\`\`\n`);
      expect(html).toContain('<span>&lt;img src=x onerror=alert(1)&gt;</span>');
      expect(html).not.toContain('<img');
      expect(html).not.toMatch(/\sstyle=/);
    }
  });

  it('keeps diff markers unselectable through a class', async () => {
    const html = await render('```diff\n+ added\n- removed\n```\n');
    expect(html).toMatch(/<span class="tok-inserted"><span class="tok-unselectable">\+<\/span> added<\/span>/);
    expect(html).toMatch(/<span class="tok-deleted"><span class="tok-unselectable">-<\/span> removed<\/span>/);
    expect(html).not.toMatch(/\sstyle=/);
  });
});

describe('styleToClasses', () => {
  it('maps token colours and font styles, and drops what the stylesheet already sets', () => {
    expect(styleToClasses('color:var(--astro-code-token-string-expression)')).toEqual(['tok-string-expression']);
    expect(styleToClasses('color:var(--astro-code-token-comment);font-style:italic')).toEqual(['tok-comment', 'tok-italic']);
    expect(styleToClasses('background-color:var(--astro-code-background);color:var(--astro-code-foreground); overflow-x: auto;')).toEqual([]);
    expect(styleToClasses('color:#ff0000')).toEqual([]);
  });

  it('merges with existing classes and removes the attribute', () => {
    const tree = { type: 'root', children: [{ type: 'element', properties: { class: 'line', style: 'font-weight:bold' }, children: [{ type: 'text' }] }] };
    stylesToClasses(tree);
    expect(tree.children[0]!.properties).toEqual({ class: 'line tok-bold' });
  });
});

describe('highlighting does not depend on how busy the machine is', () => {
  it('gives each line the tokenizer time it needs, and leaves only overlong lines plain', async () => {
    const options: Record<string, unknown> = {};
    expect(classTokens().preprocess('x', options)).toBe('x');
    expect(options).toEqual({ tokenizeTimeLimit: 10_000, tokenizeMaxLineLength: 4_000 });
    const long = `const x = "${'a'.repeat(5_000)}";`;
    const html = await render(`\`\`\`ts\n${long}\nconst y = 1;\n\`\`\`\n`);
    expect(html).toContain(`<span class="line"><span>${long.replace(/"/g, '"')}</span></span>`);
    expect(html).toMatch(/<span class="tok-keyword">const<\/span><span class="tok-constant"> y<\/span>/);
  });
});
