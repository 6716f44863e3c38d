// The names the configuration file goes by: its own, its JSON Schema's, and the
// value of `catalog` that names the catalog shipped in the package.

export const PROJECT_CONFIG_FILE = "kimi-config-sync.config.jsonc";
/** Where this repository writes the configuration file's own JSON Schema; shipped in the package. */
export const PROJECT_CONFIG_SCHEMA_FILE = "kimi-config-sync.config.schema.json";
/** The value of `catalog` that names the catalog shipped in the package. */
export const BUNDLED_CATALOG = "bundled";
