"""資機材 page: 貸出 (loans: lend, reserve, hand over, return, cancel; overdue ones stand out) and 一覧 (inventory)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from sakae_council.domain.areas import Area
from sakae_council.domain.enums import LoanStatus
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.equipment_availability import AvailabilityDialog
from sakae_council.gui.dialogs.equipment_editor import EquipmentDialog
from sakae_council.gui.dialogs.equipment_loan import LoanDialog, open_loan_editor, return_dialog
from sakae_council.gui.formatting import wareki
from sakae_council.gui.models.equipment_list import EquipmentModel, LoansModel
from sakae_council.gui.ops import Generation, QueryOp
from sakae_council.gui.widgets.action_bar import add_action_bar
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.enum_label import enum_choices
from sakae_council.gui.widgets.export import export_button
from sakae_council.gui.widgets.form import MessageLine
from sakae_council.gui.widgets.list_page import ListPage
from sakae_council.gui.widgets.messages import confirm, show_error
from sakae_council.gui.widgets.print_key import add_print_action
from sakae_council.services import equipment, equipment_loans, search
from sakae_council.services.equipment import EquipmentDTO
from sakae_council.services.equipment_loans import LoanDTO

ACTIVE = "active"
OVERDUE = "overdue"


def _matches(query: str, *texts: str) -> bool:
    return search.matches(search.words(query), texts)  # the one search rule of every list


class LoansList(ListPage):
    """資機材の貸出; Enter on a loan out records its return, Delete cancels."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, QCoreApplication.translate("EquipmentPage", "資機材の貸出"), parent)
        self.dialog: Any = None
        self.search.setPlaceholderText(self.tr("資機材名・借り手・備考で検索（Ctrl+F）"))
        self.status_filter = ChoiceCombo(
            [
                (self.tr("予約・貸出中"), ACTIVE),
                (self.tr("期限切れだけ"), OVERDUE),
                (self.tr("すべての状態"), None),
            ]
            + enum_choices(LoanStatus)
        )
        self.item_filter = ChoiceCombo()
        for name, widget, label in (
            ("statusFilter", self.status_filter, self.tr("状態で絞り込み")),
            ("itemFilter", self.item_filter, self.tr("資機材で絞り込み")),
        ):
            widget.setObjectName(name)
            widget.setAccessibleName(label)
            widget.currentIndexChanged.connect(lambda _i: self.reload())
            self.add_filter(widget)
        self.new_button = self.add_button(
            self.tr("貸出・予約…"), self.new_item, primary=True, name="newButton"
        )
        self.action_bar = add_action_bar(self)
        self.return_button = self.action_bar.add_button(
            self.tr("返却…"), self.edit_current, name="returnButton"
        )
        self.hand_over_button = self.action_bar.add_button(
            self.tr("受け渡し"), self.hand_over, name="handOverButton"
        )
        self.cancel_button = self.action_bar.add_button(
            self.tr("取消"), self.delete_current, name="cancelButton"
        )
        self.slip_button = self.action_bar.add_button(
            self.tr("貸出票を印刷…"), self.print_slip, name="slipButton", edits=False
        )
        add_print_action(self, self.slip_button)
        self.action_bar.add_widget(
            export_button(self, lambda: self.model, self.tr("資機材の貸出"), ctx.today)
        )
        self.notice = MessageLine("warning", self)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.undo_bar), self.notice)
        self.loans_model = LoansModel(ctx.today(), self)
        self.set_model(self.loans_model, sort_column=7)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self._item_loads = Generation()
        self.fill_items()
        self.reload()

    def fill_items(self) -> None:
        """The 資機材 filter's items, read on the database worker (a changed choice loads the list again)."""
        db = self.ctx.db
        QueryOp(lambda: equipment.list_equipment(db), parent=self).latest(self._item_loads).success(
            self._show_items
        ).run()

    def _show_items(self, items: list[EquipmentDTO]) -> None:
        chosen = self.item_filter.value()
        self.item_filter.blockSignals(True)
        self.item_filter.set_items([(self.tr("すべての資機材"), None)] + [(e.name, e.id) for e in items])
        self.item_filter.blockSignals(False)
        if self.item_filter.value() != chosen:  # the chosen item is gone: the list of all loans
            self.reload()

    def reload(self) -> None:
        """The loans for the filters, read (and searched) on the database worker."""
        from sakae_council.gui.district_names import district_name

        status = self.status_filter.value()
        today = self.ctx.today()
        db, district_id, item_id, query = (
            self.ctx.db,
            self.ctx.district_id,
            self.item_filter.value(),
            self.search.text(),
        )

        def load() -> tuple[list[LoanDTO], str]:
            loans = equipment_loans.list_loans(
                db,
                district_id,
                overdue_only=status == OVERDUE,
                today=today,
                equipment_id=item_id,
                active_only=status == ACTIVE,
                status=status if isinstance(status, LoanStatus) else None,
            )
            if query.strip():
                loans = [
                    x
                    for x in loans
                    if _matches(query, x.equipment_name, x.borrower_name, x.notes, x.district_name)
                ]
            return loans, district_name(db, district_id)

        def show(answer: tuple[list[LoanDTO], str]) -> None:
            loans, district = answer
            selected = self.current_item()
            self.loans_model.today = today
            self.loans_model.set_rows(loans)
            header = self.table.horizontalHeader()
            if self.loans_model.is_sortable(header.sortIndicatorSection()):
                self.loans_model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
            self.table.resizeColumnsToContents()
            overdue = sum(1 for x in loans if x.overdue)
            self.set_count(len(loans), lambda n: self.tr("%n件", "", n), district=district)
            if overdue:
                self.context_label.setText(
                    self.context_label.text() + self.tr("（うち期限切れ %n件）", "", overdue)
                )
            if isinstance(selected, LoanDTO):
                self._select_loaded(lambda x: x.id == selected.id)
            self._update_buttons()

        self.load_in_background(load, show)

    def _update_buttons(self) -> None:
        loan = self.current_item()
        status = loan.status if isinstance(loan, LoanDTO) else None
        self.return_button.setEnabled(status is LoanStatus.LENT)
        self.hand_over_button.setEnabled(status is LoanStatus.RESERVED)
        self.cancel_button.setEnabled(status in (LoanStatus.RESERVED, LoanStatus.LENT))
        self.slip_button.setEnabled(loan is not None)

    def _changed(self, loan: LoanDTO | None = None) -> None:
        self.ctx.notify(Area.EQUIPMENT)
        if loan is not None:
            self.select_where(lambda x: x.id == loan.id)

    def new_item(self) -> None:
        self.notice.clear()
        open_loan_editor(self.ctx, self, self._open_loan)

    def _open_loan(self, dialog: LoanDialog) -> None:
        self.dialog = dialog
        dialog.saved.connect(self._changed)
        dialog.open()

    def edit_item(self, item: Any) -> None:
        self.notice.clear()
        if item.status is LoanStatus.RESERVED:
            self.notice.show_message(self.tr("予約です。渡したときは「受け渡し」を押してください。"))
            return
        if item.status is not LoanStatus.LENT:
            self.notice.show_message(
                self.tr("この貸出は「{status}」です。変更できるのは予約と貸出中だけです。").format(
                    status=self.loans_model._state(item)
                )
            )
            return
        self.dialog = return_dialog(self.ctx, item, self)
        self.dialog.saved.connect(self._changed)
        self.dialog.open()

    def hand_over(self) -> None:
        loan = self.current_item()
        if not isinstance(loan, LoanDTO):
            return
        db, loan_id, version = self.ctx.db, loan.id, loan.version
        QueryOp(lambda: equipment_loans.hand_over(db, loan_id, version), parent=self).success(
            self._changed
        ).run()

    def delete_item(self, item: Any) -> None:
        if item.status not in (LoanStatus.RESERVED, LoanStatus.LENT):
            return
        if not confirm(
            self,
            self.tr("貸出の取消"),
            self.tr(
                "「{item}」{n}個（{who}、{lent}〜{due}）の{what}を取り消しますか？\n取り消すと、その期間の在庫が空きに戻ります。"
            ).format(
                item=item.equipment_name,
                n=item.quantity,
                who=item.borrower_name,
                lent=wareki(item.lent_on),
                due=wareki(item.due_on),
                what=self.tr("予約") if item.status is LoanStatus.RESERVED else self.tr("貸出"),
            ),
            self.tr("取り消す"),
        ):
            return
        db, loan_id, version = self.ctx.db, item.id, item.version
        QueryOp(lambda: equipment_loans.cancel_loan(db, loan_id, version), parent=self).success(
            self._changed
        ).run()

    def print_slip(self) -> None:
        loan = self.current_item()
        if not isinstance(loan, LoanDTO):
            return
        from sakae_council.gui.dialogs.equipment_slip import LoanSlipDialog

        self.dialog = LoanSlipDialog(self.ctx, loan, self)
        self.dialog.open()


class InventoryList(ListPage):
    """資機材の一覧 with today's free count; 空き状況… shows an item over a period."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, QCoreApplication.translate("EquipmentPage", "資機材の一覧"), parent)
        self.dialog: Any = None
        self.search.setPlaceholderText(self.tr("資機材名・管理番号・保管場所で検索（Ctrl+F）"))
        self.new_button = self.add_button(self.tr("新規登録"), self.new_item, primary=True, name="newButton")
        self.action_bar = add_action_bar(self)
        self.lend_button = self.action_bar.add_button(
            self.tr("この資機材を貸し出す…"), self.lend_current, name="lendButton"
        )
        self.availability_button = self.action_bar.add_button(
            self.tr("空き状況…"), self.show_availability, name="availabilityButton", edits=False
        )
        self.action_bar.add_widget(
            export_button(self, lambda: self.model, self.tr("資機材の一覧"), ctx.today)
        )
        self.equipment_model = EquipmentModel(self)
        self.set_model(self.equipment_model, sort_column=0)
        self.reload()

    def district_name(self) -> str:
        return self.tr("町の資機材")  # the inventory belongs to the town, not to one district

    def reload(self) -> None:
        """The inventory with today's free counts, read on the database worker."""
        today: date = self.ctx.today()
        db, query = self.ctx.db, self.search.text()

        def load() -> tuple[list[EquipmentDTO], dict[int, int]]:
            items = equipment.list_equipment(db, query)
            return items, {
                e.id: equipment.availability(db, e.id, today, today, today).min_free for e in items
            }

        def show(answer: tuple[list[EquipmentDTO], dict[int, int]]) -> None:
            items, free = answer
            selected = self.current_item()
            self.equipment_model.free_today = free
            self.equipment_model.set_rows(items)
            self.table.resizeColumnsToContents()
            self.set_count(len(items), lambda n: self.tr("%n品目", "", n))
            if isinstance(selected, EquipmentDTO):
                self._select_loaded(lambda e: e.id == selected.id)

        self.load_in_background(load, show)

    def new_item(self) -> None:
        self.dialog = EquipmentDialog(self.ctx, None, self)
        self.dialog.saved.connect(self._saved)
        self.dialog.open()

    def edit_item(self, item: Any) -> None:
        """The editor, once the equipment is read fresh on the database worker."""
        db = self.ctx.db

        def show(fresh: EquipmentDTO) -> None:
            self.dialog = EquipmentDialog(self.ctx, fresh, self)
            self.dialog.saved.connect(self._saved)
            self.dialog.open()

        QueryOp(lambda: equipment.get_equipment(db, item.id), parent=self).success(show).run()

    def _saved(self, item: EquipmentDTO) -> None:
        self.ctx.notify(Area.EQUIPMENT)
        self.select_where(lambda e: e.id == item.id)

    def delete_item(self, item: Any) -> None:
        if not confirm(
            self,
            self.tr("資機材の削除"),
            self.tr("資機材「{name}」を削除しますか？").format(name=item.name),
            self.tr("削除"),
        ):
            return
        db, item_id, version = self.ctx.db, item.id, item.version
        QueryOp(lambda: equipment.delete_equipment(db, item_id, version), parent=self).success(
            lambda _none: self.ctx.notify(Area.EQUIPMENT)
        ).failure(lambda exc: show_error(self, exc, title=self.tr("削除できません"))).run()

    def show_availability(self) -> AvailabilityDialog:
        item = self.current_item()
        self.dialog = AvailabilityDialog(self.ctx, item.id if item is not None else None, self)
        self.dialog.open()
        return self.dialog

    def lend_current(self) -> None:
        item = self.current_item()
        open_loan_editor(self.ctx, self, self._open_loan, equipment_id=item.id if item is not None else None)

    def _open_loan(self, dialog: LoanDialog) -> None:
        self.dialog = dialog
        dialog.saved.connect(lambda _loan: self.ctx.notify(Area.EQUIPMENT))
        dialog.open()


class EquipmentPage(QWidget):
    """Two tabs, 貸出 first: lending is the everyday work."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tabs = QTabWidget(self)
        self.loans = LoansList(ctx)
        self.inventory = InventoryList(ctx)
        self.tabs.addTab(self.loans, self.tr("貸出"))
        self.tabs.addTab(self.inventory, self.tr("資機材の一覧"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.tabs.currentChanged.connect(lambda _i: self.on_shown())
        ctx.dataChanged.connect(self._data_changed)

    def _data_changed(self, area: str) -> None:
        if area in (Area.EQUIPMENT, Area.ORGANISATIONS, Area.DISTRICTS):
            self.loans.fill_items()
            self.loans.reload()
            self.inventory.reload()

    def on_shown(self) -> None:
        current = self.tabs.currentWidget()
        if isinstance(current, ListPage):
            current.on_shown()


def create_page(ctx: AppContext) -> QWidget:
    return EquipmentPage(ctx)
