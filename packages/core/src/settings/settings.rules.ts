/** Truthy setting values (api-rest-core §2.10): `true`, `1`, `yes`, `on`, case-insensitive. */
export const isTruthySetting = (value: string | null | undefined): boolean =>
  value !== null &&
  value !== undefined &&
  ['true', '1', 'yes', 'on'].includes(value.trim().toLowerCase());
