"""Build the site the way a deploy does: strictly, deterministically, atomically.

    python -m tools.build OUTPUT_DIR

* strict: any MkDocs warning fails the build (``strict: true`` in mkdocs.yml);
* deterministic: ``SOURCE_DATE_EPOCH`` defaults to the last commit's time, so
  dates written by the build (sitemap) do not depend on the clock;
* atomic: the site is built into a temporary folder beside OUTPUT_DIR and only
  swapped in when the build succeeded, so a failed build never leaves a
  half-written or missing site behind.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def source_date_epoch(root: Path = ROOT) -> str:
    """The environment's SOURCE_DATE_EPOCH, else the last commit's time, else 0."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True, check=True
        ).stdout.strip()
        return out or "0"
    except (OSError, subprocess.CalledProcessError):
        return "0"


def build(
    output: Path,
    config: Path = ROOT / "mkdocs.yml",
    extra_args: tuple[str, ...] = (),
    site_url: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """Build into ``output``; on failure ``output`` is left exactly as it was.

    ``site_url`` overrides the ``SITE_URL`` environment variable that mkdocs.yml reads.
    """
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, SOURCE_DATE_EPOCH=source_date_epoch(config.parent), NO_MKDOCS_2_WARNING="1")
    if site_url is not None:
        env["SITE_URL"] = site_url
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.new-", dir=output.parent))
    try:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "build",
                "--strict",
                "--config-file",
                str(config),
                "--site-dir",
                str(staging),
                *extra_args,
            ],
            cwd=config.parent,
            env=env,
            capture_output=True,
            text=True,
        )
        if result.returncode != 0 or "WARNING" in result.stderr:
            return (
                result
                if result.returncode != 0
                else subprocess.CompletedProcess(result.args, 1, result.stdout, result.stderr)
            )
        old = output.parent / f".{output.name}.old"
        shutil.rmtree(old, ignore_errors=True)
        if output.exists():
            output.rename(old)
        staging.rename(output)
        shutil.rmtree(old, ignore_errors=True)
        return result
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m tools.build OUTPUT_DIR", file=sys.stderr)
        return 2
    result = build(Path(argv[0]))
    sys.stderr.write(result.stderr)
    if result.returncode != 0:
        print(f"build failed; {argv[0]} was left unchanged", file=sys.stderr)
    return result.returncode


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
