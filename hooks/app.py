"""The hosted site as an app: installable, and working offline after the first visit (listed under ``hooks:``).

After a hosted build (``mkdocs build``, which ``make build``, the tests and the
benchmark all run), this writes into the site:

* ``manifest.webmanifest``: the site's name and description, colors from the
  palette (Material's primary color of ``theme.palette``, and its default page
  color), and icons;
* ``app/icon.svg``, ``app/icon-192.png``, ``app/icon-512.png``: the site's logo
  (``theme.icon.logo``, from Material's icon set) in white on the primary color,
  drawn inside the central circle a "maskable" icon keeps, so one picture serves
  as the plain and the maskable icon. The PNGs are drawn here in pure Python
  (:func:`rasterize`, :func:`png`), so the build needs no image library and no browser;
* ``sw.js``, the service worker: ``hooks/sw.js`` with the precache list of this
  build filled in by Workbox's ``injectManifest`` (``hooks/sw-build.cjs``, run with
  Node from ``node_modules``), and Workbox's runtime in ``app/workbox/``.

The pages link the manifest (``overrides/main.html``, when ``config.extra.guide_app``
is set here), and ``site.js`` registers the worker after the page has loaded on
pages that link it. ``mkdocs serve`` gets none of this (a worker would answer
live reloads with cached pages), nor does the offline edition (no service worker
runs from ``file://``). ``extra.service_worker: retire`` (``SERVICE_WORKER=retire``)
builds ``hooks/sw-retire.js`` as ``sw.js`` and links no manifest: the way to take
the worker out of readers' browsers (README).
"""

from __future__ import annotations

import fnmatch
import hashlib
import itertools
import json
import logging
import math
import re
import shutil
import struct
import subprocess
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import rjsmin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.app")

HERE = Path(__file__).resolve().parent
MATERIAL = Path(str(__import__("material").__file__)).parent / "templates"
MANIFEST = "manifest.webmanifest"
WORKER = "sw.js"
APP_DIR = "app"
WORKBOX_DIR = f"{APP_DIR}/workbox"
ICON_SIZES = (192, 512)
# Workbox's runtime the worker imports (workbox-sw loads the others on first use), prebuilt in each package.
WORKBOX_FILES = {
    "workbox-sw": "workbox-sw.js",
    "workbox-core": "workbox-core.prod.js",
    "workbox-precaching": "workbox-precaching.prod.js",
    "workbox-routing": "workbox-routing.prod.js",
    "workbox-strategies": "workbox-strategies.prod.js",
}
# Not precached: the worker itself and its runtime (the browser keeps those), source maps, gzip copies,
# and Material's search support for languages other than the site's (loaded only for those; the worker
# caches them on first use if they ever are).
# The code runner's editor and Python runtime (hooks/code_runner.py) are not precached: a
# reader who never opens an editor never downloads them. They are cached when first used.
CODE_RUNNER_FILES = ["javascripts/vendor/pyodide/**", "javascripts/vendor/codemirror/**", "javascripts/code-runner*"]
REVISIONS_PLACEHOLDER = "self.__FIRST_USE_REVISIONS"
PRECACHE_IGNORE = [WORKER, f"{WORKBOX_DIR}/**", "**/*.map", "**/*.gz", "assets/javascripts/lunr/**", *CODE_RUNNER_FILES]
MODES = ("precache", "retire")

_command = "build"


def _offline(config: MkDocsConfig) -> bool:
    from material.plugins.offline.plugin import OfflinePlugin

    return any(isinstance(p, OfflinePlugin) and p.config.enabled for p in config.plugins.values())


def mode(config: MkDocsConfig) -> str | None:
    """ "precache", "retire", or None where no worker belongs (``mkdocs serve``, the offline edition)."""
    chosen = config.extra.get("service_worker", "precache")
    if chosen not in MODES:
        raise PluginError(f"mkdocs.yml: extra.service_worker must be one of {', '.join(MODES)}, not {chosen!r}")
    if _command == "serve" or _offline(config):
        return None
    return str(chosen)


def on_startup(command: str, **kwargs: Any) -> None:
    global _command
    _command = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if mode(config) == "precache":
        config.extra["guide_app"] = {"manifest": MANIFEST}
    return config


# --------------------------------------------------------------------------- colors and icons


def material_color(css: str, selector: str, variable: str) -> str:
    """The value Material's CSS gives ``variable`` in the first rule for ``selector``."""
    for body in re.findall(re.escape(selector) + r"\{([^}]*)\}", css):
        match = re.search(re.escape(variable) + r":\s*([^;}]+)", body)
        if match:
            return match.group(1).strip()
    raise PluginError(f"hooks/app.py: Material's CSS no longer sets {variable} in {selector}")


def palette_colors(config: MkDocsConfig) -> tuple[str, str]:
    """(theme color, background color): the palette's primary color and Material's default page color."""
    stylesheets = MATERIAL / "assets" / "stylesheets"
    palette = config.theme.get("palette") or []
    palette = palette if isinstance(palette, list) else [palette]
    primary = next((p["primary"] for p in palette if isinstance(p, dict) and p.get("primary")), "indigo")
    palette_css = next(stylesheets.glob("palette.*.min.css")).read_text(encoding="utf-8")
    main_css = next(stylesheets.glob("main.*.min.css")).read_text(encoding="utf-8")
    theme = material_color(palette_css, f"[data-md-color-primary={primary}]", "--md-primary-fg-color")
    background = material_color(main_css, "[data-md-color-scheme=default]", "--md-default-bg-color")
    return theme, background


def logo_path(config: MkDocsConfig) -> str:
    """The ``d`` of the logo's path, from Material's icon set (``theme.icon.logo``, e.g. material/briefcase-account)."""
    name = (config.theme.get("icon") or {}).get("logo") or "material/library"
    svg = MATERIAL / ".icons" / f"{name}.svg"
    paths: list[str] = re.findall(r'<path d="([^"]+)"', svg.read_text(encoding="utf-8"))
    if len(paths) != 1 or 'viewBox="0 0 24 24"' not in svg.read_text(encoding="utf-8"):
        raise PluginError(f"hooks/app.py: {svg.name} is not a single path on a 24 x 24 grid")
    return paths[0]


# The glyph fills this share of the icon's width: the circle of radius 40 % that a maskable icon keeps holds it.
GLYPH_SHARE = 0.54


def _color(text: str) -> tuple[int, int, int]:
    match = re.fullmatch(r"#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})", text)
    if not match:
        raise PluginError(f"hooks/app.py: expected a #rgb color, got {text!r}")
    digits = match.group(1)
    digits = "".join(c * 2 for c in digits) if len(digits) == 3 else digits
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_TOKEN = re.compile(r"[MmLlHhVvCcSsQqTtAaZz]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_ARGS = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "S": 4, "Q": 4, "T": 2, "A": 7, "Z": 0}


def _arc_flags(tokens: list[str], i: int) -> tuple[list[float], int]:
    """An arc's seven arguments; its two flags may be written without separators ("a2 2 0 0 1 ...", "a2 2 0 011 2")."""
    args: list[float] = []
    while len(args) < 7:
        tok = tokens[i]
        if len(args) in (3, 4) and len(tok) > 1 and tok[0] in "01" and not tok.startswith(("0.", "1.")):
            args.append(float(tok[0]))
            tokens[i] = tok[1:]
            continue
        args.append(float(tok))
        i += 1
    return args, i


def flatten(d: str, steps: int = 24) -> list[list[tuple[float, float]]]:
    """The outlines of an SVG path as polygons (curves and arcs cut into ``steps`` straight pieces)."""
    tokens = _TOKEN.findall(d)
    polys: list[list[tuple[float, float]]] = []
    poly: list[tuple[float, float]] = []
    x = y = sx = sy = 0.0
    last_ctrl: tuple[float, float] | None = None
    cmd = ""
    i = 0
    while i < len(tokens):
        if tokens[i].isalpha():
            cmd = tokens[i]
            i += 1
            if cmd in "Zz":
                if poly:
                    polys.append(poly)
                poly, x, y, last_ctrl = [], sx, sy, None
                continue
        upper, rel = cmd.upper(), cmd.islower()
        if upper == "A":
            a, i = _arc_flags(tokens, i)
        else:
            a = [float(t) for t in tokens[i : i + _ARGS[upper]]]
            i += _ARGS[upper]
        ox, oy = (x, y) if rel else (0.0, 0.0)
        if upper == "M":
            if poly:
                polys.append(poly)
            x, y = ox + a[0], oy + a[1]
            sx, sy, poly = x, y, [(x, y)]
            cmd = "l" if rel else "L"  # further pairs are lines
            last_ctrl = None
        elif upper in "LHV":
            if upper == "L":
                x, y = ox + a[0], oy + a[1]
            elif upper == "H":
                x = ox + a[0] if rel else a[0]
            else:
                y = oy + a[0] if rel else a[0]
            poly.append((x, y))
            last_ctrl = None
        elif upper in "CS":
            if upper == "C":
                c1 = (ox + a[0], oy + a[1])
                c2, end = (ox + a[2], oy + a[3]), (ox + a[4], oy + a[5])
            else:
                c1 = (2 * x - last_ctrl[0], 2 * y - last_ctrl[1]) if last_ctrl else (x, y)
                c2, end = (ox + a[0], oy + a[1]), (ox + a[2], oy + a[3])
            p0 = (x, y)
            for k in range(1, steps + 1):
                t = k / steps
                u = 1 - t
                poly.append(
                    (
                        u**3 * p0[0] + 3 * u * u * t * c1[0] + 3 * u * t * t * c2[0] + t**3 * end[0],
                        u**3 * p0[1] + 3 * u * u * t * c1[1] + 3 * u * t * t * c2[1] + t**3 * end[1],
                    )
                )
            x, y = end
            last_ctrl = c2
        elif upper in "QT":
            if upper == "Q":
                c, end = (ox + a[0], oy + a[1]), (ox + a[2], oy + a[3])
            else:
                c = (2 * x - last_ctrl[0], 2 * y - last_ctrl[1]) if last_ctrl else (x, y)
                end = (ox + a[0], oy + a[1])
            p0 = (x, y)
            for k in range(1, steps + 1):
                t = k / steps
                u = 1 - t
                poly.append(
                    (
                        u * u * p0[0] + 2 * u * t * c[0] + t * t * end[0],
                        u * u * p0[1] + 2 * u * t * c[1] + t * t * end[1],
                    )
                )
            x, y = end
            last_ctrl = c
        else:  # A: rx ry rotation large-arc sweep x y
            end = (ox + a[5], oy + a[6])
            poly.extend(_arc((x, y), a[0], a[1], a[2], bool(a[3]), bool(a[4]), end, steps))
            x, y = end
            last_ctrl = None
    if poly:
        polys.append(poly)
    return polys


def _arc(
    p0: tuple[float, float],
    rx: float,
    ry: float,
    rotation: float,
    large: bool,
    sweep: bool,
    p1: tuple[float, float],
    steps: int,
) -> list[tuple[float, float]]:
    """Points along an SVG arc (the SVG spec's endpoint-to-center conversion, appendix B.2.4)."""
    if p0 == p1:
        return []
    if rx == 0 or ry == 0:
        return [p1]
    rx, ry = abs(rx), abs(ry)
    phi = math.radians(rotation)
    cos, sin = math.cos(phi), math.sin(phi)
    dx, dy = (p0[0] - p1[0]) / 2, (p0[1] - p1[1]) / 2
    x1, y1 = cos * dx + sin * dy, -sin * dx + cos * dy
    scale = x1 * x1 / (rx * rx) + y1 * y1 / (ry * ry)
    if scale > 1:
        rx, ry = rx * math.sqrt(scale), ry * math.sqrt(scale)
    num = rx * rx * ry * ry - rx * rx * y1 * y1 - ry * ry * x1 * x1
    den = rx * rx * y1 * y1 + ry * ry * x1 * x1
    root = math.sqrt(max(0.0, num / den)) * (-1 if large == sweep else 1)
    cx1, cy1 = root * rx * y1 / ry, -root * ry * x1 / rx
    cx = cos * cx1 - sin * cy1 + (p0[0] + p1[0]) / 2
    cy = sin * cx1 + cos * cy1 + (p0[1] + p1[1]) / 2
    start = math.atan2((y1 - cy1) / ry, (x1 - cx1) / rx)
    delta = math.atan2((-y1 - cy1) / ry, (-x1 - cx1) / rx) - start
    if sweep and delta < 0:
        delta += 2 * math.pi
    elif not sweep and delta > 0:
        delta -= 2 * math.pi
    points = []
    for k in range(1, steps + 1):
        t = start + delta * k / steps
        ex, ey = rx * math.cos(t), ry * math.sin(t)
        points.append((cos * ex - sin * ey + cx, sin * ex + cos * ey + cy))
    points[-1] = p1
    return points


def rasterize(polys: list[list[tuple[float, float]]], size: int, samples: int = 5) -> list[list[float]]:
    """Coverage (0 to 1) of each pixel of a ``size`` x ``size`` image by the polygons, nonzero rule.

    Each pixel row is sampled on ``samples`` lines; along a line, coverage is exact.
    """
    # Each edge filed under the pixel rows it spans, so a sample line tests only the edges near it.
    by_row: list[list[tuple[float, float, float, float, int]]] = [[] for _ in range(size)]
    for poly in polys:
        for (x0, y0), (x1, y1) in zip(poly, poly[1:] + poly[:1], strict=True):
            if y0 != y1:
                edge = (x0, y0, x1, y1, 1 if y1 > y0 else -1)
                for row in range(max(0, math.floor(min(y0, y1))), min(size, math.floor(max(y0, y1)) + 1)):
                    by_row[row].append(edge)
    rows = [[0.0] * size for _ in range(size)]
    weight = 1 / samples
    for py in range(size):
        cover = rows[py]
        full = [0.0] * (size + 1)
        for s in range(samples):
            y = py + (s + 0.5) * weight
            crossings = []
            for x0, y0, x1, y1, wind in by_row[py]:
                if (y0 <= y < y1) or (y1 <= y < y0):
                    crossings.append((x0 + (y - y0) * (x1 - x0) / (y1 - y0), wind))
            crossings.sort()
            winding = 0
            for (xa, wa), (xb, _) in itertools.pairwise(crossings):
                winding += wa
                if winding == 0 or xb <= xa:
                    continue
                xa, xb = max(0.0, xa), min(float(size), xb)
                if xb <= xa:
                    continue
                ia, ib = int(xa), int(xb)
                if ia == ib:
                    cover[ia] += (xb - xa) * weight
                    continue
                cover[ia] += (ia + 1 - xa) * weight
                full[ia + 1] += weight
                full[ib] -= weight
                if ib < size:
                    cover[ib] += (xb - ib) * weight
        run = 0.0
        for px in range(size):
            run += full[px]
            cover[px] = min(1.0, cover[px] + run)
    return rows


def glyph_transform(size: float) -> tuple[float, float, float]:
    """(scale, dx, dy) placing a 24 x 24 icon's drawing centered, :data:`GLYPH_SHARE` of ``size`` wide."""
    scale = GLYPH_SHARE * size / 20  # Material's icons leave a 2-unit margin: the drawing is 20 units wide
    offset = size / 2 - 12 * scale
    return scale, offset, offset


def icon_png(d: str, size: int, background: tuple[int, int, int], ink: tuple[int, int, int]) -> bytes:
    scale, dx, dy = glyph_transform(size)
    polys = [[(x * scale + dx, y * scale + dy) for x, y in poly] for poly in flatten(d)]
    shades = [
        bytes(round(b + (i - b) * level / 255) for b, i in zip(background, ink, strict=True)) for level in range(256)
    ]
    rows = [
        b"\x00" + b"".join(shades[round(c * 255)] for c in line) for line in rasterize(polys, size)
    ]  # filter type 0
    return png(size, size, b"".join(rows))


def png(width: int, height: int, raw_rgb_rows: bytes) -> bytes:
    """A PNG file of 8-bit RGB rows, each already prefixed with its filter byte."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw_rgb_rows, 9))
        + chunk(b"IEND", b"")
    )


def icon_svg(d: str, background: str, ink: str, size: int = 512) -> str:
    scale, dx, dy = glyph_transform(size)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}">'
        f'<rect width="{size}" height="{size}" fill="{background}"/>'
        f'<path transform="translate({dx:g} {dy:g}) scale({scale:g})" fill="{ink}" d="{d}"/></svg>\n'
    )


def manifest(config: MkDocsConfig, theme: str, background: str) -> dict[str, Any]:
    icons: list[dict[str, str]] = [
        {"src": f"{APP_DIR}/icon.svg", "sizes": "any", "type": "image/svg+xml", "purpose": "any"}
    ]
    for size in ICON_SIZES:
        for purpose in ("any", "maskable"):
            icons.append(
                {
                    "src": f"{APP_DIR}/icon-{size}.png",
                    "sizes": f"{size}x{size}",
                    "type": "image/png",
                    "purpose": purpose,
                }
            )
    return {
        "id": "./",
        "name": config.site_name,
        "short_name": config.site_name,
        "description": config.site_description or "",
        "lang": (config.theme.get("language") or "en"),
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "theme_color": theme,
        "background_color": background,
        "icons": icons,
    }


# --------------------------------------------------------------------------- the service worker


def node_modules(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent / "node_modules"


def write_worker(site: Path, modules: Path) -> dict[str, Any]:
    """Workbox's runtime into ``app/workbox/``, then ``sw.js`` with the precache list; Workbox's summary."""
    node = shutil.which("node")
    if node is None or not (modules / "workbox-build" / "package.json").is_file():
        raise PluginError("The service worker needs Node.js and workbox-build in node_modules: run `npm ci` first.")
    target = site / WORKBOX_DIR
    target.mkdir(parents=True, exist_ok=True)
    for package, name in WORKBOX_FILES.items():
        shutil.copyfile(modules / package / "build" / name, target / name)
    shutil.copyfile(modules / "workbox-sw" / "LICENSE", target / "LICENSE")
    options = {
        "swSrc": str(HERE / "sw.js"),
        "swDest": str(site / WORKER),
        "globDirectory": str(site),
        "globPatterns": ["**/*"],
        "globIgnores": PRECACHE_IGNORE,
    }
    proc = subprocess.run(
        [node, str(HERE / "sw-build.cjs")],
        input=json.dumps(options),
        capture_output=True,
        text=True,
        cwd=HERE,
        timeout=120,
    )
    if proc.returncode != 0:
        raise PluginError(f"hooks/app.py: Workbox's injectManifest failed:\n{proc.stderr[-2000:]}")
    summary: dict[str, Any] = json.loads(proc.stdout)
    if summary["warnings"]:
        # e.g. a file over Workbox's 2 MB limit: list it in PRECACHE_IGNORE, to be cached on first use.
        raise PluginError("hooks/app.py: Workbox warned: " + "; ".join(summary["warnings"]))
    worker = site / WORKER  # served without the source's comments, as hooks/minify.py serves our scripts
    text = worker.read_text(encoding="utf-8")
    if text.count(REVISIONS_PLACEHOLDER) != 1:
        raise PluginError(f"hooks/sw.js must name {REVISIONS_PLACEHOLDER} once: the first-use files' hashes go there")
    text = text.replace(REVISIONS_PLACEHOLDER, json.dumps(first_use_revisions(site), sort_keys=True))
    worker.write_text(rjsmin.jsmin(text).strip() + "\n", encoding="utf-8")
    return summary


def first_use_revisions(site: Path) -> dict[str, str]:
    """The build's files cached on first use (CODE_RUNNER_FILES), each with a hash of its content: the
    worker fetches one again after a deploy only when its hash changed."""
    revisions = {}
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if path.is_file() and any(fnmatch.fnmatch(rel, pattern) for pattern in CODE_RUNNER_FILES):
            revisions[rel] = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    return revisions


def precached(site: Path) -> list[dict[str, str]]:
    """The precache list in a built ``sw.js``: [{url, revision}], site-relative URLs."""
    text = (site / WORKER).read_text(encoding="utf-8")
    match = re.search(r"precacheAndRoute\((\[.*?\])[,)]", text, re.S)
    if not match:
        raise ValueError(f"{site / WORKER} holds no precache list")
    entries: list[dict[str, str]] = json.loads(match.group(1))
    return entries


def icons(site: Path, d: str, theme: str, background: str) -> Iterator[Path]:
    folder = site / APP_DIR
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "icon.svg").write_text(icon_svg(d, theme, "#fff"), encoding="utf-8")
    yield folder / "icon.svg"
    for size in ICON_SIZES:
        path = folder / f"icon-{size}.png"
        path.write_bytes(icon_png(d, size, _color(theme), (255, 255, 255)))
        yield path


# After every other hook (csp.py at -50 included): the precache list hashes the pages as served.
@event_priority(-100)
def on_post_build(config: MkDocsConfig) -> None:
    chosen = mode(config)
    if chosen is None:
        return
    site = Path(config.site_dir)
    if chosen == "retire":
        shutil.copyfile(HERE / "sw-retire.js", site / WORKER)
        return
    theme, background = palette_colors(config)
    list(icons(site, logo_path(config), theme, background))
    (site / MANIFEST).write_text(json.dumps(manifest(config, theme, background), indent=2) + "\n", encoding="utf-8")
    summary = write_worker(site, node_modules(config))
    log.info("The service worker precaches %d files, %.1f MB.", summary["count"], summary["size"] / 1e6)
