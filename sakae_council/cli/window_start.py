"""The command line of a plain window start, read without argparse: ``sakae-council [--db FILE]
[--quit-after painted|data|ready] [--read-only]`` — what nearly every start is. argparse (with gettext and
its patterns) costs a few ms before the window's first paint; any other command line goes to it."""

from __future__ import annotations

from collections.abc import Sequence
from types import SimpleNamespace

#: The options a plain window start may carry (``sakae-council [--db FILE] [--quit-after M] [--read-only]``).
_WINDOW_OPTIONS = {"--db": None, "--quit-after": ("painted", "data", "ready"), "--read-only": ()}


def window_start(words: Sequence[str]) -> SimpleNamespace | None:
    """The parsed command line when it only starts the window with the options above, each written out in
    full (``--db FILE`` or ``--db=FILE``); None for anything else, which argparse parses (and explains).

    The window is what most starts are, and argparse (with gettext and its patterns) costs a few ms before
    the first paint; tests/cli/test_cli.py holds the two parsers to the same result."""
    found: dict[str, str | None] = {"db": None, "quit_after": None}
    read_only = False
    rest = list(words)
    while rest:
        word = rest.pop(0)
        name, eq, value = word.partition("=")
        if name not in _WINDOW_OPTIONS:
            return None
        choices = _WINDOW_OPTIONS[name]
        if choices == ():  # a flag
            if eq:
                return None
            read_only = True
            continue
        if not eq:
            if not rest or rest[0].startswith("-"):
                return None
            value = rest.pop(0)
        if choices is not None and value not in choices:
            return None
        found[name[2:].replace("-", "_")] = value
    return SimpleNamespace(command=None, read_only=read_only, **found)
