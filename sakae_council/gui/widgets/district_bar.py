"""The main window's district bar: 「表示する学区」 and the switcher every page follows.

The districts are read on the database worker (``gui/ops.py``); until they are there — and at program start,
before the data file is open — the switcher offers only 全学区 (or the districts of the first figures). A
district chosen here becomes ``ctx.set_district``; a district set elsewhere (``ctx.open_page``) shows here.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QMainWindow, QToolBar, QWidget

from sakae_council.gui.context import AppContext
from sakae_council.gui.district_names import all_districts_label
from sakae_council.gui.generation import Generation
from sakae_council.gui.widgets.choice import ChoiceCombo


def tr(text: str) -> str:
    # The main window's context: these lines were part of it, and their translations stay where they are.
    return QCoreApplication.translate("MainWindow", text)


class DistrictBar(QToolBar):
    """The toolbar with the district switcher (``switcher``)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(tr("学区"), parent)
        self.ctx = ctx
        self._loads = Generation()
        self.setObjectName("districtBar")
        self.setMovable(False)
        self.setFloatable(False)
        label = QLabel(tr("表示する学区(&G):"), self)
        self.switcher = ChoiceCombo(parent=self)
        self.switcher.setObjectName("districtSwitcher")
        self.switcher.setAccessibleName(tr("表示する学区"))
        label.setBuddy(self.switcher)
        self.addWidget(label)
        self.addWidget(self.switcher)
        self.setContentsMargins(8, 4, 8, 4)
        # the districts come with the data; until then only 全学区, and nothing to choose
        self.switcher.set_items([(all_districts_label(), None)])
        self.switcher.setEnabled(False)
        self.switcher.currentIndexChanged.connect(lambda _i: ctx.set_district(self.switcher.value()))
        ctx.districtChanged.connect(self._district_changed)

    def reload(self) -> None:
        """Read the districts in use on the database worker and offer them (the newest read lands)."""
        from sakae_council.gui.ops import QueryOp  # with the data, not before the first paint
        from sakae_council.services import districts

        db = self.ctx.db
        QueryOp(lambda: districts.list_districts(db, include_inactive=False), parent=self).latest(
            self._loads
        ).success(lambda found: self.show_districts([(d.id, d.name) for d in found])).run()

    def show_districts(self, found: Sequence[tuple[int, str]]) -> None:
        """Offer 全学区 and ``found`` ((id, name) pairs), keeping the district in effect when it is there."""
        self.switcher.blockSignals(True)
        self.switcher.set_items([(all_districts_label(), None), *((name, did) for did, name in found)])
        if not self.switcher.set_value(self.ctx.district_id):
            self.switcher.setCurrentIndex(0)
        self.switcher.setEnabled(True)
        self.switcher.blockSignals(False)
        if self.switcher.value() != self.ctx.district_id:  # the district in effect is gone (merged)
            self.ctx.set_district(self.switcher.value())

    def _district_changed(self, district_id: int | None) -> None:
        # A page may set the district (ctx.open_page): the switcher shows what is in effect.
        if self.switcher.value() != district_id:
            self.switcher.blockSignals(True)
            self.switcher.set_value(district_id)
            self.switcher.blockSignals(False)


def add_district_bar(window: QMainWindow, ctx: AppContext) -> DistrictBar:
    """The district bar at the top of ``window`` (the default area: no ``Qt`` enum before the first paint,
    see gui/main_window.PAGE_KEY_ROLE)."""
    bar = DistrictBar(ctx, window)
    window.addToolBar(bar)
    return bar
