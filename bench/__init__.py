"""Performance benchmark: the site against plain Material, side by side in one run.

Run with ``make bench`` (or ``python -m bench.run``); it writes BENCHMARKS.md.
Not part of the test suite; CI does not run it.
"""
