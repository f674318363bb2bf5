"""章・節の追加: a new chapter (at the end of the manual) or section (at the end of its chapter); 追加 writes on
the database worker."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.base import EntityDialog, SaveRequest
from sakae_council.gui.models.manual_tree import display_path
from sakae_council.services import manual
from sakae_council.services.manual import ManualSectionDTO


class ManualSectionDialog(EntityDialog):
    """``parent_section`` None adds a chapter; otherwise a section below it. ``saved`` carries the new DTO."""

    def __init__(
        self, ctx: AppContext, parent_section: ManualSectionDTO | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("章を追加") if parent_section is None else self.tr("節を追加"), parent)
        self.ctx = ctx
        self.parent_section = parent_section
        if parent_section is None:
            text = self.tr("マニュアルの最後に新しい章を加えます。章の番号は並び順で自動的に付きます。")
        else:
            text = self.tr("「{path}」の最後に新しい節を加えます。").format(
                path=display_path(parent_section.path)
            )
        where = QLabel(text)
        where.setWordWrap(True)
        self.form.add_widget(where)
        self.title = QLineEdit()
        self.title.setMaxLength(manual.MAX_TITLE)
        self.title.setPlaceholderText(
            self.tr("例: 協働事業の広報") if parent_section is None else self.tr("例: 8-1 広報紙への掲載")
        )
        self.form.add_field("title", self.tr("見出し"), self.title, required=True)
        self.save_button.setText(self.tr("追加"))
        self.fit_to_screen(30)

    def save_request(self) -> SaveRequest:
        parent_id = self.parent_section.id if self.parent_section is not None else None
        db, title = self.ctx.db, self.title.text()
        return SaveRequest(lambda _v: manual.create_section(db, parent_id, title, "", "新規作成"))
