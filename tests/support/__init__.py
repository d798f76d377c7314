"""Helpers shared by the test modules (import as ``from tests.support.axe import ...``)."""
