/**
 * "Edit this page" and "history" links to a file in the site's repository.
 * Only the repository's web address is configured (CHRONICLE_REPO_URL, e.g.
 * `https://github.com/org/chronicle`) and its branch; the links follow
 * GitHub's address scheme, or GitLab's (`/-/edit/…`) on a GitLab host.
 */
export interface RepoLinks {
  edit: string;
  history: string;
}

export function repoLinks(repoUrl: string | undefined, branch: string, pathInRepo: string | undefined): RepoLinks | undefined {
  const base = repoUrl?.trim().replace(/\/+$/, '').replace(/\.git$/, '');
  if (!base || !pathInRepo || !/^https?:\/\//i.test(base) || !URL.canParse(base)) return undefined;
  const file = `${encodeURIComponent(branch)}/${pathInRepo.split('/').map(encodeURIComponent).join('/')}`;
  const dash = new URL(base).hostname.includes('gitlab') ? '/-' : '';
  return { edit: `${base}${dash}/edit/${file}`, history: `${base}${dash}/commits/${file}` };
}
