"""Searching the 協働マニュアル from its page: the search field and the hits, two lines each (where the hit
is, 章 › 節, then the matching line without Markdown marks)."""

from __future__ import annotations

import re

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHeaderView, QVBoxLayout, QWidget

from sakae_council.gui.context import AppContext
from sakae_council.gui.models.manual_tree import display_path
from sakae_council.gui.models.table import Column, DtoTableModel
from sakae_council.gui.ops import Generation, QueryOp
from sakae_council.gui.widgets.data_table import DataTable
from sakae_council.gui.widgets.labels import MutedLabel
from sakae_council.gui.widgets.list_page import SEARCH_DEBOUNCE_MS, SearchField
from sakae_council.services import manual_search
from sakae_council.services.manual import ManualHitDTO


class ManualFinder(QWidget):
    """The hits of the text in ``search`` (a field the page places above its splitter, Ctrl+F)."""

    #: A hit was chosen (click, Enter).
    hitChosen = Signal(object)
    #: Whether there is a search to show: the page shows the hits in the tree's place while there is.
    searching = Signal(bool)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._loads = Generation()
        self.results_model: DtoTableModel[ManualHitDTO] = DtoTableModel(
            [
                Column(
                    self.tr("検索結果"),
                    lambda h: f"{display_path(h.path)}\n{plain_snippet(h.snippet)}",
                    tooltip=lambda h: display_path(h.path),
                )
            ],
            self,
        )
        self.results = DataTable(self)
        self.results.setObjectName("searchResults")
        self.results.setModel(self.results_model)
        self.results.setWordWrap(True)
        self.results.horizontalHeader().hide()
        self.results.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.results.activatedRow.connect(self._choose)
        self.results.clicked.connect(lambda index: self._choose(index.row()))
        self.results_label = MutedLabel("", self)
        self.search = SearchField(self.results, self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("マニュアル全体を検索（Ctrl+F）"))
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.results_label)
        layout.addWidget(self.results, 1)
        layout.addWidget(MutedLabel(self.tr("検索欄を空にすると（Esc）章と節の一覧に戻ります。"), self))
        self.results.setVisible(False)

    def flush_search(self) -> None:
        """Search now what is typed (instead of after the typing pause)."""
        if self._debounce.isActive():
            self._debounce.stop()
            self.run_search()

    def run_search(self) -> None:
        query = self.search.text().strip()
        if not query:
            self._loads.next()  # a search still on its way lands nowhere
            self.results_model.set_rows([])
            self._show(False)
            return
        db = self.ctx.db
        QueryOp(lambda: manual_search.search_manual(db, query), parent=self).latest(self._loads).success(
            lambda hits: self._show_hits(query, hits)
        ).run()

    def _show_hits(self, query: str, hits: list[ManualHitDTO]) -> None:
        self.results_model.set_rows(hits)
        self.results_label.setText(
            self.tr("「{q}」: %n件", "", len(hits)).format(q=query)
            if hits
            else self.tr("「{q}」は見つかりませんでした。").format(q=query)
        )
        self._show(True)

    def _show(self, on: bool) -> None:
        self.results.setVisible(self.results_model.rowCount() > 0)
        self.searching.emit(on)

    def _choose(self, row: int) -> None:
        hit = self.results_model.row_at(row)
        if hit is not None:
            self.hitChosen.emit(hit)


_MARKS = re.compile(r"^\s*(?:[-*+]\s+(?:\[[ xX]\]\s+)?|\d+[.)]\s+|#+\s+|>\s*)|\*\*|__|`|\|")


def plain_snippet(snippet: str) -> str:
    """A search snippet without the Markdown marks (「- **参加の機会**」→「参加の機会」)."""
    return re.sub(r"\s+", " ", _MARKS.sub(" ", snippet)).strip()
