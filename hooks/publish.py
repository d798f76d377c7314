"""MkDocs hooks for publishing the site (listed under ``hooks:`` in mkdocs.yml).

* ``robots.txt`` is written at build time from ``site_url``, so the sitemap
  address always matches where the site is deployed (``SITE_URL``).
* The offline edition (``OFFLINE=true``, Material's offline plugin) needs the
  iframe-worker shim so search runs from ``file://``. Material would load it
  from unpkg.com; instead the pinned npm package (package.json) is copied into
  the build and referenced by a relative path, so the offline site makes no
  network request at all.

Hooks hold build plumbing only; macros stay in ``macros/``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

# Material's offline plugin skips adding its unpkg.com script when a polyfill
# URL containing "iframe-worker" is already configured.
SHIM_URL = "assets/javascripts/iframe-worker/shim.js"
SHIM_PACKAGE = Path("node_modules") / "iframe-worker"


def _offline_enabled(config: MkDocsConfig) -> bool:
    from material.plugins.offline.plugin import OfflinePlugin

    return any(isinstance(p, OfflinePlugin) and p.config.enabled for p in config.plugins.values())


def _project_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


# Before Material's offline plugin (priority 0) so it sees the local shim.
@event_priority(50)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if _offline_enabled(config):
        polyfills = [url for url in config.extra.get("polyfills", []) if "iframe-worker" not in str(url)]
        config.extra["polyfills"] = [*polyfills, SHIM_URL]
    return config


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    if config.site_url:
        robots = f"User-agent: *\nAllow: /\n\nSitemap: {config.site_url}sitemap.xml\n"
        (site / "robots.txt").write_text(robots, encoding="utf-8")
    if _offline_enabled(config):
        package = _project_dir(config) / SHIM_PACKAGE
        if not (package / "shim" / "index.js").is_file():
            raise PluginError(f"The offline edition needs {SHIM_PACKAGE}/shim/index.js: run `npm ci` first.")
        target = site / SHIM_URL
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(package / "shim" / "index.js", target)
        shutil.copyfile(package / "LICENSE", target.parent / "LICENSE")
