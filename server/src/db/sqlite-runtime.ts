/**
 * better-sqlite3 13 is a Node-API 10 addon (prebuilt, shipped in its npm package). On a Node without Node-API 10
 * (Node 20, Node 22 before 22.14) it loads, then crashes the process with a segmentation fault at the first
 * `new Database()` — no message at all. This check turns that into an error that says what to do.
 */
const NODE_API_NEEDED = 10;

export function checkNodeForSqlite(
  nodeApiVersion: string | undefined = process.versions.napi,
  nodeVersion: string = process.version,
): void {
  const found = Number(nodeApiVersion ?? '0');
  if (Number.isInteger(found) && found >= NODE_API_NEEDED) return;
  throw new Error(
    `SQLite (better-sqlite3 13) needs Node 22.17+ or 24+ (Node-API ${NODE_API_NEEDED}); this is Node ${nodeVersion} ` +
      `(Node-API ${nodeApiVersion ?? 'unknown'}). Run the server on Node 22 or 24 (.nvmrc, docs/deploy.md "Node versions").`,
  );
}
