const URL = /https?:\/\/[^\s<>"'`，。！？、；）」』】)\]]+/gi;
const GITHUB = /^https?:\/\/(?:www\.)?github\.com\/([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+?)(?:\.git)?(?:\/(?:issues|pull|discussions)\/(\d+))?(?:[/?#]|$)/i;
const REPO_REF = /(?<![\w./#-])([A-Za-z0-9][A-Za-z0-9-]*)\/([A-Za-z0-9._-]*[A-Za-z0-9_])(?:#(\d+))?(?![\w/])/g;
const BARE_ISSUE = /(?<![\w/&#])#(\d{1,7})(?!\w)/g;
/** GitHub paths that are pages, not owners. */
const NOT_OWNERS = new Set(['orgs', 'settings', 'marketplace', 'topics', 'features', 'sponsors', 'login', 'about', 'apps']);

/** Links, repositories (owner/repo) and issues (owner/repo#123, #123) a message mentions. */
export interface Mentions {
  links: string[];
  repos: string[];
  issues: string[];
}

/** Finds what a message points at; a bare #123 is credited to `defaultRepo` when the room has one. */
export function findMentions(text: string, defaultRepo?: string | null): Mentions {
  const found: Mentions = { links: [], repos: [], issues: [] };
  const rest = text.replace(URL, (url) => {
    const link = url.replace(/(?<![.,;:!?])[.,;:!?]+$/, '');
    found.links.push(link);
    const github = GITHUB.exec(link);
    if (github && !NOT_OWNERS.has(github[1]!.toLowerCase())) addRepo(found, github[1]!, github[2]!, github[3]);
    return ' ';
  });
  if (rest.includes('/')) {
    for (const match of rest.matchAll(REPO_REF)) {
      if (looksLikeRepo(match[1]!, match[2]!)) addRepo(found, match[1]!, match[2]!, match[3]);
    }
  }
  if (rest.includes('#')) {
    const withoutRefs = rest.replace(REPO_REF, ' ');
    for (const match of withoutRefs.matchAll(BARE_ISSUE)) found.issues.push(defaultRepo ? `${defaultRepo}#${match[1]}` : `#${match[1]}`);
  }
  return found;
}

function addRepo(found: Mentions, owner: string, name: string, issue: string | undefined): void {
  const repo = `${owner}/${name}`.toLowerCase();
  found.repos.push(repo);
  if (issue) found.issues.push(`${repo}#${issue}`);
}

/** `and/or`, `TCP/IP`, `1/2` are not repositories: both parts short words, or no letter at all. */
function looksLikeRepo(owner: string, name: string): boolean {
  if (!/[A-Za-z]/.test(owner) || !/[A-Za-z]/.test(name)) return false;
  return !(owner.length <= 3 && name.length <= 3 && /^[A-Za-z]+$/.test(owner + name));
}
