/** Twilio regions and their default edges (twilio-cli's map), and the API origin they make. */
export const REGION_EDGES: Readonly<Record<string, string>> = {
  us1: 'ashburn',
  us2: 'umatilla',
  ie1: 'dublin',
  de1: 'frankfurt',
  au1: 'sydney',
  br1: 'sao-paulo',
  jp1: 'tokyo',
  jp2: 'osaka',
  sg1: 'singapore',
};

export const DEFAULT_REGION = 'us1';

/** How each region is named to people, in REGION_EDGES order. */
export const REGION_LABELS: Readonly<Record<string, string>> = {
  us1: 'United States (US1)',
  us2: 'United States 2 (US2)',
  ie1: 'Ireland (IE1)',
  de1: 'Germany (DE1)',
  au1: 'Australia (AU1)',
  br1: 'Brazil (BR1)',
  jp1: 'Japan (JP1)',
  jp2: 'Japan 2 (JP2)',
  sg1: 'Singapore (SG1)',
};

/** The edge to use for a region when the user did not choose one. */
export function defaultEdge(region: string): string | null {
  return REGION_EDGES[region] ?? null;
}

/**
 * The REST API origin for a region and edge: US1 without an explicit edge is `https://api.twilio.com`,
 * anything else `https://api.{edge}.{region}.twilio.com` (twilio-node `getHostname`).
 */
export function apiOrigin(region: string, edge: string | null): string {
  if (region === DEFAULT_REGION && !edge) return 'https://api.twilio.com';
  const chosenEdge = edge ?? defaultEdge(region) ?? region;
  return `https://api.${chosenEdge}.${region}.twilio.com`;
}

/** A region and edge as typed, cleaned (trimmed, lower case), or the field that is wrong and why. */
export type RegionCheck = { ok: true; region: string; edge: string | null } | { ok: false; field: 'region' | 'edge'; message: string };

/** Checks a region (known to Twilio; US1 when empty) and an edge name; the one check every shell and the core use. */
export function cleanRegion(region: string | undefined, edge: string | null | undefined): RegionCheck {
  const regionName = (region ?? DEFAULT_REGION).trim().toLowerCase() || DEFAULT_REGION;
  if (!(regionName in REGION_EDGES)) {
    return { ok: false, field: 'region', message: `"${region}" is not a Twilio region. Use one of: ${Object.keys(REGION_EDGES).join(', ')}.` };
  }
  const edgeName = edge?.trim().toLowerCase() || null;
  if (edgeName !== null && !/^[a-z][a-z0-9-]{1,30}$/.test(edgeName)) {
    return { ok: false, field: 'edge', message: `"${edge}" is not a Twilio edge name (for example "dublin" or "sydney").` };
  }
  return { ok: true, region: regionName, edge: edgeName };
}
