"""What the benchmark ran on: hardware, load and tool versions."""

from __future__ import annotations

import json
import os
import platform
import re
import subprocess
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from .common import BENCH, CHROMIUM


@dataclass(frozen=True)
class Machine:
    cpu: str
    cores: int
    memory_gib: float
    os: str
    versions: dict[str, str]


def _cpu_model() -> str:
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="utf-8")
    except OSError:
        return platform.processor() or "unknown"
    match = re.search(r"^model name\s*:\s*(.+)$", text, re.M)
    return match.group(1).strip() if match else platform.processor() or "unknown"


def _memory_gib() -> float:
    try:
        text = Path("/proc/meminfo").read_text(encoding="utf-8")
    except OSError:
        return 0.0
    match = re.search(r"^MemTotal:\s*(\d+) kB", text, re.M)
    return int(match.group(1)) / 1024 / 1024 if match else 0.0


def _command_version(cmd: list[str]) -> str:
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "not found"
    return out.splitlines()[-1] if out else "unknown"


def _package(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def load_average() -> str:
    try:
        return " / ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def describe() -> Machine:
    lighthouse = BENCH / "node_modules" / "lighthouse" / "package.json"
    versions = {
        "Python": platform.python_version(),
        "MkDocs": _package("mkdocs"),
        "Material for MkDocs": _package("mkdocs-material"),
        "mkdocs-macros-plugin": _package("mkdocs-macros-plugin"),
        "Chromium": _command_version([CHROMIUM, "--version"]),
        "Lighthouse": json.loads(lighthouse.read_text())["version"] if lighthouse.is_file() else "not installed",
        "Node.js": _command_version(["node", "--version"]),
        "Playwright (Python)": _package("playwright"),
    }
    return Machine(
        cpu=_cpu_model(),
        cores=os.cpu_count() or 0,
        memory_gib=_memory_gib(),
        os=f"{platform.system()} {platform.release()}",
        versions=versions,
    )
