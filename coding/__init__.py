"""The coding round's worked problems: one module per problem under ``coding.problems``.

Each module holds the solution the page shows (between its ``--8<--`` markers), a brute-force
``reference`` and a ``random_case`` generator; ``coding.support`` has the node types the
linked-list and tree problems share. Nothing here imports MkDocs, the data loader or Hypothesis.
"""
