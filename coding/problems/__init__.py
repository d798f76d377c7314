"""One module per worked coding problem (see data/coding/problems/)."""
