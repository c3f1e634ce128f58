/**
 * A small locator map for place cards: an orthographic globe turned to face the
 * country, with the country filled. Computed as SVG path strings from Natural
 * Earth data (world-atlas, 1:110m) in the background, on the first request for a
 * country, so neither the data nor d3-geo ever enters the content script.
 */
import { geoCentroid, geoGraticule10, geoOrthographic, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';

export type LocatorMap = { size: number; sphere: string; graticule: string; land: string; focus: string };

/** Side of the square map in px (the card is 340 px wide; the map sits beside the title). */
export const MAP_SIZE = 72;
/** Most a small country is zoomed in, relative to the whole globe. */
const ZOOM_MAX = 6;

let countries: Map<string, Feature<Geometry>> | null = null;
let landPaths: FeatureCollection<Geometry> | null = null;

function load() {
  if (countries && landPaths) return { countries, landPaths };
  const topo = world as unknown as Topology<{ countries: GeometryCollection }>;
  const fc = feature(topo, topo.objects.countries) as FeatureCollection<Geometry>;
  countries = new Map(fc.features.map((f) => [String(f.id).padStart(3, '0'), f]));
  landPaths = fc;
  return { countries, landPaths };
}

/** ISO 3166-1 numeric code (as world-atlas uses) → map, or null where the 1:110m data has no shape. */
export function locatorMap(numericCode: string): LocatorMap | null {
  const { countries: all, landPaths: land } = load();
  const target = all.get(numericCode.padStart(3, '0'));
  if (!target) return null;
  const [lon, lat] = geoCentroid(target);
  const r = MAP_SIZE / 2 - 1;
  const projection = geoOrthographic()
    .rotate([-lon, -lat])
    .translate([MAP_SIZE / 2, MAP_SIZE / 2])
    .clipAngle(90)
    .precision(0.5);
  // Zoom so the country is readable but its neighbours still show: a large country keeps the whole
  // globe, a small one zooms in up to 6×, so the map always says where on Earth the place is.
  projection.fitSize([MAP_SIZE, MAP_SIZE], target);
  const zoom = Math.min(r * ZOOM_MAX, Math.max(r, projection.scale() * 0.35));
  projection.scale(zoom).translate([MAP_SIZE / 2, MAP_SIZE / 2]);
  const path = geoPath(projection);
  const round = (d: string | null) => (d ?? '').replace(/(\d+\.\d)\d+/g, '$1');
  return {
    size: MAP_SIZE,
    // Zoomed in, the sphere outline is larger than the map: draw the map's circle instead.
    sphere: zoom > r ? `M${MAP_SIZE / 2},1A${r},${r} 0 1,1 ${MAP_SIZE / 2 - 0.01},1Z` : round(path({ type: 'Sphere' })),
    graticule: round(path(geoGraticule10())),
    land: round(path(land)),
    focus: round(path(target)),
  };
}
