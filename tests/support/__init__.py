"""Helpers shared by the test modules (import as ``from tests.support.axe import ...``).

``ROOT`` is the project folder, named once here for every test module and helper.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
