"""Bar charts as plain geometry for an inline SVG (no script, nothing from elsewhere): the
template draws the rectangles this module places. Values in, coordinates out."""

from __future__ import annotations

from dataclasses import dataclass

WIDTH = 600
HEIGHT = 180
TOP = 12
BOTTOM = 24  # room for the labels under the bars
LEFT = 34  # room for the scale
RIGHT = 24  # room for the newest bar's label
GAP = 0.25  # share of a bar's slot left empty


@dataclass(frozen=True)
class Bar:
    x: float
    width: float
    # one segment per series, bottom first: (y, height)
    segments: tuple[tuple[float, float], ...]
    label: str  # under the bar, or "" (every bar would be too many)
    total: int


@dataclass(frozen=True)
class Chart:
    bars: tuple[Bar, ...]
    top: int  # the value at the top of the scale
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    base: float = HEIGHT - BOTTOM
    scale_top: float = TOP


def nice_top(value: int) -> int:
    """The scale's top: at least 1, rounded up to 1, 2 or 5 times a power of ten."""
    if value <= 1:
        return 1
    magnitude = 1
    while True:
        for step in (1, 2, 5):
            if step * magnitude >= value:
                return step * magnitude
        magnitude *= 10


def bar_chart(stacks: list[tuple[int, ...]], labels: list[str], label_every: int = 1) -> Chart:
    """Bars of stacked values (one tuple per bar, bottom segment first)."""
    top = nice_top(max((sum(stack) for stack in stacks), default=0))
    base = HEIGHT - BOTTOM
    room = base - TOP
    slot = (WIDTH - LEFT - RIGHT) / max(len(stacks), 1)
    bars = []
    for index, stack in enumerate(stacks):
        y = base
        segments = []
        for value in stack:
            height = room * value / top
            y -= height
            segments.append((round(y, 1), round(height, 1)))
        # counted from the newest bar, which always has its label
        shown = (len(stacks) - 1 - index) % label_every == 0
        bars.append(
            Bar(
                x=round(LEFT + index * slot + slot * GAP / 2, 1),
                width=round(slot * (1 - GAP), 1),
                segments=tuple(segments),
                label=labels[index] if shown else "",
                total=sum(stack),
            )
        )
    return Chart(bars=tuple(bars), top=top)
