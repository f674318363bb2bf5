"""ReportLab's paragraph module compiles, when imported, a case-insensitive URL pattern over ``\\xa1-\\uffff``
(``reportlab.platypus.paragraph.uri_pat``); Python's ``re`` folds the case of that whole range, which takes
40–100 ms — more than any other step of importing ReportLab, and paid before the first paper of every
session and by every ``sakae-council print``. Only splitting a long URL at a line end uses the pattern,
and none of our papers prints one in a paragraph.

:func:`install` (called by ``sakae_council/reports/__init__.py``, before anything imports ReportLab's
platypus) makes that one pattern compile on its first use instead: while the paragraph module is being
executed, ``re.compile`` hands back a :class:`LazyPattern` for it; every other pattern compiles as usual.
Nothing else of ReportLab is changed (a test checks that the pattern still matches what it matched).
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import re
import sys
import threading
from types import ModuleType
from typing import Any

MODULE = "reportlab.platypus.paragraph"
#: How the deferred pattern begins (ReportLab 4.x–5.x: "derived from Django validator").
PREFIX = "(^(?:[a-z0-9\\.\\-\\+]*)://)"


class LazyPattern:
    """A compiled pattern made on first use; behaves as the ``re.Pattern`` it stands for."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._args = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None
        self._lock = threading.Lock()

    def compiled(self) -> re.Pattern[str]:
        with self._lock:
            if self._compiled is None:
                self._compiled = re.compile(*self._args)
            return self._compiled

    def __getattr__(self, name: str) -> Any:  # match, search, pattern, flags, ...
        return getattr(self.compiled(), name)


class _Loader(importlib.abc.Loader):
    def __init__(self, inner: importlib.abc.Loader) -> None:
        self.inner = inner

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self.inner.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        real = re.compile

        def compile_lazily(pattern: Any, flags: int = 0) -> Any:
            if isinstance(pattern, str) and pattern.startswith(PREFIX):
                return LazyPattern(pattern, flags)
            return real(pattern, flags)

        re.compile = compile_lazily  # type: ignore[assignment]
        try:
            self.inner.exec_module(module)
        finally:
            re.compile = real


class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, name: str, path: Any, target: ModuleType | None = None) -> Any:
        if name != MODULE:
            return None
        sys.meta_path.remove(self)  # once: the next finders find the real module
        spec = importlib.machinery.PathFinder.find_spec(name, path, target)
        if spec is not None and spec.loader is not None:
            spec.loader = _Loader(spec.loader)
        return spec


def install() -> None:
    """Defer the pattern's compilation (see the module docstring); nothing if the module is already loaded."""
    if MODULE in sys.modules or any(isinstance(f, _Finder) for f in sys.meta_path):
        return
    sys.meta_path.insert(0, _Finder())
