"""Build the offline world map of the web app from Natural Earth 1:110m admin-0 countries (public domain).

    python scripts/build_world_map.py ne_110m_admin_0_countries.geojson

Writes src/communique/web/static/world-110m.svg (the outlines, equirectangular, simplified) and
src/communique/data/map/world-110m.json (per ISO 3166 alpha-2 code: the name and the point where the map
puts a country's events, in the SVG's coordinates). Provenance: data-sources/map/SOURCES.md.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SVG_OUT = ROOT / "src/communique/web/static/world-110m.svg"
POINTS_OUT = ROOT / "src/communique/data/map/world-110m.json"
WIDTH = 1000.0  # px for 360 degrees of longitude
TOP, BOTTOM = 84.0, -58.0  # latitudes kept (Antarctica is dropped: no diplomacy is coded there)
TOLERANCE = 0.35  # px: Douglas-Peucker tolerance
# Natural Earth gives ISO_A2 -99 to a few countries whose ISO code is disputed or absent at this scale.
A2_BY_A3 = {"FRA": "FR", "NOR": "NO", "KOS": "XK"}  # N. Cyprus, Somaliland: no code of their own

Point = tuple[float, float]


def project(lon: float, lat: float) -> Point:
    scale = WIDTH / 360.0
    return (lon + 180.0) * scale, (TOP - lat) * scale


def height() -> float:
    return (TOP - BOTTOM) * WIDTH / 360.0


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker on one ring (iterative, keeps the first and last point)."""
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        far, index = 0.0, -1
        for i in range(first + 1, last):
            x, y = points[i]
            # a closed ring starts and ends on one point: then the distance to that point
            d = abs(dy * x - dx * y + x2 * y1 - y2 * x1) / norm if norm else ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
            if d > far:
                far, index = d, i
        if far > tolerance and index > 0:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def ring_path(ring: list[list[float]]) -> tuple[str, float, Point]:
    """The ring as SVG path data (relative moves, 1 decimal), its area and centroid in map pixels."""
    points = simplify([project(lon, max(BOTTOM, min(TOP, lat))) for lon, lat in ring], TOLERANCE)
    area, cx, cy = 0.0, 0.0, 0.0
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    centroid = (cx / (3 * area), cy / (3 * area)) if abs(area) > 1e-9 else points[0]
    if len(points) < 3:
        return "", 0.0, centroid
    rounded = [(round(x, 1), round(y, 1)) for x, y in points]
    parts = [f"M{rounded[0][0]:g} {rounded[0][1]:g}"]
    for (x0, y0), (x, y) in zip(rounded, rounded[1:], strict=False):
        parts.append(f"l{round(x - x0, 1):g} {round(y - y0, 1):g}")
    return "".join(parts) + "z", abs(area) / 2, centroid


def country(feature: dict[str, Any]) -> tuple[str, str, str, Point] | None:
    props = feature["properties"]
    code = props.get("ISO_A2")
    if not code or code == "-99":
        code = A2_BY_A3.get(props.get("ADM0_A3") or "")
    if not code or code == "AQ":
        return None
    geometry = feature["geometry"]
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    paths, best_area, label = [], -1.0, (0.0, 0.0)
    for polygon in polygons:
        for n, ring in enumerate(polygon):
            path, area, centroid = ring_path(ring)
            if path:
                paths.append(path)
            if n == 0 and area > best_area:  # events sit on the country's largest landmass
                best_area, label = area, centroid
    return code, str(props.get("NAME") or code), "".join(paths), label


def main(source: str) -> None:
    features = json.loads(Path(source).read_text(encoding="utf-8"))["features"]
    countries = sorted(filter(None, (country(f) for f in features)))
    w, h = WIDTH, round(height(), 1)
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w:g} {h:g}" width="{w:g}" height="{h:g}">',
           "<!-- Natural Earth 1:110m admin-0 countries (public domain), simplified: "
           "data-sources/map/SOURCES.md -->",
           '<g fill="#e4e8ec" stroke="#aab4bf" stroke-width="0.5">']
    svg += [f'<path id="{code}" d="{path}"><title>{name}</title></path>' for code, name, path, _ in countries]
    svg += ["</g></svg>", ""]
    SVG_OUT.write_text("\n".join(svg), encoding="utf-8")
    points = {"source": "Natural Earth 1:110m admin-0 countries (public domain); data-sources/map/SOURCES.md",
              "width": w, "height": h, "top": TOP, "bottom": BOTTOM,
              "countries": {code: {"name": name, "x": round(x, 1), "y": round(y, 1)}
                            for code, name, _, (x, y) in countries}}
    POINTS_OUT.write_text(json.dumps(points, ensure_ascii=False, sort_keys=True, indent=0) + "\n", encoding="utf-8")
    print(f"{SVG_OUT.relative_to(ROOT)}: {SVG_OUT.stat().st_size:,} bytes, {len(countries)} countries; "
          f"{POINTS_OUT.relative_to(ROOT)}: {POINTS_OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python scripts/build_world_map.py ne_110m_admin_0_countries.geojson")
    main(sys.argv[1])
