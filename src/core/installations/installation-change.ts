/** What an `installation` or `installation_repositories` webhook changes about the App's reach. */
export interface InstallationChange {
  installationId: number;
  /** The account (user or organisation) the App is installed on. */
  account: string;
  /** `all`: every repository of the account, present and future; `selected`: those listed. */
  selection: 'all' | 'selected';
  /** The App was uninstalled: the installation and its repositories are forgotten. */
  deleted?: boolean;
  suspended?: boolean;
  /** The full list of repositories (installation created), or what was added and removed. */
  repos?: { set?: string[]; add?: string[]; remove?: string[] };
}

/** Whether the App can reach a repository; `unknown` when no installation was ever recorded. */
export type Reach = 'yes' | 'no' | 'unknown';
