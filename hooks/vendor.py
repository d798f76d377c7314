"""Third-party browser scripts the pages load as they are, copied into each build from their pinned
npm packages (listed under ``hooks:``), the way hooks/code_runner.py brings in Pyodide and
CodeMirror and hooks/publish.py the iframe-worker shim.

* ``javascripts/vendor/ts-fsrs/``: the coach's spaced-review scheduler, the package's browser build
  (``dist/index.umd.js``, a classic script that defines ``window.FSRS``) with its license.

Nothing is fetched from a CDN, and nothing here is kept in git: ``package-lock.json`` pins each
package and ``npm ci`` installs it (a dependency, so ``make build`` gets it too). hooks/minify.py
leaves ``vendor/`` as the package ships it; hooks/app.py precaches it with the rest of the build.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

# Package -> (its files to serve, its license), copied into javascripts/vendor/<package>/.
PACKAGES = {"ts-fsrs": (("dist/index.umd.js",), "LICENSE")}
TARGET = Path("javascripts/vendor")


def copy_packages(modules: Path, site: Path) -> None:
    for package, (files, license_file) in PACKAGES.items():
        source, target = modules / package, site / TARGET / package
        for name in (*files, license_file):
            if not (source / name).is_file():
                raise PluginError(f"The site serves {package}/{name}: run `npm ci` first (package-lock.json pins it).")
        target.mkdir(parents=True, exist_ok=True)
        for name in (*files, license_file):
            shutil.copyfile(source / name, target / Path(name).name)


# After hooks/minify.py (default priority 0), so the copies are served as the package ships them,
# and before hooks/app.py (-100), whose service worker precaches them.
@event_priority(-50)
def on_post_build(config: MkDocsConfig) -> None:
    copy_packages(Path(config.config_file_path).resolve().parent / "node_modules", Path(config.site_dir))
