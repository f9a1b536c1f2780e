/**
 * How many matches a search ranks at most: the newest publishable ones. Ranking is per row, so
 * this bounds a search whatever the word's frequency. It covers every page the web shows
 * (50 pages of 20, see ArchiveSearch).
 */
export const CANDIDATES = 1000;
