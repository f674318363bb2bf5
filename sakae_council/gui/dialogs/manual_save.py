"""マニュアルの保存: every save asks what was changed and why, in one line; it becomes the revision's summary.

同時編集: when someone else saved the section first, the two versions are compared (見出し, 本文).
再読み込み closes this dialog and ``reloaded(section, note)`` tells the page to show the saved version
with the note listing what the user had typed; 上書き saves on top as a new 版; キャンセル keeps it all.
The save, and the reads of the conflict, run on the database worker.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from sakae_council.domain.errors import ValidationError
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.base import EntityDialog, SaveRequest
from sakae_council.gui.dialogs.conflict import ConflictField
from sakae_council.gui.models.manual_tree import display_path
from sakae_council.services import manual
from sakae_council.services.manual import ManualSectionDTO


def section_conflict_fields() -> list[ConflictField]:
    """What the conflict dialog compares of a manual section."""
    return [
        ConflictField("title", QCoreApplication.translate("ManualPage", "見出し")),
        ConflictField("body", QCoreApplication.translate("ManualPage", "本文")),
    ]


class ManualSaveDialog(EntityDialog):
    """Saves ``title`` and ``body`` of ``section`` as a new revision; ``saved`` carries the new DTO."""

    #: 再読み込み after a conflict: (the section as saved now, what to tell the user).
    reloaded = Signal(object, str)

    def __init__(
        self, ctx: AppContext, section: ManualSectionDTO, title: str, body: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("変更を保存"), parent)
        self.ctx = ctx
        self.section = section
        self.title_text = title
        self.body_text = body
        where = QLabel(
            self.tr("「{path}」を第{number}版として保存します。").format(
                path=display_path(section.path), number=section.revision + 1
            )
        )
        where.setWordWrap(True)
        self.form.add_widget(where)
        self.summary = QLineEdit()
        self.summary.setMaxLength(manual.MAX_SUMMARY)
        self.summary.setPlaceholderText(self.tr("例: 連絡先の課名を更新"))
        self.form.add_field(
            "summary",
            self.tr("変更の要約（1行）"),
            self.summary,
            required=True,
            hint=self.tr("何をなぜ変えたかを短く書きます。履歴の一覧に表示されます。"),
        )
        self.save_button.setText(self.tr("保存"))
        self.fit_to_screen(30)

    def show_field_error(self, error: ValidationError) -> None:
        # Title and body are typed on the page, not here: say which one and keep the dialog open.
        if error.field in ("title", "body"):
            self.show_general_error(error.message)
            return
        super().show_field_error(error)

    def save_request(self) -> SaveRequest:
        db, section_id, summary = self.ctx.db, self.section.id, self.summary.text()
        title, body = self.title_text, self.body_text
        return self.request_update(
            self.section,
            lambda version: manual.save_section(db, section_id, title, body, summary, version),
            db=db,
            entity="manual_section",
            what=self.tr("マニュアルの項目"),
            load=lambda: manual.get_section(db, section_id),
            mine={"title": self.title_text, "body": self.body_text},
            fields=section_conflict_fields(),
        )

    def fill(self, record: ManualSectionDTO) -> None:
        self.section = record  # 再読み込み: the title and body live on the page, not in this dialog

    def show_conflict_note(self, message: str) -> None:
        # The page shows the saved version and the note; the summary belonged to the replaced text.
        self.reloaded.emit(self.section, message)
        self.close_quietly()
