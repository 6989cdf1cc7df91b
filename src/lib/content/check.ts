import { readContentFiles, resolveContentDir } from './files.ts';
import { validateContent, type ValidationMemo, type ValidContent } from './validate.ts';
import type { ContentError } from './errors.ts';
import { checkPictures } from './check-pictures.ts';
import { fetchRemotePictures, pictureHosts, remotePictureCache, type RemotePicture } from './remote-pictures.ts';
import { checkDownloadedLeadPictures, checkLeadPictures } from './check-lead-picture.ts';

export interface ContentCheck {
  /** Every problem, from reading the folder and from validating its files. */
  errors: ContentError[];
  /** How many content files were read. */
  files: number;
  contentDir: string;
  /** Every file that passed. */
  content: ValidContent;
  /** Pictures on trusted hosts, for the download before the build renders (remote-pictures.ts). */
  remotePictures: RemotePicture[];
}

/**
 * Reads and validates the whole content tree (content/ or CHRONICLE_CONTENT_DIR
 * under `root`): the one entry point shared by the build, the dev server and
 * `npm run check`, so all three report exactly the same problems. The dev
 * server passes the `memo` of its previous check, so that unchanged files are not parsed again.
 */
export function checkContentTree(root: string, env: Record<string, string | undefined> = process.env, memo?: ValidationMemo): ContentCheck {
  const contentDir = resolveContentDir(root, env);
  const read = readContentFiles(contentDir, root);
  const { errors, content } = validateContent(read.files, memo);
  const remotePictures: RemotePicture[] = [];
  const options = { hosts: pictureHosts(env), remote: remotePictures };
  const pictures = [...checkLeadPictures(read.files, contentDir, options), ...checkPictures(read.files, contentDir, options)];
  return { errors: [...read.errors, ...errors, ...pictures], files: read.files.length, contentDir, content, remotePictures };
}

/**
 * The check, then the download of the pictures on trusted hosts into the
 * build's cache, as the build does before rendering (src/integrations/chronicle.ts):
 * what `npm run check` and the CI summary report, failed downloads included.
 */
export async function checkContentAndPictures(root: string, env: Record<string, string | undefined> = process.env): Promise<ContentCheck> {
  const check = checkContentTree(root, env);
  return { ...check, errors: [...check.errors, ...await downloadPictures(check.remotePictures, remotePictureCache(root, env))] };
}

/**
 * Downloads the pictures on trusted hosts into `cacheDir`, then checks the
 * lead pictures among them as kept ones are checked: the problems of both.
 */
export async function downloadPictures(pictures: readonly RemotePicture[], cacheDir: string): Promise<ContentError[]> {
  const failed = await fetchRemotePictures(pictures, cacheDir);
  return [...failed, ...checkDownloadedLeadPictures(pictures, cacheDir)];
}
