"""Read mkdocs-macros' ``git`` variable only when a page uses it (listed under ``hooks:``).

On every build mkdocs-macros fills a ``git`` variable (commit, tag, author,
date and so on) by starting 13 ``git`` processes, one per field. No page of
this site uses it, and those processes were about a fifth of a second of CPU
per build, the largest single cost the site added to a plain Material build
(bench/NOTES.md). Here the variable is a :class:`LazyGitInfo`: the same fields,
read with mkdocs-macros' own function the first time a template asks for one.
A template that uses ``{{ git.commit }}`` gets what it got before.

If mkdocs-macros no longer has the function this replaces, the build stops and
says so, rather than quietly doing the work again.
"""

from __future__ import annotations

from typing import Any, Callable, Iterator

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

NAME = "get_git_info"


class LazyGitInfo:
    """A read-only view of ``read()``'s dict, called on first use.

    Not a Mapping on purpose: mkdocs-macros serialises every variable for a
    debug line on each build, and would read a Mapping's items. It turns this
    object into a string instead, which does not run git.
    """

    def __init__(self, read: Callable[[], dict[str, Any]]) -> None:
        self._read = read
        self._info: dict[str, Any] | None = None

    def _get(self) -> dict[str, Any]:
        if self._info is None:
            self._info = dict(self._read() or {})
        return self._info

    def __getattr__(self, name: str) -> Any:  # Jinja's ``git.commit``
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self._get()[name]
        except KeyError:
            raise AttributeError(name) from None

    def __getitem__(self, key: str) -> Any:  # ``git["commit"]``
        return self._get()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._get())

    def __len__(self) -> int:
        return len(self._get())

    def keys(self) -> Any:
        return self._get().keys()

    def items(self) -> Any:
        return self._get().items()

    def values(self) -> Any:
        return self._get().values()

    def get(self, key: str, default: Any = None) -> Any:
        return self._get().get(key, default)

    def __repr__(self) -> str:
        return "git information (read when a page first uses it)" if self._info is None else repr(self._info)

    __str__ = __repr__


def make_lazy(read: Callable[[], dict[str, Any]]) -> Callable[[], LazyGitInfo]:
    def lazy_git_info() -> LazyGitInfo:
        return LazyGitInfo(read)

    lazy_git_info.wrapped = read  # type: ignore[attr-defined]
    return lazy_git_info


# Before mkdocs-macros' own on_config, which fills its variables.
@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if "macros" not in config.plugins:
        return config
    from mkdocs_macros import context

    read = getattr(context, NAME, None)
    if read is None:
        raise PluginError(
            f"hooks/macros_git.py: mkdocs_macros.context has no {NAME}(); mkdocs-macros changed, so review this hook"
        )
    if not hasattr(read, "wrapped"):  # mkdocs serve calls on_config on every rebuild
        setattr(context, NAME, make_lazy(read))
    return config
