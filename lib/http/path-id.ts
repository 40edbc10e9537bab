/** A path id: a positive integer up to `max` (a Postgres integer by default), else undefined (404). */
export function pathId(raw: string, max = 2_147_483_647): number | undefined {
  return /^[1-9]\d{0,15}$/.test(raw) && Number(raw) <= max ? Number(raw) : undefined;
}
