"""総会・役員改選 page: a council's 総会議案書 for a 年度 — its parts listed, each opened (Enter or
double-click) to edit its text before printing — and the year's other papers: 会則, 役員改選, 委嘱状 and
引継ぎ資料. These papers belong to one council: the page's own 協議会 choice follows the district switcher,
and keeps its council (named in the title line) while the switcher shows 全学区."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from sakae_council.domain.areas import Area
from sakae_council.domain.wareki import fiscal_year
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.bylaws import open_bylaws
from sakae_council.gui.dialogs.changeover import open_changeover
from sakae_council.gui.dialogs.pack_part import PackPartDialog
from sakae_council.gui.dialogs.print_general_meeting import (
    CommissionPrintWindow,
    GeneralMeetingPrintWindow,
    HandoverPrintWindow,
    open_council_paper,
)
from sakae_council.gui.formatting import wareki
from sakae_council.gui.models.pack_parts import PackPartsModel
from sakae_council.gui.ops import QueryOp
from sakae_council.gui.widgets import edit_guard
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.fiscal_year import FiscalYearChoice
from sakae_council.gui.widgets.list_page import ListPage
from sakae_council.gui.widgets.messages import confirm
from sakae_council.gui.widgets.print_key import add_print_action
from sakae_council.services import districts, general_meeting
from sakae_council.services.changeover import ChangeoverResult


class GeneralMeetingPage(ListPage):
    """The council's year on paper (see the module docstring)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, QCoreApplication.translate("GeneralMeetingPage", "総会・役員改選"), parent)
        self.dialog: QWidget | None = None
        self.search.hide()  # seven parts: nothing to search
        # The councils come with the page's first load (on the database worker); until then the one chosen
        # in the switcher is the one asked for.
        self.council = ChoiceCombo()
        self._council: int | None = ctx.district_id
        self.council.setObjectName("council")
        self.council.setAccessibleName(self.tr("協議会"))
        self.add_filter(QLabel(self.tr("協議会"), self))
        self.add_filter(self.council)
        self.year = FiscalYearChoice(ctx.today())
        self.year.setObjectName("fiscalYear")
        self.year.setAccessibleName(self.tr("報告する年度"))
        self.year.set_value(fiscal_year(ctx.today()))
        self.year_label = QLabel(self.tr("報告する年度"), self)
        self.add_filter(self.year_label)
        self.add_filter(self.year)
        self.year.currentIndexChanged.connect(lambda _i: self.reload())
        self.council.currentIndexChanged.connect(lambda _i: self._council_chosen())
        # The year's other papers on a line of their own: with the title line's and the filters' they would
        # overflow a 1366-wide laptop at 特大.
        self.papers_row = QHBoxLayout()
        self.bylaws_button = self._paper_button(
            self.tr("会則…"), self.open_bylaws, "bylawsButton", edits=True
        )
        self.changeover_button = self._paper_button(
            self.tr("役員改選…"), self.open_changeover, "changeoverButton", edits=True
        )
        self.commission_button = self._paper_button(
            self.tr("委嘱状…"), self.print_commissions, "commissionButton"
        )
        self.handover_button = self._paper_button(
            self.tr("引継ぎ資料…"), self.print_handover, "handoverButton"
        )
        self.print_button = self.add_button(
            self.tr("議案書を印刷…"), self.print_pack, primary=True, name="printButton"
        )
        add_print_action(self, self.print_button)  # Ctrl+P
        self.hint = QLabel(self)
        self.hint.setObjectName("districtHint")
        self.hint.setWordWrap(True)
        self.papers_row.addStretch(1)
        page_layout = self.layout()
        assert isinstance(page_layout, QVBoxLayout)
        page_layout.insertLayout(3, self.papers_row)  # under the filters, above the list
        page_layout.insertWidget(4, self.hint)
        self.parts_model = PackPartsModel(self)
        self.set_model(self.parts_model)
        self.table.freeze_first_column()
        ctx.dataChanged.connect(self._data_changed)
        self.reload()

    def _paper_button(self, text: str, slot: Any, name: str, *, edits: bool = False) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        if edits:
            edit_guard.mark_edit(button)
        self.papers_row.addWidget(button)
        return button

    def _council_chosen(self) -> None:
        self._council = self.district_id
        self.reload()

    def _data_changed(self, area: str) -> None:
        # Every load reads the councils again: a district added, renamed or merged shows in the choice.
        if area in (Area.DISTRICTS, Area.PEOPLE, Area.PROJECTS, Area.ISSUES, Area.MEETINGS):
            self.reload()

    @property
    def district_id(self) -> int | None:
        """The council the page works on (None only when there is no district at all)."""
        value = self.council.value()
        return value if isinstance(value, int) else None

    def district_name(self) -> str:
        return self.council.currentText()

    def _district_changed(self, district_id: object) -> None:
        # The switcher's district becomes the page's council; 全学区 keeps the council the page had.
        if isinstance(district_id, int):
            self._council = district_id
        super()._district_changed(district_id)

    def reload(self) -> None:
        """The councils and the chosen one's parts, read on the database worker."""
        db, council, year, today = self.ctx.db, self._council, self.year.value(), self.ctx.today()

        def load() -> tuple[list[tuple[str, int]], int | None, list[Any]]:
            councils = [(d.name, d.id) for d in districts.list_districts(db, include_inactive=False)]
            ids = [i for _name, i in councils]
            chosen = council if council in ids else (ids[0] if ids else None)
            if chosen is None:
                return councils, None, []
            facts = general_meeting.pack_facts(db, chosen, year, today=today)
            return councils, chosen, general_meeting.pack_texts(db, facts)

        self.load_in_background(load, self._show_parts)

    def _show_parts(self, answer: tuple[list[tuple[str, int]], int | None, list[Any]]) -> None:
        councils, council, parts = answer
        self.council.blockSignals(True)
        self.council.set_items(councils)
        self.council.set_value(council)
        self.council.blockSignals(False)
        self._council = council
        chosen = council is not None
        for button in (self.commission_button, self.handover_button, self.print_button):
            button.setEnabled(chosen)
        self.hint.setVisible(not chosen)
        self.hint.setText(
            "" if chosen else self.tr("学区が登録されていません。「設定」で学区を登録してください。")
        )
        selected = self.current_item()
        self.parts_model.set_rows(parts)
        self.table.resizeColumnsToContents()
        self.set_count(len(parts), lambda n: self.tr("%n項目", "", n))
        if selected is not None:
            self.select_where(lambda p: p.part is selected.part)

    # --- the parts ------------------------------------------------------------------------------
    def new_item(self) -> None:
        """Nothing to add: the parts are fixed."""

    def delete_item(self, item: Any) -> None:
        """Delete on a part: back to the text made from the records (asked first)."""
        if self.district_id is None or not item.edited:
            return
        if not confirm(
            self,
            self.tr("自動作成に戻す"),
            self.tr("「{part}」の修正を捨てて、記録から作った文に戻しますか？").format(part=item.title),
            self.tr("戻す"),
        ):
            return
        db, council, year = self.ctx.db, self.district_id, self.year.value()
        QueryOp(lambda: general_meeting.reset_part_text(db, council, year, item.part), parent=self).success(
            lambda _r: self.reload()
        ).run()

    def edit_item(self, item: Any) -> None:
        if self.district_id is None:
            return
        dialog = PackPartDialog(self.ctx, self.district_id, self.year.value(), item, self)
        dialog.saved.connect(lambda _p: self.reload())
        self._show(dialog)

    def _show(self, dialog: QWidget) -> None:
        self.dialog = dialog
        dialog.open()  # type: ignore[attr-defined]

    # --- the other papers -----------------------------------------------------------------------
    def open_bylaws(self) -> None:
        if self.district_id is None:
            return

        def show(dialog: QWidget) -> None:
            dialog.saved.connect(lambda _b: self.ctx.notify(Area.DISTRICTS))  # type: ignore[attr-defined]
            self._show(dialog)

        open_bylaws(self.ctx, self.district_id, self, show)

    def open_changeover(self) -> None:
        if self.district_id is None:
            return

        def show(dialog: QWidget) -> None:
            dialog.saved.connect(self._changed_over)  # type: ignore[attr-defined]
            self._show(dialog)

        open_changeover(self.ctx, self.district_id, self.year.value(), self, show)

    def _changed_over(self, result: ChangeoverResult) -> None:
        self.ctx.notify(Area.PEOPLE)
        if self.district_id is None or not (result.renewed or result.handed_over):
            return
        if confirm(
            self,
            self.tr("役員改選を適用しました"),
            self.tr("再任{renewed}名・退任{ended}名・交代{handed}名を{day}付で適用しました。続けて委嘱状を印刷しますか？").format(
                renewed=len(result.renewed), ended=len(result.ended), handed=len(result.handed_over),
                day=wareki(result.term_start),
            ),
            self.tr("委嘱状を印刷"),
        ):  # fmt: skip
            self._print_commissions(self.district_id, result.term_start)

    def _print_commissions(self, district_id: int, on: date | None) -> None:
        open_council_paper(
            self.ctx,
            district_id,
            self,
            self._show,
            lambda name: CommissionPrintWindow(self.ctx, district_id, on, self, name),
        )

    def print_commissions(self) -> None:
        if self.district_id is not None:
            self._print_commissions(self.district_id, None)

    def print_handover(self) -> None:
        if (district_id := self.district_id) is not None:
            open_council_paper(
                self.ctx,
                district_id,
                self,
                self._show,
                lambda name: HandoverPrintWindow(self.ctx, district_id, self, name),
            )

    def print_pack(self) -> None:
        if (district_id := self.district_id) is not None:
            year = self.year.value()
            open_council_paper(
                self.ctx,
                district_id,
                self,
                self._show,
                lambda name: GeneralMeetingPrintWindow(self.ctx, district_id, year, self, name),
            )


def create_page(ctx: AppContext) -> QWidget:
    return GeneralMeetingPage(ctx)
