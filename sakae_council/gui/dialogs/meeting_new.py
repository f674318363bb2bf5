"""新しい会議: body, date, times and place; the 第N回 is shown as it will be numbered.

Opened by :func:`open_new_meeting` (the bodies read on the database worker); the 第N回 is asked of the
worker as the body and date change, and 保存 writes there."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLineEdit, QWidget

from sakae_council.domain.errors import ValidationError
from sakae_council.domain.wareki import fiscal_year
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.base import EntityDialog, SaveRequest
from sakae_council.gui.dialogs.meeting_widgets import TimeField
from sakae_council.gui.formatting import meeting_label
from sakae_council.gui.ops import Generation, QueryOp
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.date_edit import WarekiDateEdit
from sakae_council.gui.widgets.labels import MutedLabel
from sakae_council.services import meeting_bodies, meeting_queries, meetings
from sakae_council.services.meeting_bodies import BodyDTO
from sakae_council.services.meetings import MeetingInput


def open_new_meeting(
    ctx: AppContext,
    bodies: list[BodyDTO],
    body_id: int | None,
    parent: QWidget,
    show: Callable[[NewMeetingDialog], object],
) -> None:
    """会議の新規登録 offering ``bodies`` (every body, read on the database worker, when the list is empty)."""
    if bodies:
        show(NewMeetingDialog(ctx, bodies, body_id, parent))
        return
    db = ctx.db
    QueryOp(lambda: meeting_bodies.list_bodies(db), parent=parent).success(
        lambda found: show(NewMeetingDialog(ctx, found, body_id, parent))
    ).run()


class NewMeetingDialog(EntityDialog):
    """Registers a meeting; ``saved`` carries its MeetingDetailDTO (attendance pre-filled)."""

    def __init__(
        self,
        ctx: AppContext,
        bodies: list[BodyDTO],
        body_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("会議の新規登録"), parent)
        self.ctx = ctx
        self._numberings = Generation()
        self.body = ChoiceCombo([(b.name, b.id) for b in bodies])
        if body_id is not None:
            self.body.set_value(body_id)
        elif ctx.district_id is not None:  # the district's own council first, as the switcher shows
            own = [b.id for b in bodies if b.district_id == ctx.district_id]
            if own:
                self.body.set_value(own[0])
            else:
                self.body.start_empty(self.tr("会議体を選んでください"))
        else:  # 全学区: no body is the right guess
            self.body.start_empty(self.tr("会議体を選んでください"))
        self.held_on = WarekiDateEdit("held_on")
        self.start_time = TimeField("start_time")
        self.end_time = TimeField("end_time")
        self.place = QLineEdit()
        self.numbering = MutedLabel("")
        f = self.form
        f.add_field("body_id", self.tr("会議体"), self.body, required=True)
        f.add_field("held_on", self.tr("開催日"), self.held_on, required=True)
        f.add_widget(self.numbering)
        f.add_field("start_time", self.tr("開始時刻"), self.start_time)
        f.add_field("end_time", self.tr("終了時刻"), self.end_time)
        f.add_field("place", self.tr("場所"), self.place)
        self.body.currentIndexChanged.connect(lambda _i: self.update_numbering())
        self.held_on.editingFinished.connect(self.update_numbering)
        self.held_on.textChanged.connect(lambda _t: self.update_numbering())
        self.update_numbering()
        self.fit_to_screen(34)

    def update_numbering(self) -> None:
        """Say which 第N回 the meeting will be (numbered per body and 年度, automatically)."""
        try:
            held_on = self.held_on.value()
        except ValidationError:
            held_on = None
        body_id = self.body.value()
        if held_on is None or body_id is None:
            self._numberings.next()  # an answer still on its way is for a choice no longer made
            self.numbering.setText(self.tr("第何回かは、会議体と開催日から自動で決まります。"))
            return
        db = self.ctx.db
        QueryOp(lambda: meeting_queries.next_number(db, body_id, held_on), parent=self).latest(
            self._numberings
        ).success(
            lambda n: self.numbering.setText(
                self.tr("{meeting}として登録されます。").format(
                    meeting=meeting_label(fiscal_year(held_on), n)
                )
            )
        ).failure(lambda _exc: self.numbering.setText("")).run()

    def save_request(self) -> SaveRequest:
        held_on = self.held_on.value()
        if held_on is None:
            raise ValidationError("held_on", self.tr("開催日を入力してください。"))
        body_id = self.body.value()
        if body_id is None:
            raise ValidationError("body_id", self.tr("会議体を選んでください。"))
        data = MeetingInput(
            body_id=body_id,
            held_on=held_on,
            start_time=self.start_time.value(),
            end_time=self.end_time.value(),
            place=self.place.text(),
        )
        db = self.ctx.db
        return SaveRequest(lambda _v: meetings.create_meeting(db, data))
