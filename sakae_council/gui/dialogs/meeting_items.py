"""One agenda item (議題) and one action item (宿題事項), edited in the meeting editor before it saves."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from sakae_council.domain.enums import AgendaKind, AgendaResult
from sakae_council.domain.errors import ValidationError
from sakae_council.gui.dialogs.base import EntityDialog
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.date_edit import WarekiDateEdit
from sakae_council.services.meeting_queries import check_agenda_item
from sakae_council.services.minutes import ActionItemInput, AgendaItemInput


def kind_label(kind: AgendaKind) -> str:
    return QCoreApplication.translate("AgendaKind", kind.label)


def result_label(result: AgendaResult) -> str:
    if result is AgendaResult.NONE:
        return QCoreApplication.translate("AgendaResult", "（なし・報告のみ）")
    return QCoreApplication.translate("AgendaResult", result.label)


def _votes() -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, 999)
    box.setSpecialValueText(" ")  # 0 shown blank: "not counted" until a number is entered
    return box


class AgendaItemDialog(EntityDialog):
    """区分, 議題, 説明者, 議事の経過, 結果 (and the counts for 賛成多数); checked with the service's rules."""

    announces_save = False  # the row goes into the meeting editor, which saves it

    def __init__(self, item: AgendaItemInput | None = None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("議題の編集") if item else self.tr("議題の追加"), parent)
        self.kind = ChoiceCombo([(kind_label(k), k) for k in AgendaKind])
        self.kind.set_value(AgendaKind.DELIBERATION)
        self.title = QLineEdit()
        self.presenter = QLineEdit()
        self.presenter.setPlaceholderText(self.tr("例: 事務局、会長、地区担当職員"))
        self.discussion = QPlainTextEdit()
        self.discussion.setTabChangesFocus(True)
        self.discussion.setMinimumHeight(self.discussion.fontMetrics().lineSpacing() * 6 + 12)
        self.result_choice = ChoiceCombo([(result_label(r), r) for r in AgendaResult])
        self.votes_for = _votes()
        self.votes_against = _votes()
        self.votes_abstain = _votes()
        f = self.form
        f.add_field("kind", self.tr("区分"), self.kind, required=True)
        f.add_field("title", self.tr("議題"), self.title, required=True)
        f.add_field("presenter", self.tr("説明者"), self.presenter)
        f.add_field(
            "discussion",
            self.tr("議事の経過"),
            self.discussion,
            hint=self.tr("説明・質疑・意見の要点。空行で段落を分けられます。"),
        )
        f.add_field("result", self.tr("結果"), self.result_choice)
        self.vote_rows = [
            f.add_field("votes_for", self.tr("賛成（人）"), self.votes_for),
            f.add_field("votes_against", self.tr("反対（人）"), self.votes_against),
            f.add_field("votes_abstain", self.tr("棄権（人）"), self.votes_abstain),
        ]
        self.result_choice.currentIndexChanged.connect(lambda _i: self._show_votes())
        if item is not None:
            self.kind.set_value(item.kind)
            self.title.setText(item.title)
            self.presenter.setText(item.presenter)
            self.discussion.setPlainText(item.discussion)
            self.result_choice.set_value(item.result)
            self.votes_for.setValue(item.votes_for or 0)
            self.votes_against.setValue(item.votes_against or 0)
            self.votes_abstain.setValue(item.votes_abstain or 0)
        self._show_votes()
        self.fit_to_screen(40)

    def _show_votes(self) -> None:
        for row in self.vote_rows:
            row.setVisible(self.result_choice.value() is AgendaResult.MAJORITY)

    def item(self) -> AgendaItemInput:
        majority = self.result_choice.value() is AgendaResult.MAJORITY
        return AgendaItemInput(
            title=self.title.text(),
            kind=self.kind.value(),
            presenter=self.presenter.text(),
            discussion=self.discussion.toPlainText(),
            result=self.result_choice.value(),
            votes_for=self.votes_for.value() if majority else None,
            votes_against=self.votes_against.value() if majority else None,
            votes_abstain=(self.votes_abstain.value() or None) if majority else None,
        )

    def save(self) -> AgendaItemInput:
        item = self.item()
        check_agenda_item(item)
        return item


class ActionItemDialog(EntityDialog):
    """内容, 担当, 期限 of one action item; it is carried to the body's next meetings until done."""

    announces_save = False  # the row goes into the meeting editor, which saves it

    def __init__(self, item: ActionItemInput | None = None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("宿題事項の編集") if item else self.tr("宿題事項の追加"), parent)
        self._id = item.id if item else None
        self.content = QPlainTextEdit()
        self.content.setTabChangesFocus(True)
        self.content.setMinimumHeight(self.content.fontMetrics().lineSpacing() * 3 + 12)
        self.assignee = QLineEdit()
        self.assignee.setPlaceholderText(self.tr("例: 事務局、地区担当職員"))
        self.due_on = WarekiDateEdit("due_on")
        f = self.form
        f.add_field("content", self.tr("内容"), self.content, required=True)
        f.add_field("assignee", self.tr("担当"), self.assignee)
        f.add_field("due_on", self.tr("期限"), self.due_on)
        if item is not None:
            self.content.setPlainText(item.content)
            self.assignee.setText(item.assignee)
            self.due_on.set_value(item.due_on)
        self.fit_to_screen(34)

    def save(self) -> ActionItemInput:
        content = self.content.toPlainText().strip()
        if not content:
            raise ValidationError("content", self.tr("宿題事項の内容を入力してください。"))
        return ActionItemInput(
            content=content, assignee=self.assignee.text().strip(), due_on=self.due_on.value(), id=self._id
        )
