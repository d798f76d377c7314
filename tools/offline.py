"""Build the offline edition and zip it: the whole site, browsable from file://.

    python -m tools.offline dist/interview-guide-offline.zip     (what `make offline` runs)

The site is built strictly (see :mod:`tools.build`) with ``OFFLINE=true``,
which enables Material's offline plugin in mkdocs.yml (no directory URLs,
search index inlined as a script) and makes ``hooks/publish.py`` copy the
iframe-worker shim from node_modules, so search also works from file://
without any network request. The zip is reproducible: entries are sorted and
dated ``SOURCE_DATE_EPOCH`` (the last commit's time), and it is written
atomically, so a failed build leaves any previous zip untouched.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from tools.build import ROOT, build, source_date_epoch

TOP_DIR = "interview-guide"  # the folder the zip unpacks into


def _zip_time(epoch: str) -> tuple[int, int, int, int, int, int]:
    # Zip timestamps start in 1980 and are local-time-free in our archives.
    return time.gmtime(max(int(epoch), 315532800))[:6]


def write_zip(site: Path, target: Path, epoch: str) -> None:
    """Zip ``site`` into ``target`` under :data:`TOP_DIR`, reproducibly and atomically."""
    target.parent.mkdir(parents=True, exist_ok=True)
    stamp = _zip_time(epoch)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
            for path in sorted(p for p in site.rglob("*") if p.is_file()):
                info = zipfile.ZipInfo(f"{TOP_DIR}/{path.relative_to(site).as_posix()}", date_time=stamp)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                zf.writestr(info, path.read_bytes())
        tmp.chmod(0o644)
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)


def build_offline(target: Path, config: Path = ROOT / "mkdocs.yml") -> subprocess.CompletedProcess[str]:
    """Build the offline edition of the site at ``config`` and zip it into ``target``."""
    previous = os.environ.get("OFFLINE")
    os.environ["OFFLINE"] = "true"
    try:
        with tempfile.TemporaryDirectory(prefix="offline-") as tmp:
            site = Path(tmp) / "site"
            result = build(site, config)
            if result.returncode == 0:
                write_zip(site, target, source_date_epoch(config.parent))
            return result
    finally:
        if previous is None:
            del os.environ["OFFLINE"]
        else:
            os.environ["OFFLINE"] = previous


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m tools.offline ZIP_FILE", file=sys.stderr)
        return 2
    result = build_offline(Path(argv[0]))
    sys.stderr.write(result.stderr)
    if result.returncode != 0:
        print(f"offline build failed; {argv[0]} was left unchanged", file=sys.stderr)
        return result.returncode
    print(f"wrote {argv[0]}: unzip it and open {TOP_DIR}/index.html in a browser")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
