"""The person editor's 「変更の履歴…」 and 「本人の求めにより消去…」 buttons.

消去 at the person's own request removes their personal data everywhere (address, phone, e-mail, notes,
affiliation, 委嘱, and what past history entries held); a name printed in approved minutes stays as
printed, and the fact that the erasure was done stays in the log. The question names the person and
says exactly that, since it cannot be undone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from sakae_council.domain.areas import Area
from sakae_council.domain.errors import DomainError
from sakae_council.gui.context import AppContext
from sakae_council.gui.widgets.messages import confirm, show_error
from sakae_council.services import people
from sakae_council.services.people import PersonDTO

if TYPE_CHECKING:
    from sakae_council.gui.dialogs.person import PersonDialog


def tr(text: str) -> str:
    return QCoreApplication.translate("PersonSafety", text)


def erase_question(name: str) -> str:
    return tr(
        "「{name}」さんの個人情報を、本人の求めにより消去しますか？\n\n"
        "消えるもの: 住所・電話番号・メールアドレス・備考・所属団体・委嘱の記録と、"
        "これまでの変更履歴に残っている個人情報。\n"
        "残るもの: 確定した議事録に印刷された氏名（議事録は公式の記録のため、印刷どおり残ります）と、"
        "消去したという記録（だれが・いつ）。\n\n"
        "この操作は元に戻せません。"
    ).format(name=name)


def erase_at_request(
    parent: QWidget | None, ctx: AppContext, person: PersonDTO, *, report_to: QWidget | None = None
) -> str | None:
    """Ask (naming the person), erase, tell the roster; the service's own account of what was done, or None.

    The closing message goes to ``report_to`` (default ``parent``): an editor that closes after the
    erasure passes the page behind it.
    """
    if ctx.db.read_only:
        show_error(parent, DomainError(tr("読み取り専用で開いているため消去できません。通常どおり開き直してください。")))
        return None
    if not confirm(parent, tr("本人の求めによる消去"), erase_question(person.name), tr("消去する")):
        return None
    try:
        done = people.erase_personal_data(ctx.db, person.id)
    except DomainError as exc:
        show_error(parent, exc, title=tr("消去できませんでした"))
        return None
    ctx.notify(Area.PEOPLE)
    box = QMessageBox(
        QMessageBox.Icon.Information,
        tr("消去しました"),
        tr("「{name}」さんの個人情報を消去しました。{done}").format(name=person.name, done=done),
        QMessageBox.StandardButton.Ok,
        report_to or parent,
    )
    box.setObjectName("erasedBox")
    box.open()
    return done


def _layout_holding(dialog: PersonDialog, widget: QWidget) -> QBoxLayout:
    """The box layout that holds ``widget`` (the dialog's button row), or the form's body as a fallback."""
    outer = dialog.layout()
    if outer is not None:
        for i in range(outer.count()):
            item = outer.itemAt(i)
            inner = item.layout() if item is not None else None
            if isinstance(inner, QBoxLayout) and inner.indexOf(widget) >= 0:
                return inner
    return dialog.body_layout


def add_person_safety_buttons(dialog: PersonDialog) -> tuple[QPushButton, QPushButton]:
    """「変更の履歴…」 and 「本人の求めにより消去…」 at the foot of an existing person's editor."""
    person = dialog.person
    assert person is not None
    history = QPushButton(tr("変更の履歴…"), dialog)
    history.setObjectName("historyButton")
    history.setAutoDefault(False)
    erase = QPushButton(tr("本人の求めにより消去…"), dialog)
    erase.setObjectName("eraseButton")
    erase.setAutoDefault(False)
    erase.setEnabled(not dialog.ctx.db.read_only)
    # A row of their own just above 保存 / キャンセル (always in sight, never mistaken for saving).
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 6)
    row.addWidget(QLabel(tr("この人の記録:"), dialog))
    row.addWidget(history)
    row.addWidget(erase)
    row.addStretch(1)
    _layout_holding(dialog, dialog.buttons).insertLayout(0, row)

    def show_history() -> None:
        from sakae_council.gui.dialogs.audit_log import PersonHistoryDialog

        view = PersonHistoryDialog(dialog.ctx, person.id, person.name, dialog)
        view.open()

    def erase_person() -> None:
        # The editor closes first: what it holds is the data being erased, and must not be saved back.
        if erase_at_request(dialog, dialog.ctx, person, report_to=dialog.parentWidget()) is not None:
            dialog.reject()

    history.clicked.connect(show_history)
    erase.clicked.connect(erase_person)
    return history, erase
