"""One module per worked problem, named after the problem id with ``-`` replaced by ``_``."""
