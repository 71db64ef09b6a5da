/**
 * When this site was built, for the footer: a printout or a copy on a plant intranet says how current
 * it is. SOURCE_DATE_EPOCH (reproducible-builds.org) fixes the date when set; otherwise it is the day
 * of the build, in UTC. Read once per build.
 */
export function buildDate(env: Record<string, string | undefined> = process.env, now = Date.now()): string {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  const at = env.SOURCE_DATE_EPOCH && Number.isFinite(epoch) ? epoch * 1000 : now;
  return new Date(at).toISOString().slice(0, 10);
}

export const builtOn = buildDate();
