/** The one answer to a request about a folder the index does not hold (a stale client, a hostile caller). */
export function unknownProject(projectPath: string): Error {
  return new Error(`${projectPath} is not a project Optimus knows. Rescan, or add its folder to optimus.roots.`);
}
