"""Where the files in ``resources/`` (prompts, icons, style sheets, default libraries) are found.

``resources/`` sits at the repository root. The wheel ships it inside the package as
``recovery_journal/resources`` (hatch ``force-include``), so an installed app reads it through
:mod:`importlib.resources`; an editable or source checkout has no such folder inside the package,
so we fall back to the repository root beside it. Callers get a
:class:`~importlib.resources.abc.Traversable` and never need to know which case they are in.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

_PACKAGE = "recovery_journal"
_FOLDER = "resources"


def resources_root() -> Traversable:
    """The ``resources`` folder: inside the installed package, else at the repository root."""
    packaged = resources.files(_PACKAGE) / _FOLDER
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[1] / _FOLDER


def resource(*parts: str) -> Traversable:
    """A file or folder below ``resources/``, e.g. ``resource("prompts.json")``."""
    node = resources_root()
    for part in parts:
        node = node / part
    return node


def read_resource_text(*parts: str) -> str:
    """The UTF-8 text of a resource file (``FileNotFoundError`` if the app was packaged wrongly)."""
    return resource(*parts).read_text(encoding="utf-8")
