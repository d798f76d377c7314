"""The worked coding problems: solutions shown on the pages, their references and random cases."""
