"""Charts as SVG made on the server: no script, no library, no request of their own."""

from __future__ import annotations

from html import escape


def bars(points: list[tuple[str, int]], title: str, width: int = 320, height: int = 180) -> str:
    """A bar chart of (label, value); scales to its box (viewBox), so it fits a phone's column."""
    top = max((v for _, v in points), default=0) or 1
    n = max(len(points), 1)
    pad_bottom, pad_top = 22, 8
    room = height - pad_bottom - pad_top
    step = width / n
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}" '
        'xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
        f'<line x1="0" y1="{height - pad_bottom}" x2="{width}" y2="{height - pad_bottom}" stroke="#888"/>',
    ]
    every = max(1, n // 8)
    for i, (label, value) in enumerate(points):
        h = max(0, round(room * value / top, 1))
        x = round(i * step + step * 0.15, 1)
        w = round(step * 0.7, 1)
        y = round(height - pad_bottom - h, 1)
        parts.append(
            f'<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="#b3202a">'
            f"<title>{escape(label)}: {value:,}</title></rect>".replace(",", ".")
        )
        if i % every == 0:
            parts.append(
                f'<text x="{round(x + w / 2, 1)}" y="{height - 6}" font-size="10" text-anchor="middle" '
                f'fill="#333">{escape(label)}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)
