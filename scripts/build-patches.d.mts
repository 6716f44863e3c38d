// Types of build-patches.mjs, for the tests that import it.
import type { ParsedDiff } from "diff";

export interface DependencyPatch {
  name: string;
  version: string;
  /** The patched file's path inside the package. */
  file: string;
  patch: ParsedDiff;
}

export function readPatches(root: string): Promise<DependencyPatch[]>;
export function patchedText(text: string, patch: ParsedDiff): Promise<string | undefined>;
export function patchedDependencies(root: string, patches: readonly DependencyPatch[]): { name: string; setup(build: unknown): void };
