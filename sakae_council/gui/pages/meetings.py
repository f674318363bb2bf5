"""会議・議事録 page: meetings by body (each district council, the 連絡会, a 部会) and 年度.

Enter opens the editor; 新規登録 numbers the meeting 第N回 of its body and 年度 automatically;
印刷… prints the chosen meeting's 次第, 出席簿 or 議事録; カレンダーに書き出す… saves the upcoming
meetings as an iCalendar file for the staff's calendars; 書き出し… saves the list (every matching
meeting) as .xlsx or CSV. The list pages through the database (services.meeting_list): filters, search
and the header's sort run in SQL, and only the rows scrolled to are loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from sakae_council.domain.areas import Area
from sakae_council.domain.enums import MinutesStatus
from sakae_council.domain.errors import DomainError
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.meeting_editor import MeetingEditor
from sakae_council.gui.dialogs.meeting_new import open_new_meeting
from sakae_council.gui.dialogs.meeting_open import open_meeting_editor, open_meeting_print, open_replies
from sakae_council.gui.formatting import fiscal_year_text, meeting_title, wareki
from sakae_council.gui.models.meeting_tables import MeetingsModel
from sakae_council.gui.ops import Generation, QueryOp
from sakae_council.gui.widgets.action_bar import add_action_bar
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.export import export_button
from sakae_council.gui.widgets.list_page import SELECT_AFTER_SAVE_ROWS, ListPage
from sakae_council.gui.widgets.messages import confirm, show_error
from sakae_council.gui.widgets.print_key import add_print_action
from sakae_council.services import meeting_bodies, meeting_list, meeting_queries, meetings
from sakae_council.services.meeting_bodies import BodyDTO
from sakae_council.services.meeting_list import MeetingFilter, MeetingSort
from sakae_council.services.meetings import MeetingDetailDTO
from sakae_council.services.output_files import replacing_file


class MeetingsPage(ListPage):
    """The meetings list (see ListPage for the layout and keys)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, QCoreApplication.translate("MeetingsPage", "会議・議事録"), parent)
        self.dialog: QDialog | None = None
        self.bodies: list[BodyDTO] = []
        self._fitted_to: MeetingFilter | None = None
        self.search.setPlaceholderText(self.tr("会議体・場所・回で検索（Ctrl+F）"))
        self.body_filter = ChoiceCombo()
        self.year_filter = ChoiceCombo()
        self.status_filter = ChoiceCombo(
            [(self.tr("下書きも確定も"), None)]
            + [(QCoreApplication.translate("MinutesStatus", s.label), s) for s in MinutesStatus]
        )
        for name, widget, label in (
            ("bodyFilter", self.body_filter, self.tr("会議体で絞り込み")),
            ("yearFilter", self.year_filter, self.tr("年度で絞り込み")),
            ("statusFilter", self.status_filter, self.tr("議事録の状態で絞り込み")),
        ):
            widget.setObjectName(name)
            widget.setAccessibleName(label)
            widget.currentIndexChanged.connect(lambda _i: self.reload())
            self.add_filter(widget)
        self.ics_button = self.add_button(
            self.tr("カレンダーに書き出す…"), self.export_calendar, name="icsButton"
        )
        self.print_button = self.add_button(self.tr("印刷…"), self.print_current, name="printButton")
        add_print_action(self, self.print_button)
        self.new_button = self.add_button(self.tr("新規登録"), self.new_item, primary=True, name="newButton")
        self.action_bar = add_action_bar(self)
        self.replies_button = self.action_bar.add_button(
            self.tr("出欠回答…"), self.enter_replies, name="repliesButton"
        )
        self.notice_button = self.action_bar.add_button(
            self.tr("開催通知を印刷…"), self.print_notice, name="noticeButton", edits=False
        )
        self.labels_button = self.action_bar.add_button(
            self.tr("宛名ラベルを印刷…"), self.print_labels, name="labelsButton", edits=False
        )
        self.action_bar.add_widget(export_button(self, lambda: self.model, self._title, ctx.today))
        self.meetings_model = MeetingsModel(self)
        self.set_paged_model(self.meetings_model, sort_column=0, descending=True)  # newest first
        ctx.dataChanged.connect(self._data_changed)
        self._filter_loads = Generation()
        ctx.districtChanged.connect(lambda _d: self._load_filters())
        self._load_filters()

    # --- loading --------------------------------------------------------------------------------
    def _load_filters(self) -> None:
        """Bodies of the chosen district (all bodies for 全学区) and the 年度 that have meetings, read on the
        database worker; the list is loaded again once they are in place."""
        db, district_id = self.ctx.db, self.ctx.district_id

        def failed(exc: BaseException) -> None:
            show_error(self, exc)
            self.reload()  # the list with the filters as they were

        self.expect_load()
        QueryOp(
            lambda: (
                meeting_bodies.list_bodies(db, district_id=district_id),
                meeting_queries.fiscal_years(db),
            ),
            parent=self,
        ).latest(self._filter_loads).success(self._show_filters).failure(failed).run()

    def _show_filters(self, answer: tuple[list[BodyDTO], list[int]]) -> None:
        self.bodies, years = answer
        for combo, items in (
            (self.body_filter, [(self.tr("すべての会議体"), None)] + [(b.name, b.id) for b in self.bodies]),
            (
                self.year_filter,
                [(self.tr("すべての年度"), None)] + [(fiscal_year_text(y), y) for y in years],
            ),
        ):
            if [(combo.itemText(i), combo.value_at(i)) for i in range(combo.count())] != items:
                combo.blockSignals(True)
                combo.set_items(items)
                combo.blockSignals(False)
        self.reload()

    def meeting_filter(self) -> MeetingFilter:
        return MeetingFilter(
            district_id=self.ctx.district_id,
            body_id=self.body_filter.value(),
            fiscal_year=self.year_filter.value(),
            status=self.status_filter.value(),
            query=self.search.text(),
            sort=cast(MeetingSort, self.sort_key),
            descending=self.sort_descending,
        )

    def reload(self) -> None:
        flt = self.meeting_filter()
        db = self.ctx.db

        def fit() -> None:
            # Columns fit the first rows of each new list (a few dozen are measured, so this is cheap), but a
            # refresh of the same list (a save, another user's change) leaves widths the user set alone.
            if flt != self._fitted_to and self.meetings_model.rowCount():
                self.table.resizeColumnsToContents()
                self._fitted_to = flt

        self.show_paged(
            self.meetings_model,
            lambda offset, limit: meeting_list.list_meetings(db, flt, limit=limit, offset=offset),
            lambda: meeting_list.count_meetings(db, flt),
            flt,
            lambda n: self.tr("%n件", "", n),
            then=fit,
        )

    def _data_changed(self, area: str) -> None:
        if area in (Area.MEETINGS, Area.PEOPLE, Area.DISTRICTS):
            self._load_filters()

    # --- editing --------------------------------------------------------------------------------
    def new_item(self) -> None:
        open_new_meeting(self.ctx, self.bodies, self.body_filter.value(), self, self._show_new)

    def _show_new(self, dialog: QDialog) -> None:
        dialog.saved.connect(self._created)  # type: ignore[attr-defined]
        self.dialog = dialog
        dialog.open()

    def _created(self, detail: MeetingDetailDTO) -> None:
        self.ctx.notify(Area.MEETINGS)
        self._select_meeting(detail.id)
        open_meeting_editor(self.ctx, detail.id, self, self._show_editor)

    def _select_meeting(self, meeting_id: int) -> None:
        """Select a just-saved meeting, loading further batches if the list sorts it far down."""
        self.select_where(lambda m: m.id == meeting_id, fetch_up_to=SELECT_AFTER_SAVE_ROWS)

    def edit_item(self, item: Any) -> None:
        # read fresh on the worker: a meeting deleted meanwhile is said (and the list loads again)
        open_meeting_editor(self.ctx, item.id, self, self._show_editor, failed=self._open_failed)

    def open_editor(self, detail: MeetingDetailDTO) -> MeetingEditor:
        """The editor of ``detail`` (its 版 and replies are read on the worker as it opens)."""
        return self._show_editor(MeetingEditor(self.ctx, detail, self))

    def _show_editor(self, editor: MeetingEditor) -> MeetingEditor:
        editor.saved.connect(lambda d: self._select_meeting(d.id))
        self.dialog = editor
        editor.open()
        return editor

    def delete_item(self, item: Any) -> None:
        if item.status is not MinutesStatus.DRAFT:
            show_error(
                self,
                DomainError(
                    self.tr("「{title}」は議事録が確定しているため削除できません。").format(
                        title=meeting_title(item)
                    )
                ),
            )
            return
        if not confirm(
            self,
            self.tr("会議の削除"),
            self.tr(
                "「{title}」（{date}）を、出欠・議題・議事録ごと削除しますか？\nこの操作は元に戻せません。"
            ).format(title=meeting_title(item), date=wareki(item.held_on)),
            self.tr("削除"),
        ):
            return
        db = self.ctx.db
        QueryOp(lambda: meetings.delete_meeting(db, item.id, item.version), parent=self).success(
            lambda _r: self.ctx.notify(Area.MEETINGS)
        ).run()

    # --- printing and calendar ------------------------------------------------------------------
    def print_current(self) -> None:
        item = self.current_item()
        if item is None:
            show_error(self, DomainError(self.tr("印刷する会議を一覧から選んでください。")))
            return
        document = "minutes" if item.held_on <= self.ctx.today() else "agenda"
        open_meeting_print(self.ctx, item.id, self, self._show, self._open_failed, document=document)

    def _show(self, dialog: QDialog) -> QDialog:
        self.dialog = dialog
        dialog.open()
        return dialog

    def _open_for_chosen(self, open_: Callable[..., None], show: Callable[[QDialog], object]) -> None:
        """``open_(ctx, id, page, show)`` for the chosen meeting: its data is read on the worker, and a
        meeting gone meanwhile is said plainly (then the list loads again)."""
        item = self.current_item()
        if item is None:
            show_error(self, DomainError(self.tr("会議を一覧から選んでください。")))
            return
        open_(self.ctx, item.id, self, show, failed=self._open_failed)

    def _open_failed(self, exc: BaseException) -> None:
        show_error(self, exc)
        if isinstance(exc, DomainError):  # the meeting was deleted meanwhile, say: the list shows that
            self.reload()

    def enter_replies(self) -> None:
        """出欠回答…: the slips of the chosen meeting's notice."""

        def show(dialog: QDialog) -> None:
            dialog.saved.connect(lambda _r: self.ctx.notify(Area.MEETINGS))  # type: ignore[attr-defined]
            self._show(dialog)

        self._open_for_chosen(open_replies, show)

    def print_notice(self) -> None:
        from sakae_council.gui.dialogs.notice_print import open_notice_print

        self._open_for_chosen(open_notice_print, self._show)

    def print_labels(self) -> None:
        from sakae_council.gui.dialogs.labels_print import open_labels_print

        self._open_for_chosen(open_labels_print, self._show)

    def export_calendar(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(
            Path.home()
        )
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("カレンダーに書き出す"),
            str(Path(folder) / self.tr("会議予定.ics")),
            self.tr("iCalendar (*.ics)"),
        )
        if path:
            self.write_calendar(path)

    def write_calendar(self, path: str | Path) -> None:
        """Write the upcoming meetings (of the chosen district) to ``path`` on the database worker; then say
        how many were written (a box named ``calendarBox``) or what went wrong."""
        db, today, district_id = self.ctx.db, self.ctx.today(), self.ctx.district_id

        def write() -> int:
            text = meeting_queries.upcoming_ics(db, today, district_id=district_id)
            with replacing_file(path) as partial:  # owner-only, and only once complete, as every export
                partial.write_text(text, encoding="utf-8", newline="")
            return text.count("BEGIN:VEVENT")

        QueryOp(write, parent=self).success(lambda count: self._calendar_written(path, count)).failure(
            self._calendar_failed
        ).run()

    def _calendar_failed(self, exc: BaseException) -> None:
        if isinstance(exc, OSError):
            exc = DomainError(
                self.tr("カレンダーのファイルを保存できませんでした。保存先を確かめてください。")
            )
        show_error(self, exc)

    def _calendar_written(self, path: str | Path, count: int) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("カレンダーに書き出しました"),
            self.tr(
                "これからの会議%n件を書き出しました。職員のカレンダーに取り込めます。\n{path}", "", count
            ).format(path=path),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("calendarBox")
        box.open()


def create_page(ctx: AppContext) -> QWidget:
    return MeetingsPage(ctx)
