"""宿題事項: this meeting's action items, and the open ones carried over from the body's earlier meetings.

完了 of a carried item that someone else changed meanwhile (its meeting's minutes saved, or already 完了)
meets the two-version dialog: 再読み込み shows the list as saved, 上書き completes it as saved now (not
offered when it is already 完了), キャンセル leaves it. The 完了 and the list read after it run on the
database worker.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from sakae_council.domain.areas import Area
from sakae_council.domain.enums import ActionStatus
from sakae_council.domain.errors import DomainError
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.conflict import ConflictField, describe_last_change, dto_values
from sakae_council.gui.dialogs.conflict_op import save_in_background
from sakae_council.gui.dialogs.meeting_items import ActionItemDialog
from sakae_council.gui.dialogs.meeting_widgets import RowsEditor
from sakae_council.gui.models.meeting_tables import ActionsModel, CarriedModel
from sakae_council.gui.ops import QueryOp
from sakae_council.gui.widgets.data_table import DataTable
from sakae_council.gui.widgets.form import MessageLine
from sakae_council.gui.widgets.labels import MutedLabel
from sakae_council.gui.widgets.messages import show_error
from sakae_council.services import action_items, meetings
from sakae_council.services.meetings import ActionItemDTO, MeetingDetailDTO
from sakae_council.services.minutes import ActionItemInput


class ActionsSection(QWidget):
    """Edits this meeting's action items; marks carried ones 完了 at once (they stop being carried)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting_id: int | None = None
        self.dialog: ActionItemDialog | None = None
        self.editor = RowsEditor(
            self.tr("この会議で決まった宿題事項（内容・担当・期限）"),
            ActionsModel(self),
            self._open,
            add_text=self.tr("宿題事項を追加"),
            visible_rows=4,
            parent=self,
        )
        self.carried_model = CarriedModel(self)
        self.carried = DataTable(self)
        self.carried.setModel(self.carried_model)
        self.carried.setObjectName("carried")
        carried_title = QLabel(self.tr("前回までの会議から続いている宿題事項"), self)
        carried_title.setBuddy(self.carried)
        self.carried_hint = MutedLabel(self.tr("完了するまで、同じ会議体の次の会議に表示されます。"), self)
        self.complete_button = QPushButton(self.tr("選んだ宿題事項を完了にする"), self)
        self.complete_button.setAutoDefault(False)
        self.carried_error = MessageLine("error", self)
        self.carried_note = MessageLine("warning", self)
        self.carried_note.setObjectName("conflictNote")
        row = QHBoxLayout()
        row.addWidget(self.complete_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.editor)
        layout.addSpacing(8)
        layout.addWidget(carried_title)
        layout.addWidget(self.carried_hint)
        layout.addWidget(self.carried)
        layout.addLayout(row)
        layout.addWidget(self.carried_error)
        layout.addWidget(self.carried_note)
        self.carried.setMinimumHeight(
            self.carried.horizontalHeader().sizeHint().height()
            + 4 * self.carried.verticalHeader().defaultSectionSize()
            + 6
        )
        self.complete_button.clicked.connect(self.complete_current)

    def set_detail(self, d: MeetingDetailDTO) -> None:
        self.meeting_id = d.id
        self.editor.set_items(
            [
                ActionItemInput(content=a.content, assignee=a.assignee, due_on=a.due_on, id=a.id)
                for a in d.action_items
            ]
        )
        self._show_carried(d)

    def _show_carried(self, d: MeetingDetailDTO, keep: int | None = None) -> None:
        """The carried items; ``keep`` stays selected (after 再読み込み) while it is still carried."""
        self.carried_model.set_rows(d.carried_action_items)
        self.carried.resizeColumnsToContents()
        self.complete_button.setEnabled(bool(d.carried_action_items))
        row = self.carried_model.row_of(lambda a: a.id == keep) if keep is not None else -1
        if row >= 0:
            self.carried.select_row(row)

    def _open(self, row: int, item: Any) -> None:
        self.dialog = ActionItemDialog(item, self)
        self.dialog.saved.connect(lambda result: self.editor.store(row, result))
        self.dialog.open()

    def items(self) -> tuple[ActionItemInput, ...]:
        return self.editor.items()

    def complete_current(self) -> None:
        item = self.carried_model.row_at(self.carried.current_row())
        self.carried_error.clear()
        self.carried_note.clear()
        if item is None or self.meeting_id is None:
            self.carried_error.show_message(self.tr("完了にする宿題事項を一覧から選んでください。"))
            return
        db, meeting_id, today = self.ctx.db, self.meeting_id, self.ctx.today()

        def show_list(keep: int | None = None) -> None:
            QueryOp(lambda: meetings.get_meeting(db, meeting_id), parent=self).success(
                lambda d: self._show_carried(d, keep=keep)
            ).run()

        def done(_dto: ActionItemDTO) -> None:
            show_list()
            self.ctx.notify(Area.MEETINGS)

        def failed(exc: BaseException) -> None:
            self.complete_button.setEnabled(True)
            if isinstance(exc, DomainError):
                self.carried_error.show_message(exc.message)
            else:
                show_error(self, exc)

        self.complete_button.setEnabled(False)  # one 完了 at a time; the list read after it enables it again
        save_in_background(
            self,
            write=lambda version: action_items.complete_action_item(db, item.id, today, version),
            version=item.version,
            what=self.tr("宿題事項"),
            load_current=lambda: action_items.get_action_item(db, item.id),
            fields=self._conflict_fields(),
            mine=dto_values(item),
            on_reload=lambda current: show_list(keep=current.id),
            show_note=self.carried_note.show_message,
            keeps_input=True,
            changed_by=lambda: describe_last_change(db, "action_item", item.id, ("meeting", item.meeting_id)),
            refuse_overwrite=lambda current: (
                self.tr("この宿題事項は、ほかの人がすでに完了にしています。")
                if current.status is ActionStatus.DONE
                else ""
            ),
            mine_heading=self.tr("あなたが見ていた内容"),
            done=done,
            failed=failed,
            stopped=lambda: self.complete_button.setEnabled(self.carried_model.rowCount() > 0),
        )

    def _conflict_fields(self) -> list[ConflictField]:
        return [
            ConflictField("content", self.tr("内容")),
            ConflictField("assignee", self.tr("担当")),
            ConflictField("due_on", self.tr("期限")),
            ConflictField("status", self.tr("状況")),
        ]

    def show_error(self, index: int, message: str) -> None:
        self.editor.show_error(index, message)

    def clear_errors(self) -> None:
        self.editor.error.clear()
        self.carried_error.clear()

    def set_editable(self, editable: bool) -> None:
        self.editor.set_editable(editable)
