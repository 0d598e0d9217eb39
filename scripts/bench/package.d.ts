export interface CodeQualityItem {
  name: string;
  pass: boolean;
  detail: string;
  source: 'miniprogram-ci' | 'bench';
}

export interface PackageFigure {
  /** bytes of our code in the upload set (.ts measured as compiled JS) */
  ours: number;
  /** bytes per npm package reachable from usingComponents / imports */
  npm: Record<string, number>;
  npmTotal: number;
  total: number;
  /** the 2 MB main-package limit */
  limit: number;
  /** 600 KB */
  goal: number;
  goalMet: boolean;
  fileCount: number;
  vantComponents: string[];
  codeQuality: CodeQualityItem[];
  allQualityPass: boolean;
  ciGraph: { ours: number; npm: number; files: number };
  ms: number;
}

export function measurePackage(): Promise<PackageFigure>;
export function formatPackageReport(result: PackageFigure): string;
