import { invalidInput } from "../errors";
import { VersionSchema } from "./release-files";

/**
 * The `version` query parameter: a release to read instead of the working data, or null
 * when absent. A malformed one is a 400 naming the parameter; an unknown one a 404 (getDbAt).
 */
export function parseVersionParam(params: URLSearchParams | Record<string, string | string[] | undefined>): string | null {
  const raw = params instanceof URLSearchParams ? params.getAll("version") : [params.version ?? []].flat();
  if (raw.length === 0) return null;
  if (raw.length > 1) throw invalidInput([{ parameter: "version", message: "give one version" }]);
  const parsed = VersionSchema.safeParse(raw[0]);
  if (!parsed.success) throw invalidInput([{ parameter: "version", message: parsed.error.issues[0]!.message }]);
  return parsed.data;
}
