// Region names: `<doc group>-<kind suffix>`. Group ids contain hyphens and so do
// suffixes (`model-refs`), so names are looked up in the table of every valid
// combination rather than split.
import type { Catalog, ResolvedGroup } from "../catalog/model.ts";
import { didYouMeanSuffix } from "../lib/did-you-mean.ts";
import type { RegionKind } from "./kinds/kind.ts";
import { regionName } from "./markers.ts";

export interface RegionTarget {
  group: ResolvedGroup;
  kind: RegionKind;
}

export class RegionNames {
  private readonly table = new Map<string, RegionTarget>();

  constructor(
    catalog: Catalog,
    private readonly kinds: readonly RegionKind[],
  ) {
    for (const group of catalog.groups) {
      for (const kind of kinds) this.table.set(regionName(group.id, kind.suffix), { group, kind });
    }
  }

  resolve(name: string): RegionTarget | undefined {
    return this.table.get(name);
  }

  /** Whether a token that is not a well-formed marker was probably meant as one. */
  looksLikeRegion(name: string): boolean {
    return this.table.has(name) || this.kinds.some((k) => name.endsWith(`-${k.suffix}`));
  }

  /** ` (did you mean …?)` for a name that is not a region, or "". */
  didYouMean(name: string): string {
    return this.table.has(name) ? "" : didYouMeanSuffix(name, [...this.table.keys()]);
  }

  unknownMessage(name: string): string {
    const suffixes = this.kinds.map((k) => k.suffix).join(", ");
    return (
      `unknown region "${name}"${didYouMeanSuffix(name, [...this.table.keys()])}; ` +
      `region names are <doc group>-<kind>, with a doc group from the catalog and a kind among ${suffixes}`
    );
  }
}
