/**
 * What a submission package is made of, written out canonically: two requests with the same text would
 * build the same ZIP, so the second reuses the first (issue #15 item 5). The server hashes this text.
 */

/** Bump when the package's layout, its forms or its manifest change in code: older packages are not reused. */
export const PACKAGE_FORMAT_VERSION = 1;

export interface PackageInputs {
  campaignId: string;
  /** null: the whole campaign. */
  unitId: string | null;
  /** The campaign rules' version: the forms' layouts and titles come from the rules. */
  rulesVersion: number;
  /** Whether PDF copies of the forms are made (LibreOffice installed). */
  pdf: boolean;
  nominations: readonly {
    id: string;
    /** Bumped by every write to the nomination (form, state, 排序). */
    version: number;
    state: string;
    rank: number | null;
    special: boolean;
    /** The hash of its submitted snapshot. */
    contentHash: string | null;
  }[];
  files: readonly {
    id: string;
    sha256: string;
    state: string;
    fileName: string;
    /** What the manifest says of the file: its check findings and the organiser's waivers. */
    findings: readonly { code: string }[];
    waivers: readonly { code: string }[];
  }[];
}

/** The inputs as one line of JSON, in a fixed order whatever order the rows came in. */
export function packageInputsText(inputs: PackageInputs): string {
  const nominations = [...inputs.nominations]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((n) => [n.id, n.version, n.state, n.rank, n.special, n.contentHash]);
  const files = [...inputs.files]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((f) => [
      f.id,
      f.sha256,
      f.state,
      f.fileName,
      f.findings.map((x) => x.code).sort(),
      f.waivers.map((x) => x.code).sort(),
    ]);
  return JSON.stringify([
    PACKAGE_FORMAT_VERSION,
    inputs.campaignId,
    inputs.unitId,
    inputs.rulesVersion,
    inputs.pdf,
    nominations,
    files,
  ]);
}
