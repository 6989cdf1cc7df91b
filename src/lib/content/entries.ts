/** What the validation pass reads (a file) and what it hands on (the valid entries of each kind). */
import type { z } from 'astro/zod';
import type { SCHEMAS } from '../../schemas/index.ts';
import type { KindName } from '../core/kinds.ts';
import type { ContentError } from './errors.ts';

/** A file found in a collection folder. */
export interface SourceFile {
  collection: KindName;
  /** Path inside the collection folder, e.g. `2018/07/slug.mdx`. */
  path: string;
  /** Path shown in messages, e.g. `content/articles/2018/07/slug.mdx`. */
  displayPath: string;
  source: string;
}

export interface Entry<T> {
  id: string;
  file: string;
  data: T;
  body: string;
}

/** Everything that passed validation, typed per collection. */
export type ValidContent = { [K in KindName]: Entry<z.output<(typeof SCHEMAS)[K]>>[] };

export interface ValidationResult {
  errors: ContentError[];
  content: ValidContent;
}
