/**
 * docs/api.md's reference section is what `npm run docs` generates from the
 * command registry, and it covers every route of the api with its command.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  API_DOC,
  END,
  START,
  allRoutes,
  renderApiReference,
  withApiReference,
} from "../../functions/tools/docs/api-reference";
import { REPO_ROOT } from "../../functions/tools/docs/domain-exports";

const page = readFileSync(join(REPO_ROOT, API_DOC), "utf8");

test("docs/api.md holds the reference generated from the commands", () => {
  if (withApiReference(page) !== page)
    throw new Error(`${API_DOC}'s generated reference is stale (a command or route changed): run \`npm run docs\`.`);
  expect(page.indexOf(START)).toBeGreaterThan(0);
  expect(page.indexOf(END)).toBeGreaterThan(page.indexOf(START));
});

test("every route appears once, with its command's roles, body fields and answer type", () => {
  const routes = allRoutes();
  const section = renderApiReference(routes);
  expect(routes.length).toBeGreaterThanOrEqual(23);
  for (const route of routes) {
    const heading = `### \`${route.method} ${route.path.replace(/:([A-Za-z]+)/g, "{$1}")}\``;
    expect(section.split(heading)).toHaveLength(2);
    expect(section).toContain(`- command: \`${route.command.name}\``);
  }
  expect(new Set(routes.map((r) => r.command.name)).size).toBe(routes.length);
  const approve = section.slice(section.indexOf("### `POST /v1/companies/{companyId}/refunds/{refundId}/approve`"));
  expect(approve).toMatch(/^[\s\S]*?roles: `sales_approver` \(Approbateur commercial\), `accounting_approver`/);
  expect(section).toContain("- `reason` (« motif »): `customer_cancels`");
  expect(section).toContain("- answer: `RefundDetail`");
});
