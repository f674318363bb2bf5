"""The open section of the 協働マニュアル: its place (章 › 節), 見出し and Markdown text with the preview, the
revision it is at, 保存… and 保存履歴…, and whether anything typed is unsaved. ManualPage opens sections
into it and runs the saves it asks for."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from sakae_council.gui.dialogs.manual_history import saved_at
from sakae_council.gui.models.manual_tree import display_path, revision_label
from sakae_council.gui.pages.manual_outline import page_button
from sakae_council.gui.palette import WARNING_TEXT, set_text_colour
from sakae_council.gui.text_size import bold_font
from sakae_council.gui.widgets.conflict_note import ConflictNoteBox
from sakae_council.gui.widgets.labels import MutedLabel
from sakae_council.gui.widgets.markdown_editor import MarkdownEditor
from sakae_council.services import manual
from sakae_council.services.manual import ManualSectionDTO


class SectionEditor(QWidget):
    """``current`` is the section shown (None: nothing chosen yet)."""

    saveRequested = Signal()
    historyRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.current: ManualSectionDTO | None = None
        self.path_label = MutedLabel("", self)
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("sectionTitle")
        self.title_edit.setMaxLength(manual.MAX_TITLE)
        self.title_edit.textEdited.connect(lambda _t: self.update_dirty())
        title_caption = QLabel(self.tr("見出し"), self)
        title_caption.setBuddy(self.title_edit)
        self.editor = MarkdownEditor(self, toggle_in_toolbar=False)
        self.editor.modificationChanged.connect(lambda _m: self.update_dirty())
        self.info_label = MutedLabel("", self)
        self.dirty_label = QLabel(self.tr("● 保存していない変更があります"), self)
        set_text_colour(self.dirty_label, WARNING_TEXT)
        self.dirty_label.hide()
        self.status = MutedLabel("", self)
        self.status.setObjectName("status")
        self.conflict_note = ConflictNoteBox(self)
        self.history_button = page_button(
            self, self.tr("保存履歴…"), self.historyRequested.emit, "historyButton"
        )
        self.save_button = page_button(self, self.tr("保存…"), self.saveRequested.emit, "saveButton")
        self.save_button.setFont(bold_font())

        bottom = QHBoxLayout()
        bottom.addWidget(self.dirty_label)
        bottom.addWidget(self.info_label, 1)
        bottom.addWidget(self.history_button)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_label, 1)
        path_row.addWidget(self.editor.show_preview, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(path_row)
        title_row = QHBoxLayout()
        title_row.addWidget(title_caption)
        title_row.addWidget(self.title_edit, 1)
        layout.addLayout(title_row)
        layout.addWidget(self.editor, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.status)
        layout.addWidget(self.conflict_note)

    def show_section(self, dto: ManualSectionDTO, revision: manual.RevisionDTO | None) -> None:
        """Put ``dto``'s saved text in the editor (what was typed is replaced) with its latest revision."""
        self.current = dto
        self.path_label.setText(display_path(dto.path))
        self.title_edit.setText(dto.title)
        self.editor.set_text(dto.body)
        self.status.clear()
        self.conflict_note.clear()
        self._show_revision(revision)
        for w in (self.title_edit, self.editor, self.history_button):
            w.setEnabled(True)
        self.update_dirty()

    def keep_section(self, dto: ManualSectionDTO) -> None:
        """The open section as the tree now has it (moved, renumbered), keeping what is typed."""
        self.current = dto
        self.path_label.setText(display_path(dto.path))

    def show_none(self) -> None:
        self.current = None
        self.path_label.setText(self.tr("左の一覧から章や節を選ぶと、ここで編集できます。"))
        self.title_edit.clear()
        self.editor.set_text("")
        self.info_label.clear()
        for w in (self.title_edit, self.editor, self.history_button, self.save_button):
            w.setEnabled(False)
        self.update_dirty()

    def _show_revision(self, rev: manual.RevisionDTO | None) -> None:
        if rev is None:
            self.info_label.clear()
            return
        self.info_label.setText(
            self.tr("{label}・{when}・{author}「{summary}」").format(
                label=revision_label(rev.number), when=saved_at(rev), author=rev.author, summary=rev.summary
            )
        )

    def is_dirty(self) -> bool:
        return self.current is not None and (
            self.editor.is_modified() or self.title_edit.text() != self.current.title
        )

    def update_dirty(self) -> None:
        dirty = self.is_dirty()
        self.dirty_label.setVisible(dirty)
        self.save_button.setEnabled(dirty)
