/**
 * A module's two-level navigation: a row of labelled groups and the selected group's pages. A module with many
 * pages declares its groups once; the page a route belongs to (a list, or a record page under it through `also`)
 * selects its group and its link.
 */
export interface NavPage {
  /** The route the link opens. */
  route: string;
  label: string;
  /** The link's `data-test` hook (browser tests click it). */
  test: string;
  /** Other routes shown under this page (its record pages): they select the page's link too. */
  also?: readonly string[];
}

export interface NavGroup {
  key: string;
  label: string;
  /** At least one; the group's link opens the first. */
  pages: readonly NavPage[];
}

/** Where a route sits in the groups: the group and page indexes, or null for a route none of them names. */
export function navPosition(groups: readonly NavGroup[], route: string | null | undefined): { group: number; page: number } | null {
  if (!route) return null;
  for (const [group, g] of groups.entries()) {
    const page = g.pages.findIndex((p) => p.route === route || (p.also ?? []).includes(route));
    if (page >= 0) return { group, page };
  }
  return null;
}
