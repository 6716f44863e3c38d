// VS Code's JSON engine (vscode-json-languageservice), set up the way the editor
// sets it up for a workspace: schemas are read from disk by file: URI, relative
// `$schema` paths resolve against the document, and `.json` files are checked
// with comments and trailing commas as errors unless the schema allows them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  ClientCapabilities,
  getLanguageService,
  TextDocument,
  type CompletionItem,
  type Diagnostic,
  type Hover,
  type LanguageService,
  type SchemaConfiguration,
} from "vscode-json-languageservice";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const CONFIG_SCHEMA = join(ROOT, "schema/config.schema.json");
export const CATALOG_SCHEMA = join(ROOT, "schema/catalog.schema.json");

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

export function createLanguageService(schemas: SchemaConfiguration[] = []): LanguageService {
  const service = getLanguageService({
    schemaRequestService: async (uri) => readFileSync(fileURLToPath(uri), "utf8"),
    workspaceContext: { resolveRelativePath: (relative, resource) => new URL(relative, resource).href },
    clientCapabilities: ClientCapabilities.LATEST,
  });
  service.configure({ validate: true, allowComments: false, schemas });
  return service;
}

/** A service that applies the generated config schema (read from disk) to `config.json` files. */
export function configSchemaService(): LanguageService {
  return createLanguageService([{ uri: fileUri(CONFIG_SCHEMA), fileMatch: ["config.json"] }]);
}

export interface Session {
  document: TextDocument;
  diagnostics(): Promise<Diagnostic[]>;
  completeAt(offset: number): Promise<CompletionItem[]>;
  hoverAt(offset: number): Promise<Hover | null>;
  /** The schemas the service applies to this document. */
  schemaUris(): string[];
}

export function open(service: LanguageService, path: string, text: string): Session {
  const document = TextDocument.create(fileUri(path), "json", 1, text);
  const json = service.parseJSONDocument(document);
  return {
    document,
    diagnostics: async () => service.doValidation(document, json, { comments: "error", trailingCommas: "error" }),
    completeAt: async (offset) => (await service.doComplete(document, document.positionAt(offset), json))?.items ?? [],
    hoverAt: async (offset) => service.doHover(document, document.positionAt(offset), json),
    schemaUris: () => service.getLanguageStatus(document, json).schemas,
  };
}

/** Offsets of the first occurrence of `needle` in `text` (which must contain it). */
export function spanOf(text: string, needle: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`test text does not contain ${JSON.stringify(needle)}`);
  return { start, end: start + needle.length };
}

export function rangeText(session: Session, diagnostic: Diagnostic): string {
  return session.document.getText(diagnostic.range);
}
