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
  /** upload bytes per package: 'main' and each subpackage root */
  packages: Record<string, number>;
  /** files of miniprogram/simulator/ (or named simulated) in the upload set: none expected */
  simulatedFiles: string[];
  /** the main package's JavaScript minified with terser, as DevTools uploads it */
  mainJs: {
    ours: number;
    npm: number;
    total: number;
    files: number;
    largest: Array<{ file: string; bytes: number }>;
  };
  /** 150 KB, for our code */
  mainJsGoal: number;
  mainJsGoalMet: boolean;
  codeQuality: CodeQualityItem[];
  allQualityPass: boolean;
  ciGraph: { ours: number; npm: number; files: number };
  ms: number;
}

export function measurePackage(): Promise<PackageFigure>;
export function formatPackageReport(result: PackageFigure): string;
