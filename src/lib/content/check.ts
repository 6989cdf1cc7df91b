import { readContentFiles, resolveContentDir } from './files.ts';
import { validateContent, type ValidContent } from './validate.ts';
import type { ContentError } from './errors.ts';
import { checkPictures } from './check-pictures.ts';
import { checkLeadPictures } from './check-lead-picture.ts';

export interface ContentCheck {
  /** Every problem, from reading the folder and from validating its files. */
  errors: ContentError[];
  /** How many content files were read. */
  files: number;
  contentDir: string;
  /** Every file that passed. */
  content: ValidContent;
}

/**
 * Reads and validates the whole content tree (content/ or CHRONICLE_CONTENT_DIR
 * under `root`): the one entry point shared by the build, the dev server and
 * `npm run check`, so all three report exactly the same problems.
 */
export function checkContentTree(root: string, env: Record<string, string | undefined> = process.env): ContentCheck {
  const contentDir = resolveContentDir(root, env);
  const read = readContentFiles(contentDir, root);
  const { errors, content } = validateContent(read.files);
  return { errors: [...read.errors, ...errors, ...checkPictures(read.files, contentDir), ...checkLeadPictures(read.files, contentDir)], files: read.files.length, contentDir, content };
}
