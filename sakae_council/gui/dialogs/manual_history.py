"""保存履歴: every revision of one manual section (who, when, why), the difference between any two, and
bringing an older one back (as a new revision, so nothing is lost).

同時編集: bringing a revision back over a section someone else saved meanwhile shows the revision beside
what is saved now; 再読み込み lists their save (the chosen revision stays chosen), 上書き brings it back
on top, キャンセル changes nothing. Opened by :func:`open_manual_history`; the list, each difference and the
restore are read and written on the database worker.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sakae_council.domain.errors import DomainError
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.conflict import describe_last_change
from sakae_council.gui.dialogs.conflict_op import save_in_background
from sakae_council.gui.dialogs.manual_save import section_conflict_fields
from sakae_council.gui.dialogs.opening import open_with
from sakae_council.gui.formatting import date_time_text
from sakae_council.gui.models.manual_tree import display_path, revision_label
from sakae_council.gui.models.table import Column, DtoTableModel
from sakae_council.gui.ops import Generation, QueryOp
from sakae_council.gui.screen_fit import text_sized
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.data_table import DataTable
from sakae_council.gui.widgets.form import MessageLine
from sakae_council.gui.widgets.labels import MutedLabel, TitleLabel
from sakae_council.gui.widgets.markdown_diff import DiffView
from sakae_council.gui.widgets.messages import confirm, show_error
from sakae_council.services import manual, manual_history
from sakae_council.services.manual import ManualSectionDTO, RevisionDTO


def saved_at(r: RevisionDTO) -> str:
    """和暦 date and local time of a revision (stored in UTC)."""
    local = r.created_at.replace(tzinfo=UTC).astimezone()
    return date_time_text(local)


def open_manual_history(
    ctx: AppContext, section: ManualSectionDTO, parent: QWidget, show: Callable[[ManualHistoryDialog], object]
) -> None:
    """The section's 保存履歴, its revisions read on the database worker first."""
    db, section_id = ctx.db, section.id
    open_with(
        lambda: manual_history.list_revisions(db, section_id),
        lambda revisions: ManualHistoryDialog(ctx, section, parent, revisions=revisions),
        parent,
        show,
    )


class ManualHistoryDialog(QDialog):
    """``restored(ManualSectionDTO)`` after an older revision was brought back."""

    restored = Signal(object)
    #: 再読み込み after a conflict: the section as saved now.
    reloaded = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        section: ManualSectionDTO,
        parent: QWidget | None = None,
        *,
        revisions: list[RevisionDTO] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.section = section
        self._loads, self._diffs = Generation(), Generation()
        self.setWindowTitle(self.tr("保存履歴 — {title}").format(title=section.title))
        self.revisions: list[RevisionDTO] = []

        self.model: DtoTableModel[RevisionDTO] = DtoTableModel(
            [
                Column(self.tr("版"), lambda r: revision_label(r.number)),
                Column(self.tr("保存日時"), saved_at),
                Column(self.tr("保存した人"), lambda r: r.author),
                Column(self.tr("変更の要約"), lambda r: r.summary, tooltip=lambda r: r.summary),
            ],
            self,
        )
        self.table = DataTable(self)
        self.table.setObjectName("revisionTable")
        self.table.setModel(self.model)
        self.table.activatedRow.connect(lambda _row: self.restore_selected())

        self.older = ChoiceCombo()
        self.older.setObjectName("compareFrom")
        self.older.setAccessibleName(self.tr("比較元の版"))
        self.newer = ChoiceCombo()
        self.newer.setObjectName("compareTo")
        self.newer.setAccessibleName(self.tr("比較先の版"))
        self.diff = DiffView(self)
        self.diff_summary = MutedLabel("", self)
        self.error = MessageLine("error", self)
        self.conflict_note = MessageLine("warning", self)
        self.conflict_note.setObjectName("conflictNote")
        compare = QHBoxLayout()
        compare.addWidget(QLabel(self.tr("比較:")))
        compare.addWidget(self.older)
        compare.addWidget(QLabel(self.tr("→")))
        compare.addWidget(self.newer)
        compare.addStretch(1)
        compare.addWidget(self.diff_summary)
        self.older.currentIndexChanged.connect(lambda _i: self.show_diff())
        self.newer.currentIndexChanged.connect(lambda _i: self.show_diff())

        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(compare)
        lower_layout.addWidget(self.diff, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(1, 2)

        self.restore_button = QPushButton(self.tr("選んだ版に戻す…"), self)
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setToolTip(self.tr("選んだ版の見出しと本文を、新しい版として保存し直します"))
        self.restore_button.clicked.connect(self.restore_selected)
        close = QPushButton(self.tr("閉じる"), self)
        close.setAutoDefault(False)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(close, QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(TitleLabel(display_path(section.path), self, factor=1.15))
        layout.addWidget(self.error)
        layout.addWidget(self.conflict_note)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.resize(text_sized(self, 52, 34))  # within the screen (at 特大 it was 816 high on a 768 laptop)
        if revisions is None:  # read here when the caller did not read them on the worker
            revisions = manual_history.list_revisions(ctx.db, section.id)
        self.show_revisions(revisions)

    # --- loading ------------------------------------------------------------------------------
    def reload(self, then: Callable[[], None] | None = None) -> None:
        """Read the revisions again on the database worker (``then()`` once they are shown)."""
        db, section_id = self.ctx.db, self.section.id

        def shown(revisions: list[RevisionDTO]) -> None:
            self.show_revisions(revisions)
            if then is not None:
                then()

        QueryOp(lambda: manual_history.list_revisions(db, section_id), parent=self).latest(
            self._loads
        ).success(shown).run()

    def show_revisions(self, revisions: list[RevisionDTO]) -> None:
        self.revisions = revisions
        self.model.set_rows(list(reversed(self.revisions)))  # newest first
        self.table.resizeColumnsToContents()
        items = [
            (
                self.tr("{label}（{summary}）").format(label=revision_label(r.number), summary=r.summary),
                r.number,
            )
            for r in self.revisions
        ]
        for combo in (self.older, self.newer):
            combo.blockSignals(True)
            combo.set_items(items)
            combo.blockSignals(False)
        if self.revisions:
            self.newer.set_value(self.revisions[-1].number)
            self.older.set_value(
                self.revisions[-2].number if len(self.revisions) > 1 else self.revisions[-1].number
            )
            self.table.select_row(0)
        self.restore_button.setEnabled(len(self.revisions) > 1)
        self.show_diff()

    def compare(self, older: int, newer: int) -> None:
        """Show the difference from revision ``older`` to ``newer``."""
        self.older.set_value(older)
        self.newer.set_value(newer)
        self.show_diff()

    def show_diff(self) -> None:
        a, b = self.older.value(), self.newer.value()
        if a is None or b is None:
            self.diff.clear()
            self.diff_summary.clear()
            return
        db, section_id = self.ctx.db, self.section.id

        def show(diff: list[str]) -> None:
            self.diff.set_diff(diff)
            self.diff_summary.setText(self.diff.summary())

        QueryOp(lambda: manual_history.diff_revisions(db, section_id, a, b), parent=self).latest(
            self._diffs
        ).success(show).failure(self._show_failure).run()

    def _show_failure(self, exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            self.error.show_message(exc.message)
        else:
            show_error(self, exc)

    def _reloaded(self, current: ManualSectionDTO, number: int) -> None:
        self.section = current
        self.reload(
            lambda: self.table.select_row(
                next((i for i, r in enumerate(self.model.rows()) if r.number == number), 0)
            )
        )
        self.reloaded.emit(current)

    def selected_revision(self) -> RevisionDTO | None:
        return self.model.row_at(self.table.current_row())

    # --- restoring ----------------------------------------------------------------------------
    def restore_selected(self) -> None:
        rev = self.selected_revision()
        if rev is None:
            return
        if not confirm(
            self,
            self.tr("版を戻す"),
            self.tr(
                "「{title}」を{label}（{summary}）の内容に戻しますか？\n"
                "今の内容も履歴に残るので、後からまた戻せます。"
            ).format(title=self.section.title, label=revision_label(rev.number), summary=rev.summary),
            self.tr("戻す"),
        ):
            return
        self.restore(rev.number)

    def restore(self, number: int) -> None:
        """Bring revision ``number`` back (no question asked), on the database worker; ``restored`` when done."""
        self.error.clear()
        self.conflict_note.clear()
        db, section_id = self.ctx.db, self.section.id
        old = next((r for r in self.revisions if r.number == number), None)
        if old is None:
            return

        def failed(exc: BaseException) -> None:
            if isinstance(exc, DomainError):
                self.error.show_message(exc.message)
            show_error(self, exc, title=self.tr("戻せませんでした"))

        save_in_background(
            self,
            write=lambda version: manual_history.restore_revision(db, section_id, number, version),
            version=self.section.version,
            what=self.tr("マニュアルの項目"),
            load_current=lambda: manual.get_section(db, section_id),
            fields=section_conflict_fields(),
            mine={"title": old.title, "body": old.body},
            on_reload=lambda current: self._reloaded(current, number),
            show_note=self.conflict_note.show_message,
            keeps_input=True,  # the chosen revision stays chosen, to bring back after a look
            changed_by=lambda: describe_last_change(db, "manual_section", section_id),
            mine_heading=self.tr("戻そうとした版（{label}）").format(label=revision_label(number)),
            done=self._restored,
            failed=failed,
            stopped=lambda: None,  # キャンセル, or 再読み込み showed what is saved now
        )

    def _restored(self, dto: ManualSectionDTO) -> None:
        self.section = dto
        self.reload()
        self.restored.emit(dto)
