// Docs: find the generated regions under the docs folders and render them anew.
// (Placeholder until the region engine lands: no docs are touched yet.)
import type { Catalog } from "../catalog/model.ts";
import type { PlannedFile } from "../gen/plan.ts";
import type { Diagnostic } from "../lib/diagnostics.ts";

export interface DocsResult {
  files: PlannedFile[];
  /** Errors make the run exit 2 with nothing written; warnings are shown. */
  diagnostics: Diagnostic[];
  stats?: { regions: number; docs: number };
}

export async function syncDocs(_catalog: Catalog, _docDirs: readonly string[]): Promise<DocsResult> {
  return { files: [], diagnostics: [] };
}
