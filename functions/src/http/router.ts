import type { Route } from "./route";

interface Compiled {
  route: Route;
  regex: RegExp;
  names: string[];
}

export type Match =
  { route: Route; params: Record<string, string> } | { methodNotAllowed: true; allowed: string[] } | null;

/** Matches a method and path against the route table; parameters are URL-decoded. */
export class Router {
  private readonly compiled: Compiled[];

  constructor(routes: readonly Route[]) {
    this.compiled = routes.map((route) => {
      const names: string[] = [];
      const pattern = route.path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
        names.push(name);
        return "([^/]+)";
      });
      return { route, regex: new RegExp(`^${pattern}/?$`), names };
    });
  }

  match(method: string, path: string): Match {
    const allowed: string[] = [];
    for (const c of this.compiled) {
      const m = c.regex.exec(path);
      if (!m) continue;
      if (c.route.method !== method) {
        allowed.push(c.route.method);
        continue;
      }
      const params: Record<string, string> = {};
      try {
        c.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1])));
      } catch {
        return null;
      }
      return { route: c.route, params };
    }
    return allowed.length > 0 ? { methodNotAllowed: true, allowed: [...new Set(allowed)].sort() } : null;
  }
}
