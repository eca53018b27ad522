"""Draw an exercise illustration (stick figure poses and props) as an inline SVG string."""

from __future__ import annotations

from collections.abc import Iterable
from xml.sax.saxutils import escape, quoteattr

from stridewell.programme.figure import HEAD_R, Illustration, Point, Pose, Prop, solve

__all__ = ["illustration_svg"]

INK, FAR, ACCENT, PROP, FLOOR = "#1f2d3d", "#9aa5b1", "#d9480f", "#5c7cfa", "#adb5bd"
STROKE = 0.032
GAP = 0.28
MARGIN = 0.08

_LIMBS = {
    "thigh": ("hip", "knee"), "shank": ("knee", "ankle"), "foot": ("heel", "toe"),
    "heel": ("ankle", "heel"), "upper_arm": ("shoulder", "elbow"), "forearm": ("elbow", "hand"),
}


def _line(a: Point, b: Point, color: str, width: float = STROKE) -> str:
    return (f'<line x1="{a[0]:.3f}" y1="{-a[1]:.3f}" x2="{b[0]:.3f}" y2="{-b[1]:.3f}" '
            f'stroke="{color}" stroke-width="{width:.3f}" stroke-linecap="round"/>')


def _circle(c: Point, r: float, fill: str, stroke: str = "none") -> str:
    return (f'<circle cx="{c[0]:.3f}" cy="{-c[1]:.3f}" r="{r:.3f}" fill="{fill}" '
            f'stroke="{stroke}" stroke-width="{STROKE / 2:.3f}"/>')


def _rect(x: float, y: float, w: float, h: float, fill: str) -> str:
    return (f'<rect x="{x:.3f}" y="{-(y + h):.3f}" width="{w:.3f}" height="{h:.3f}" '
            f'fill="{fill}" stroke="{INK}" stroke-width="{STROKE / 3:.3f}" rx="0.01"/>')


def _color(segment: str, side: str, highlight: Iterable[str]) -> str:
    if f"{segment}_{side}" in highlight or (side == "" and segment in highlight):
        return ACCENT
    return INK if side in ("l", "") else FAR


def _limbs(pts: dict[str, Point], side: str, highlight: tuple[str, ...]) -> list[str]:
    out = []
    for seg, (a, b) in _LIMBS.items():
        out.append(_line(pts[f"{a}_{side}"], pts[f"{b}_{side}"], _color(seg, side, highlight)))
    return out


def _prop(prop: Prop, pts: dict[str, Point]) -> list[str]:
    at = (pts[prop.at][0] + prop.dx, pts[prop.at][1])
    kind = prop.kind
    if kind == "box":
        width = prop.size or 0.3
        cx = at[0]
        if prop.at.startswith("heel_"):
            cx = (at[0] + pts["toe_" + prop.at[-1]][0]) / 2 + prop.dx
        top = at[1] - (0.0 if prop.at.startswith(("heel", "toe")) else 0.035)
        top = prop.height or top
        return [_rect(cx - width / 2, 0.0, width, max(top, 0.02), "#e9ecef")]
    if kind == "wedge":
        toe = pts["toe_" + prop.at[-1]]
        path = (f"M{at[0]:.3f},{-at[1]:.3f} L{toe[0]:.3f},{-toe[1]:.3f} "
                f"L{toe[0]:.3f},0 L{at[0]:.3f},0 Z")
        return [f'<path d="{path}" fill="#e9ecef" stroke="{INK}" stroke-width="0.01"/>']
    if kind == "wall":
        x = at[0] + (prop.size or 0.0)
        return [_line((x, 0.0), (x, 1.0), FLOOR, 0.03)]
    if kind == "dumbbell":
        left, right = (at[0] - 0.05, at[1]), (at[0] + 0.05, at[1])
        return [_line(left, right, INK, 0.02), _circle(left, 0.03, INK), _circle(right, 0.03, INK)]
    if kind in ("band", "strap"):
        to = pts[prop.to] if prop.to else (at[0] + (prop.size or 0.4), at[1])
        color = ACCENT if kind == "band" else "#8d6e63"
        return [f'<line x1="{at[0]:.3f}" y1="{-at[1]:.3f}" x2="{to[0]:.3f}" y2="{-to[1]:.3f}" '
                f'stroke="{color}" stroke-width="0.014" stroke-dasharray="0.03 0.015"/>']
    if kind == "ball":
        return [_circle(at, prop.size or 0.06, "#ffe066", INK)]
    if kind == "roller":
        r = prop.size or 0.05
        return [_circle((at[0], r), r, "#ffe066", INK)]
    if kind == "bike":
        return [_rect(at[0] - 0.04, 0.0, 0.08, max(at[1] - 0.03, 0.05), "#e9ecef"),
                _circle((at[0] + 0.35, 0.18), 0.16, "none", INK)]
    half = (prop.size or 0.9) / 2
    return [_line((at[0] - half, 0.008), (at[0] + half, 0.008), PROP, 0.016)]  # mat


def _pose_svg(pose: Pose, pts: dict[str, Point], ill: Illustration) -> list[str]:
    hl = ill.highlight
    parts: list[str] = []
    for prop in pose.props:
        if prop.kind in ("box", "wedge", "wall", "mat", "roller", "bike"):
            parts += _prop(prop, pts)
    parts += _limbs(pts, "r", hl)
    trunk = _color("trunk", "", hl)
    parts.append(_line(pts["pelvis"], pts["neck"], trunk, STROKE * 1.3))
    if ill.view == "front":
        parts.append(_line(pts["hip_l"], pts["hip_r"], trunk))
        parts.append(_line(pts["shoulder_l"], pts["shoulder_r"], trunk))
    parts.append(_circle(pts["head"], HEAD_R, INK))
    parts += _limbs(pts, "l", hl)
    for prop in pose.props:
        if prop.kind in ("dumbbell", "band", "strap", "ball"):
            parts += _prop(prop, pts)
    return parts


def _bounds(pts: dict[str, Point]) -> tuple[float, float, float, float]:
    xs = [p[0] for p in pts.values()]
    ys = [p[1] for p in pts.values()]
    return min(xs) - HEAD_R, max(xs) + HEAD_R, 0.0, max(ys) + HEAD_R


def _prop_span(prop: Prop, pts: dict[str, Point]) -> tuple[float, float]:
    x = pts[prop.at][0] + prop.dx
    if prop.kind == "box":
        if prop.at.startswith("heel_"):
            x = (pts[prop.at][0] + pts["toe_" + prop.at[-1]][0]) / 2 + prop.dx
        half = (prop.size or 0.3) / 2
        return x - half, x + half
    if prop.kind == "wall":
        return x + prop.size - 0.03, x + prop.size + 0.03
    if prop.kind == "bike":
        return x - 0.05, x + 0.52
    if prop.kind == "mat":
        return x - (prop.size or 0.9) / 2, x + (prop.size or 0.9) / 2
    if prop.kind in ("band", "strap") and not prop.to:
        return min(x, x + (prop.size or 0.4)), max(x, x + (prop.size or 0.4))
    return x, x


def _arrow(x: float, y: float) -> str:
    return (f'<path d="M{x - 0.07:.3f},{-y:.3f} L{x + 0.05:.3f},{-y:.3f} '
            f'M{x + 0.01:.3f},{-y - 0.04:.3f} L{x + 0.06:.3f},{-y:.3f} L{x + 0.01:.3f},'
            f'{-y + 0.04:.3f}" stroke="{FLOOR}" stroke-width="0.02" fill="none" '
            'stroke-linecap="round" stroke-linejoin="round"/>')


def illustration_svg(ill: Illustration, height_px: int = 150, title: str = "") -> str:
    """Return an SVG drawing of the illustration's poses side by side, left to right."""
    panels: list[str] = []
    x_cursor = 0.0
    top = 0.6
    solved = [(pose, solve(pose, ill.view)) for pose in ill.poses]
    for i, (pose, pts) in enumerate(solved):
        x0, x1, _, y1 = _bounds(pts)
        for prop in pose.props:
            px0, px1 = _prop_span(prop, pts)
            x0, x1 = min(x0, px0), max(x1, px1)
        top = max(top, y1)
        if i:
            _, prev_y1 = 0.0, top / 2
            panels.append(_arrow(x_cursor - GAP / 2, prev_y1))
        dx = x_cursor - x0
        body = "".join(_pose_svg(pose, pts, ill))
        panels.append(f'<g transform="translate({dx:.3f},0)">{body}</g>')
        panels.append(_line((x_cursor - 0.04, 0.0), (x_cursor + x1 - x0 + 0.04, 0.0), FLOOR, 0.012))
        x_cursor += (x1 - x0) + GAP
    width = x_cursor - GAP + 2 * MARGIN
    height = top + 2 * MARGIN
    view_box = f"{-MARGIN:.3f} {-(top + MARGIN):.3f} {width:.3f} {height:.3f}"
    px_w = round(height_px * width / height)
    label = f"<title>{escape(title)}</title>" if title else ""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{view_box}" '
            f'width="{px_w}" height="{height_px}" role="img" aria-label={quoteattr(title)}>'
            f"{label}{''.join(panels)}</svg>")
