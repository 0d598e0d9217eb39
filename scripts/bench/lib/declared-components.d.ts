export interface UnusedDeclaration {
  /** The json declaring the component, relative to the miniprogramRoot, '/'-separated. */
  file: string;
  /** The usingComponents key that no WXML uses. */
  tag: string;
}

export function findUnusedDeclarations(mpRoot: string): UnusedDeclaration[];
export function tagsOf(source: string): Set<string>;
