"""The person editor's 「変更の履歴…」 and 「本人の求めにより消去…」 buttons.

消去 at the person's own request removes their personal data everywhere the registry
(``db/personal_data.py``) lists — contacts, 委嘱, and every copy of their name in drafts, courses, loans and
the history, which becomes 「消去済みの人」 (services.erasure); a name printed in approved minutes stays as
printed, and the fact that the erasure was done stays in the log. The question names the person and
says exactly that, since it cannot be undone; the closing message says what was kept and what the
backups still hold, and offers 「古いバックアップからも消す」 (services.backup_erasure).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from sakae_council.domain.areas import Area
from sakae_council.domain.errors import DomainError, translated
from sakae_council.gui.context import AppContext
from sakae_council.gui.widgets.backup_timer import BACKUPS_AREA, locked
from sakae_council.gui.widgets.messages import confirm, show_error
from sakae_council.gui.widgets.progress import start_with_progress
from sakae_council.services import backup_erasure, erasure
from sakae_council.services.people import PersonDTO

if TYPE_CHECKING:
    from sakae_council.gui.dialogs.person import PersonDialog


#: The areas whose lists may show what an erasure changed.
ERASED_AREAS = (
    Area.PEOPLE,
    Area.ORGANISATIONS,
    Area.MEETINGS,
    Area.PROJECTS,
    Area.EQUIPMENT,
    Area.INDICATORS,
    Area.LIFESUPPORT,
    Area.STAFF,
    Area.ISSUES,
    Area.MANUAL,
    Area.AUDIT,
)


def tr(text: str) -> str:
    return QCoreApplication.translate("PersonSafety", text)


def erase_question(name: str) -> str:
    return tr(
        "「{name}」さんの個人情報を、本人の求めにより消去しますか？\n\n"
        "消えるもの: フリガナ・住所・電話番号・メールアドレス・備考・所属団体・委嘱の記録と、"
        "会議の下書き・講座・相談・貸出・研修・変更の履歴などに残っている氏名と連絡先。\n"
        "残るもの: 確定した議事録に印刷された氏名（議事録は公式の記録のため、印刷どおり残ります）と、"
        "消去したという記録（だれが・いつ）。\n\n"
        "この操作は元に戻せません。"
    ).format(name=name)


def erase_at_request(
    parent: QWidget | None,
    ctx: AppContext,
    person: PersonDTO,
    *,
    report_to: QWidget | None = None,
    on_erased: Callable[[str], object] | None = None,
) -> bool:
    """Ask (naming the person), erase on the database worker behind a progress window with 中止, tell the
    roster; ``on_erased(the service's own account of what was done)`` once erased. False when nothing started.

    中止 stops between the registered columns and rolls the whole erasure back (one transaction): nothing
    is erased half-way. The closing message goes to ``report_to`` (default ``parent``): an editor that
    closes after the erasure passes the page behind it.
    """
    if ctx.db.read_only:
        show_error(
            parent,
            DomainError(tr("読み取り専用で開いているため消去できません。通常どおり開き直してください。")),
        )
        return False
    if not confirm(parent, tr("本人の求めによる消去"), erase_question(person.name), tr("消去する")):
        return False
    db = ctx.db

    def erased(report: erasure.ErasureReport) -> None:
        # The pseudonym now stands in courses, loans, meetings, projects and the rest: every list reloads.
        for area in ERASED_AREAS:
            ctx.notify(area)
        _say_erased(report_to or parent, ctx, person, report)
        if on_erased is not None:
            on_erased(report.message)

    # Every registered column is searched: a few seconds on a very large file, so on the worker.
    start_with_progress(
        parent,
        tr("消去しています…"),
        lambda _token: erasure.erase_at_request(db, person.id),
        erased,
        on_failed=lambda exc: show_error(parent, exc, title=tr("消去できませんでした")),
        on_cancelled=lambda: show_error(
            parent, DomainError(tr("消去を中止しました。何も消していません。")), title=tr("中止しました")
        ),
    )
    return True


def _say_erased(
    parent: QWidget | None, ctx: AppContext, person: PersonDTO, report: erasure.ErasureReport
) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Information,
        tr("消去しました"),
        tr("「{name}」さんの個人情報を消去しました。").format(name=person.name)
        + "\n\n"
        + "\n\n".join(translated(line) for line in report.lines),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setObjectName("erasedBox")
    # Several sentences: wide enough to read as lines, not as a narrow column.
    box.setStyleSheet("QLabel#qt_msgbox_label { min-width: 30em; }")
    box.setDefaultButton(box.addButton(tr("閉じる"), QMessageBox.ButtonRole.RejectRole))
    if report.backups_holding:
        from_backups = box.addButton(tr("古いバックアップからも消す"), QMessageBox.ButtonRole.ActionRole)
        from_backups.setObjectName("eraseBackupsButton")
        from_backups.clicked.connect(lambda: erase_from_backups(parent, ctx, report))
    box.open()


def erase_from_backups(parent: QWidget | None, ctx: AppContext, report: erasure.ErasureReport) -> None:
    """「古いバックアップからも消す」: rewrite every backup without the person; ask first what to do with
    those that cannot be rewritten (delete them, or keep them holding the person)."""
    stuck = backup_erasure.unrewritable_backups(ctx.db)
    delete = False
    if stuck:
        ask = QMessageBox(
            QMessageBox.Icon.Question,
            tr("古いバックアップからも消す"),
            tr(
                "バックアップ{count}件は形式が古いなどの理由で書き換えられません。\n"
                "削除しますか？ 残す場合、そのバックアップには消去前の情報が残ります。"
            ).format(count=len(stuck)),
            QMessageBox.StandardButton.NoButton,
            parent,
        )
        ask.setObjectName("unrewritableBox")
        yes = ask.addButton(tr("削除する"), QMessageBox.ButtonRole.DestructiveRole)
        keep = ask.addButton(tr("残す"), QMessageBox.ButtonRole.AcceptRole)
        cancel = ask.addButton(tr("キャンセル"), QMessageBox.ButtonRole.RejectRole)
        ask.setDefaultButton(keep)  # the safe choice: nothing deleted without a click on 削除する
        ask.setEscapeButton(cancel)
        ask.exec()
        if ask.clickedButton() not in (yes, keep):
            return
        delete = ask.clickedButton() is yes
    db = ctx.db

    def rewritten(done: Any) -> None:
        ctx.notify(BACKUPS_AREA)
        box = QMessageBox(
            QMessageBox.Icon.Information,
            tr("バックアップからも消去しました"),
            translated(done.message),
            QMessageBox.StandardButton.Ok,
            parent,
        )
        box.setObjectName("erasedBackupsBox")
        box.open()

    # On the database worker, after a timer backup already asked for (one operation at a time). No 中止:
    # stopping half-way would leave some backups still holding the person, which is worse than waiting.
    start_with_progress(
        parent,
        tr("バックアップを書き換えています…"),
        lambda _token: locked(
            lambda: backup_erasure.erase_from_backups(
                db, report.person_id, identity=report.identity, delete_unrewritable=delete
            )
        )(),
        rewritten,
        on_failed=lambda exc: show_error(parent, exc, title=tr("消去できませんでした")),
        cancellable=False,
    )


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
        # what was typed was about the person just erased
        erase_at_request(
            dialog,
            dialog.ctx,
            person,
            report_to=dialog.parentWidget(),
            on_erased=lambda _m: dialog.close_quietly(),
        )

    history.clicked.connect(show_history)
    erase.clicked.connect(erase_person)
    return history, erase
