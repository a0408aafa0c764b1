"""Server-drawn SVG charts of the workbench (no script needed to see them; every bar is a link).

    chart = pulse_chart(result, link=lambda month, quad: "/pulse/events?…")
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from communique.serving.pulse import Pulse, QuadClass, quad_classes

COLORS = {"verbal_cooperation": "#7fb2e5", "material_cooperation": "#1f5fa8", "verbal_conflict": "#f2a36b",
          "material_conflict": "#c0392b"}
WIDTH, HEIGHT = 960, 380
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 14, 110  # margins; the net strip and month labels sit in BOTTOM
STRIP = 34  # px: the net index strip under the bars
MAX_MONTHS = 240  # a longer span shows the months that have events only


@dataclass(slots=True)
class Bar:
    month: str
    quad: str
    label: str
    count: int
    x: float
    y: float
    width: float
    height: float
    color: str
    href: str


@dataclass(slots=True)
class PulseChart:
    width: int = WIDTH
    height: int = HEIGHT
    axis_y: float = 0.0
    net_zero_y: float = 0.0
    tick_y: float = 0.0
    bars: list[Bar] = field(default_factory=list)
    net_points: list[dict[str, Any]] = field(default_factory=list)  # x, y, net, net_share, month, href
    net_path: str = ""
    ticks: list[dict[str, Any]] = field(default_factory=list)  # month labels: x, text
    scale: list[dict[str, Any]] = field(default_factory=list)  # y axis: y, text
    legend: list[dict[str, str]] = field(default_factory=list)
    months: int = 0


def month_span(months: list[str]) -> list[str]:
    """Every month from the first to the last (gaps as empty slots) unless that is more than MAX_MONTHS."""
    if not months:
        return []
    (y0, m0), (y1, m1) = (tuple(map(int, months[0].split("-"))), tuple(map(int, months[-1].split("-"))))
    span = (y1 - y0) * 12 + (m1 - m0)
    if span >= MAX_MONTHS:
        return months
    out, year, month = [], y0, m0
    for _ in range(span + 1):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def pulse_chart(result: Pulse, link: Callable[[str, str | None], str]) -> PulseChart:
    """Cooperation stacked above the axis, conflict below; the net index as a line in the strip underneath."""
    classes = quad_classes()
    by_month = {m.month: m for m in result.months}
    slots = month_span([m.month for m in result.months])
    chart = PulseChart(months=len(slots), legend=[{"name": c.label, "color": COLORS[c.name]} for c in classes])
    if not slots:
        return chart
    plot_h = HEIGHT - TOP - BOTTOM
    up = max([_side(m.counts, classes, "cooperation") for m in result.months] + [1])
    down = max([_side(m.counts, classes, "conflict") for m in result.months] + [1])
    unit = plot_h / (up + down)
    chart.axis_y = round(TOP + up * unit, 1)
    step = (WIDTH - LEFT - RIGHT) / len(slots)
    bar_w = max(1.0, step * 0.8)
    for i, month in enumerate(slots):
        x = LEFT + i * step + (step - bar_w) / 2
        row = by_month.get(month)
        if row is None:
            continue
        above = below = chart.axis_y
        for c in classes:
            n = row.counts.get(c.name, 0)
            if not n:
                continue
            h = n * unit
            if c.side == "cooperation":
                above -= h
                y = above
            else:
                y = below
                below += h
            chart.bars.append(Bar(month, c.name, c.label, n, round(x, 1), round(y, 1), round(bar_w, 1),
                                  round(max(h, 0.5), 1), COLORS[c.name], link(month, c.name)))
    strip_top, strip_h = HEIGHT - BOTTOM + 8, STRIP
    chart.net_zero_y = strip_top + strip_h / 2
    chart.tick_y = strip_top + strip_h + 14
    points = []
    for i, month in enumerate(slots):
        row = by_month.get(month)
        if row is None:
            continue
        x = LEFT + i * step + step / 2
        y = strip_top + strip_h / 2 - row.net_share * strip_h / 2
        points.append({"x": round(x, 1), "y": round(y, 1), "net": row.net, "net_share": row.net_share,
                       "month": month, "href": link(month, None)})
    chart.net_points = points
    chart.net_path = "".join(("M" if j == 0 else "L") + f"{p['x']} {p['y']}" for j, p in enumerate(points))
    every = max(1, len(slots) // 12)
    chart.ticks = [{"x": round(LEFT + i * step + step / 2, 1), "text": m}
                   for i, m in enumerate(slots) if i % every == 0]
    chart.scale = [{"y": round(TOP, 1), "text": str(up)}, {"y": chart.axis_y, "text": "0"},
                   {"y": round(TOP + plot_h, 1), "text": str(down)}]
    return chart


def _side(counts: dict[str, int], classes: tuple[QuadClass, ...], side: str) -> int:
    return sum(counts.get(c.name, 0) for c in classes if c.side == side)
