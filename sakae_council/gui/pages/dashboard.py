"""ダッシュボード: one card per 小学校区, the 連絡会's next meeting, and the summary print button.

The cards come from ``services.dashboard`` (a few GROUP BY queries), read off the GUI thread so the window
never waits on a large database. At program start the page may first show the figures read before the data
layer was loaded (``first``, see gui/first_figures.py): the same cards, with 最新の状態にする and 印刷 waiting
for the database. Clicking a card, or a line of it, opens that page filtered to the district
(``AppContext.open_page``); the district chosen in the switcher is marked with a thicker frame.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sakae_council.domain.areas import Area
from sakae_council.domain.errors import DomainError
from sakae_council.gui.context import AppContext
from sakae_council.gui.formatting import broken_only_after, wareki
from sakae_council.gui.ops import OpHandle, QueryOp
from sakae_council.gui.text_size import bold_font
from sakae_council.gui.widgets.district_card import DistrictCard, meeting_text
from sakae_council.gui.widgets.form import MessageLine
from sakae_council.gui.widgets.labels import MutedLabel, TitleLabel
from sakae_council.gui.widgets.print_key import add_print_action
from sakae_council.services.dashboard_cards import DashboardDTO, DistrictCardDTO

#: A card is at least this many full-width characters wide; the grid has as many columns as fit.
CARD_WIDTH_CHARS = 20
#: Cards built before the page paints (more than a 1366×768 screen shows); the rest come in slices of
#: CARDS_PER_SLICE between events, so 100 districts never freeze the window.
FIRST_CARDS = 12
CARDS_PER_SLICE = 8


class DashboardPage(QWidget):
    """The first page: every district at a glance (see the module docstring)."""

    loaded = Signal()

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, first: DashboardDTO | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data: DashboardDTO | None = None
        self.cards: list[DistrictCard] = []
        self._generation = 0
        self._columns = 0
        self._stale = False
        self._building = 0  # which show_data is adding cards (an older one's slices stop)
        self.job: OpHandle | None = None

        self.title_label = TitleLabel(QCoreApplication.translate("DashboardPage", "ダッシュボード"), self)
        self.context_label = MutedLabel("", self)  # wraps after its 「・」 rather than widening the window
        self.refresh_button = QPushButton(self.tr("最新の状態にする"), self)
        self.refresh_button.setObjectName("refreshButton")
        self.refresh_button.setAutoDefault(False)
        self.refresh_button.clicked.connect(self.reload)
        self.print_button = QPushButton(self.tr("連絡会まとめを印刷…"), self)
        self.print_button.setObjectName("printButton")
        self.print_button.setFont(bold_font())
        self.print_button.setAutoDefault(False)
        self.print_button.clicked.connect(self.print_summary)
        add_print_action(self, self.print_button)

        top = QHBoxLayout()
        top.addWidget(self.title_label)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.print_button)

        self.liaison_label = MutedLabel("", self)  # word-wrapped: long at 特大
        self.liaison_label.setObjectName("liaisonLabel")
        self.empty_label = MutedLabel(
            self.tr("学区が登録されていません。「設定」の「学区」で学区を登録してください。"), self
        )
        self.empty_label.hide()
        self.error = MessageLine("error", self)

        self.grid_host = QWidget()
        host_layout = QVBoxLayout(self.grid_host)
        host_layout.setContentsMargins(0, 0, 0, 0)
        self.grid = QGridLayout()
        self.grid.setSpacing(12)
        host_layout.addLayout(self.grid)
        host_layout.addStretch(1)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(self.grid_host)
        self.scroll_area.viewport().installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.context_label)  # its own line: beside the title and buttons it wrapped at 特大
        layout.addWidget(self.liaison_label)
        layout.addWidget(self.error)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.scroll_area, 1)

        ctx.districtChanged.connect(lambda _d: self._mark_current())
        ctx.dataChanged.connect(self._data_changed)
        ctx.textSizeChanged.connect(lambda _s: self._relayout(force=True))
        if first is None or ctx.has_database:
            self.reload()
        else:  # the first figures of program start: the database follows (see module docstring)
            self.show_data(first)
            self.refresh_button.setEnabled(False)
            self.print_button.setEnabled(False)
            ctx.databaseChanged.connect(self._database_arrived)

    # --- loading --------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the cards again in the background; ``loaded`` fires when they are on screen."""
        self._generation += 1
        generation = self._generation
        db, today = self.ctx.db, self.ctx.today()
        self._stale = False
        self.error.clear()
        self.refresh_button.setEnabled(False)
        self.context_label.setText(self.tr("読み込み中…"))
        from sakae_council.services.dashboard import dashboard  # SQLAlchemy: not before the first figures

        # On the database worker, one operation at a time with every other read and write of the program.
        self.job = (
            QueryOp(lambda: (generation, dashboard(db, today)), parent=self)
            .success(self._loaded)
            .failure(self._failed)
            .run()
        )

    def _database_arrived(self) -> None:
        self.ctx.databaseChanged.disconnect(self._database_arrived)
        self.refresh_button.setEnabled(True)
        self.print_button.setEnabled(True)

    def _loaded(self, result: Any) -> None:
        generation, data = result
        if generation != self._generation:
            return  # a newer reload is on its way
        self.refresh_button.setEnabled(True)
        self.show_data(data, then=self.loaded.emit)

    def _failed(self, exc: Any) -> None:
        self.refresh_button.setEnabled(True)
        self.context_label.setText("")
        if isinstance(exc, DomainError):
            self.error.show_message(exc.message)
        else:
            self.error.show_message(
                self.tr("ダッシュボードを読み込めませんでした。「最新の状態にする」を押してください。")
            )

    def show_data(self, data: DashboardDTO, then: Callable[[], None] | None = None) -> None:
        """Show ``data``: the first FIRST_CARDS cards at once, the rest in slices while the window stays
        responsive (100 districts take ~1 s to build); ``then`` once every card is there."""
        self.data = data
        self.context_label.setText(
            broken_only_after(
                self.tr("{date}現在・%n学区", "", len(data.cards)).format(
                    date=wareki(data.today, weekday=True)
                )
            )
        )
        liaison = self.tr("地域まちづくり連絡会　前回: {last}　次回: {next}").format(
            last=meeting_text(data.liaison_last), next=meeting_text(data.liaison_next)
        )
        self.liaison_label.setText(broken_only_after(liaison, "　"))  # not 「予定はありませ」「ん」
        for card in self.cards:
            self.grid.removeWidget(card)
            card.deleteLater()
        self.cards = []
        self._building += 1
        self.empty_label.setVisible(not data.cards)
        self._add_cards(data.cards[:FIRST_CARDS])
        self._relayout(force=True)
        self._more_cards(self._building, data.cards[FIRST_CARDS:], then)

    def _more_cards(
        self, building: int, rest: Sequence[DistrictCardDTO], then: Callable[[], None] | None
    ) -> None:
        if building != self._building:
            return  # newer data is being shown
        if not rest:
            if then is not None:
                then()
            return
        start = len(self.cards)
        self._add_cards(rest[:CARDS_PER_SLICE])
        width, columns = self._card_geometry()
        for i, card in enumerate(self.cards[start:], start):
            card.fit_width(width)
            self.grid.addWidget(card, i // self._columns, i % self._columns, Qt.AlignmentFlag.AlignTop)
        if columns != self._columns:
            self._relayout(force=True)
        QTimer.singleShot(0, lambda: self._more_cards(building, rest[CARDS_PER_SLICE:], then))

    def _add_cards(self, items: Sequence[DistrictCardDTO]) -> None:
        for item in items:
            card = DistrictCard(item, self.grid_host)
            card.pageRequested.connect(self.open_district_page)
            card.set_current(item.district_id == self.ctx.district_id)
            self.cards.append(card)

    def _data_changed(self, area: str) -> None:
        if area == Area.BACKUPS:  # a backup was taken (at every start): nothing on the cards changed
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def on_shown(self) -> None:
        """Called by the main window when the page comes to the front: counts may have changed meanwhile."""
        if self._stale or self.data is not None:
            self.reload()

    # --- layout ---------------------------------------------------------------------------------
    def card_width(self) -> int:
        return QFontMetrics(QApplication.font()).horizontalAdvance("あ") * CARD_WIDTH_CHARS

    def _card_geometry(self) -> tuple[int, int]:
        """(card width, columns) for the viewport's width now."""
        available = self.scroll_area.viewport().width() - 2
        columns = max(1, available // max(self.card_width(), 1))
        # Cards get an exact width: word-wrapped lines then measure their height at the width they get
        # (a grid left to share the width itself measures some lines at one width and lays them at another).
        return max((available - self.grid.horizontalSpacing() * (columns - 1)) // columns, 1), columns

    def _relayout(self, *, force: bool = False) -> None:
        width, columns = self._card_geometry()
        for card in self.cards:
            card.fit_width(width)
        if not force and columns == self._columns:
            return
        self._columns = columns
        for card in self.cards:
            self.grid.removeWidget(card)
        for i, card in enumerate(self.cards):
            self.grid.addWidget(card, i // columns, i % columns, Qt.AlignmentFlag.AlignTop)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The viewport narrows when the scroll bar appears, without the page itself changing size.
        if watched is self.scroll_area.viewport() and event.type() == QEvent.Type.Resize:
            self._relayout()
        return super().eventFilter(watched, event)

    def _mark_current(self) -> None:
        for card in self.cards:
            card.set_current(card.card.district_id == self.ctx.district_id)

    def card(self, district_id: int) -> DistrictCard:
        return next(c for c in self.cards if c.card.district_id == district_id)

    # --- actions --------------------------------------------------------------------------------
    def open_district_page(self, district_id: int, page_key: str) -> None:
        self.ctx.open_page(page_key, district_id)

    def print_summary(self) -> None:
        from sakae_council.gui.dialogs.print_summary import PrintSummaryDialog

        dialog = PrintSummaryDialog(self.ctx, self)
        dialog.open()


def create_page(ctx: AppContext) -> QWidget:
    return DashboardPage(ctx)
