"""The demo town as a data file, built once per test session (loading it takes seconds); tests copy it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sakae_council.gui.welcome import create_file

_built: dict[str, Path] = {}


def demo_town_copy(factory: pytest.TempPathFactory, destination: Path) -> Path:
    """A fresh copy of the demo town's data file at ``destination`` (the first call builds it)."""
    if "file" not in _built:
        path = factory.mktemp("demo_town") / "demo.db"
        create_file(str(path), with_demo=True)
        _built["file"] = path
    destination.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(_built["file"], destination)
    return destination
