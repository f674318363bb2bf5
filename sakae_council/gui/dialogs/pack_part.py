"""総会議案書の文案: edit one part of the pack (第1号議案 …) before printing.

The edit is kept with the pack (per council and 年度), never written into the records; 「自動作成に戻す」
puts the text made from the records back into the editor, and saving it drops the kept edit. 保存 writes
on the database worker.
"""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget

from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.base import EntityDialog, SaveRequest
from sakae_council.gui.widgets.text_edit import NoteEdit
from sakae_council.services import general_meeting
from sakae_council.services.general_meeting import PartText


class PackPartDialog(EntityDialog):
    """One part's text; 保存 keeps it with the pack, 自動作成に戻す restores the records' text."""

    def __init__(
        self,
        ctx: AppContext,
        district_id: int,
        fiscal_year: int,
        part: PartText,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("{part}の文案").format(part=part.title), parent)
        self.ctx = ctx
        self.district_id = district_id
        self.fiscal_year = fiscal_year
        self.part = part
        self.text_edit = NoteEdit(18, self)
        self.text_edit.setText(part.text)
        self.form.add_field(
            "text",
            self.tr("本文"),
            self.text_edit,
            hint=self.tr(
                "「■」で始まる行は見出し、「｜」で区切った行は表（最初の行が見出し行）になります。"
                "ここでの修正は議案書だけに残り、名簿や事業の記録は変わりません。"
            ),
        )
        self.reset_button = QPushButton(self.tr("自動作成に戻す"), self)
        self.reset_button.setObjectName("resetButton")
        self.reset_button.setAutoDefault(False)
        self.reset_button.clicked.connect(lambda: self.text_edit.setText(part.generated))
        self.buttons_row.insertWidget(0, self.reset_button)
        self.fit_to_screen(48)

    def save_request(self) -> SaveRequest:
        text, p = self.text_edit.text(), self.part
        db, district_id, fiscal_year = self.ctx.db, self.district_id, self.fiscal_year

        def write(_version: object) -> PartText:
            if text.strip() == p.generated.strip():
                general_meeting.reset_part_text(db, district_id, fiscal_year, p.part)
                return PartText(p.part, p.title, p.generated, p.generated, False, None)
            version = general_meeting.save_part_text(db, district_id, fiscal_year, p.part, text, p.version)
            return PartText(p.part, p.title, text, p.generated, True, version)

        return SaveRequest(write)
