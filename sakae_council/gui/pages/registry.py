"""The navigation registry: which pages the main window lists, in which order, and how each is built.

How to plug in a page (地域課題, 協働事業, 会議・議事録, 協働マニュアル, 資機材, 指標, ダッシュボード):

1. Write ``sakae_council/gui/pages/<module>.py`` (the module named for your key in ``PAGES`` below,
   e.g. ``issues.py`` for 地域課題) with a function::

       def create_page(ctx: AppContext) -> QWidget: ...

   That is all: the main window finds the module the first time the user opens the page, builds it
   with the shared :class:`~sakae_council.gui.context.AppContext` (database, chosen district, today,
   ``districtChanged`` / ``dataChanged`` signals) and shows it. Until the module exists, the page
   says plainly that it is being prepared.
2. Optionally give the page an ``on_shown()`` method; it is called every time the page comes to the
   front (reload there). Listen to ``ctx.districtChanged`` so the district switcher filters your page.
   List pages should subclass ``gui.widgets.list_page.ListPage`` to get the shared layout and keys.
3. To add a page that is not in the list, or to build one from another function, call
   :func:`register_page` before the main window is created (``gui/app.py`` is the place).

Pages are imported lazily, so a page nobody opens costs nothing at start-up, and a page module that
fails to import shows an error in its place instead of taking the window down.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from sakae_council.gui.context import AppContext

log = logging.getLogger(__name__)

PageFactory = Callable[[AppContext], QWidget]
PACKAGE = "sakae_council.gui.pages"


class PageSpec(NamedTuple):
    """One entry of the navigation: a stable key, its title, and where its page comes from.

    (A named tuple, not a dataclass: the navigation is built before the window's first paint, and the
    dataclasses module and decorator cost a few ms there.)"""

    key: str
    source_title: str
    module: str | None = None
    factory: PageFactory | None = None

    @property
    def title(self) -> str:
        return QCoreApplication.translate("Navigation", self.source_title)


PAGES: list[PageSpec] = [
    PageSpec("dashboard", str(QT_TRANSLATE_NOOP("Navigation", "ダッシュボード")), "dashboard"),
    PageSpec("roster", str(QT_TRANSLATE_NOOP("Navigation", "名簿")), "roster"),
    PageSpec("organisations", str(QT_TRANSLATE_NOOP("Navigation", "団体・協働パートナー")), "organisations"),
    PageSpec("issues", str(QT_TRANSLATE_NOOP("Navigation", "地域課題")), "issues"),
    PageSpec("projects", str(QT_TRANSLATE_NOOP("Navigation", "協働事業")), "projects"),
    PageSpec("meetings", str(QT_TRANSLATE_NOOP("Navigation", "会議・議事録")), "meetings"),
    PageSpec("general_meeting", str(QT_TRANSLATE_NOOP("Navigation", "総会・役員改選")), "general_meeting"),
    PageSpec("manual", str(QT_TRANSLATE_NOOP("Navigation", "協働マニュアル")), "manual"),
    PageSpec("equipment", str(QT_TRANSLATE_NOOP("Navigation", "資機材")), "equipment"),
    PageSpec("accounts", str(QT_TRANSLATE_NOOP("Navigation", "会計")), "accounts"),
    PageSpec("indicators", str(QT_TRANSLATE_NOOP("Navigation", "指標")), "indicators"),
    PageSpec("settings", str(QT_TRANSLATE_NOOP("Navigation", "設定")), "settings"),
]


def register_page(key: str, title: str, factory: PageFactory, *, before: str | None = None) -> None:
    """Add a page, or give an existing key a factory of its own (title as source text)."""
    for i, spec in enumerate(PAGES):
        if spec.key == key:
            PAGES[i] = spec._replace(source_title=title, factory=factory)
            return
    spec = PageSpec(key, title, None, factory)
    keys = [s.key for s in PAGES]
    PAGES.insert(keys.index(before) if before in keys else len(PAGES), spec)


def page_specs() -> list[PageSpec]:
    return list(PAGES)


def module_available(spec: PageSpec) -> bool:
    """Whether the page has something to show (a factory or an importable module)."""
    if spec.factory is not None:
        return True
    if spec.module is None:
        return False
    return importlib.util.find_spec(f"{PACKAGE}.{spec.module}") is not None


def build_page(spec: PageSpec, ctx: AppContext) -> QWidget:
    """The page widget for ``spec``: its factory, its module's ``create_page``, or a placeholder."""
    from sakae_council.gui.pages.placeholder import BrokenPage, PlaceholderPage

    try:
        if spec.factory is not None:
            return spec.factory(ctx)
        if spec.module is not None and module_available(spec):
            module = importlib.import_module(f"{PACKAGE}.{spec.module}")
            create = getattr(module, "create_page", None)
            if callable(create):
                return create(ctx)
    except Exception:
        log.exception("page %s could not be built", spec.key)
        return BrokenPage(spec.title)
    return PlaceholderPage(spec.title)
