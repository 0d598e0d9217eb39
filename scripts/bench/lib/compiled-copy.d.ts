import type { CompilerOptions } from 'typescript';

export interface CompiledCopy {
  /** Absolute path of the temporary project folder. */
  dir: string;
  /** miniprogramRoot from project.config.json, without trailing slash. */
  miniprogramRoot: string;
  /** Absolute paths of the .js files written from .ts sources. */
  transpiled: string[];
  /** Removes the temporary folder. */
  cleanup(): void;
}

export function createCompiledCopy(projectRoot: string, options?: { parentDir?: string }): CompiledCopy;
export function transpileTree(
  dir: string,
  compilerOptions: CompilerOptions,
): { transpiled: string[]; removedDeclarations: number };
export function uploadCompilerOptions(projectRoot: string): CompilerOptions;
