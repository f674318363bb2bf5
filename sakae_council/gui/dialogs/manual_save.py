"""マニュアルの保存: every save asks what was changed and why, in one line; it becomes the revision's summary."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from sakae_council.domain.errors import ValidationError
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.base import EntityDialog
from sakae_council.gui.models.manual_tree import display_path
from sakae_council.services import manual
from sakae_council.services.manual import ManualSectionDTO


class ManualSaveDialog(EntityDialog):
    """Saves ``title`` and ``body`` of ``section`` as a new revision; ``saved`` carries the new DTO."""

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

    def save(self) -> ManualSectionDTO:
        return manual.save_section(
            self.ctx.db,
            self.section.id,
            self.title_text,
            self.body_text,
            self.summary.text(),
            self.section.version,
        )
