"""版を発行: freeze the whole manual as 第N版 with its date; its booklet stays the same from then on.

Opened by :func:`open_manual_publish` (the editions read on the database worker first); 発行 writes there."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from sakae_council.domain.errors import ValidationError
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.base import EntityDialog, SaveRequest
from sakae_council.gui.dialogs.opening import open_with
from sakae_council.gui.models.manual_tree import revision_label
from sakae_council.gui.widgets.date_edit import WarekiDateEdit
from sakae_council.gui.widgets.form import MessageLine
from sakae_council.services import manual, manual_history
from sakae_council.services.manual import EditionDTO


def open_manual_publish(
    ctx: AppContext, unsaved_changes: bool, parent: QWidget, show: Callable[[ManualPublishDialog], object]
) -> None:
    """版を発行, the editions published so far read on the database worker first."""
    db = ctx.db
    open_with(
        lambda: manual_history.list_editions(db),
        lambda editions: ManualPublishDialog(
            ctx, unsaved_changes=unsaved_changes, parent=parent, editions=editions
        ),
        parent,
        show,
    )


class ManualPublishDialog(EntityDialog):
    """``saved`` carries the new EditionDTO. ``unsaved_changes`` warns that an open edit is not included."""

    def __init__(
        self,
        ctx: AppContext,
        *,
        unsaved_changes: bool = False,
        parent: QWidget | None = None,
        editions: list[EditionDTO] | None = None,
    ) -> None:
        super().__init__(self.tr("版を発行"), parent)
        self.ctx = ctx
        if (
            editions is None
        ):  # read here when the caller did not read them on the worker (open_manual_publish)
            editions = manual_history.list_editions(ctx.db)
        self.number = (editions[-1].number if editions else 0) + 1
        intro = QLabel(
            self.tr(
                "今のマニュアルを第{number}版として発行します。発行した版の内容と冊子は、"
                "その後マニュアルを書き換えても変わりません。"
            ).format(number=self.number)
        )
        intro.setWordWrap(True)
        self.form.add_widget(intro)
        if editions:
            last = editions[-1]
            previous = QLabel(
                self.tr("前の版: {label}（{title}）").format(
                    label=revision_label(last.number), title=last.title
                )
            )
            previous.setWordWrap(True)
            self.form.add_widget(previous)
        self.warning = MessageLine("warning")
        if unsaved_changes:
            self.warning.show_message(
                self.tr(
                    "編集中でまだ保存していない変更は、この版に含まれません。含めるときは、先に保存してください。"
                )
            )
        self.form.add_widget(self.warning)
        self.title = QLineEdit()
        self.title.setMaxLength(manual.MAX_TITLE)
        self.title.setPlaceholderText(self.tr("協働マニュアル 第{number}版").format(number=self.number))
        self.published_on = WarekiDateEdit("published_on")
        self.published_on.set_value(ctx.today())
        self.form.add_field("published_on", self.tr("発行日"), self.published_on, required=True)
        self.form.add_field(
            "title",
            self.tr("版の表題"),
            self.title,
            hint=self.tr("空欄のときは「協働マニュアル 第N版」になります。"),
        )
        self.save_button.setText(self.tr("発行"))
        self.fit_to_screen(32)

    def save_request(self) -> SaveRequest:
        published_on = self.published_on.value()
        if published_on is None:
            raise ValidationError("published_on", self.tr("発行日を入力してください。"))
        db, title = self.ctx.db, self.title.text()
        return SaveRequest(lambda _v: manual_history.publish_edition(db, title, published_on))
