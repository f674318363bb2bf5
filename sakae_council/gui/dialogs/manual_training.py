"""研修の記録: one training with its date, title, organiser, hours, the staff who attended and the
materials; saved for every attendee at once. Opened by :func:`open_training` (the staff read on the database
worker first); 保存 and the reads of a conflict run there."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit, QSpinBox, QWidget

from sakae_council.domain.errors import NotFoundError, ValidationError
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.base import EntityDialog, SaveRequest
from sakae_council.gui.dialogs.conflict import describe_last_change, dto_values, form_conflict_fields
from sakae_council.gui.dialogs.opening import open_with
from sakae_council.gui.widgets.date_edit import WarekiDateEdit
from sakae_council.services import staff_queries
from sakae_council.services.staff_queries import StaffMemberDTO, TrainingSessionDTO, TrainingSessionInput


def open_training(
    ctx: AppContext,
    session: TrainingSessionDTO | None,
    parent: QWidget,
    show: Callable[[TrainingDialog], object],
) -> None:
    """The training's editor (``session`` None: a new one), the staff read on the database worker first."""
    db = ctx.db
    open_with(
        lambda: staff_queries.list_staff(db),
        lambda staff: TrainingDialog(ctx, session, parent, staff=staff),
        parent,
        show,
    )


class TrainingDialog(EntityDialog):
    """New training (``session`` None) or change one; ``saved`` carries the TrainingSessionDTO."""

    def __init__(
        self,
        ctx: AppContext,
        session: TrainingSessionDTO | None = None,
        parent: QWidget | None = None,
        *,
        staff: list[StaffMemberDTO] | None = None,
    ) -> None:
        super().__init__(self.tr("研修の記録を変更") if session else self.tr("研修を記録"), parent)
        self.ctx = ctx
        self.session = session
        self.held_on = WarekiDateEdit("held_on")
        self.title = QLineEdit()
        self.title.setMaxLength(staff_queries.MAX_TITLE)
        self.title.setPlaceholderText(self.tr("例: 協働の基本（新任地区担当職員研修）"))
        self.organiser = QLineEdit()
        self.organiser.setPlaceholderText(self.tr("例: 住民活動推進課"))
        self.hours = QSpinBox()
        self.hours.setRange(0, 100)
        self.hours.setSuffix(self.tr(" 時間"))
        self.attendees = QListWidget()
        self.attendees.setObjectName("attendees")
        self.attendees.setAccessibleName(self.tr("参加した職員"))
        chosen = set(session.person_ids) if session else set()
        if staff is None:  # read here when the caller did not read them on the worker (open_training)
            staff = staff_queries.list_staff(ctx.db)
        known = {m.id for m in staff}
        for m in staff:
            self._add_person(
                m.id,
                self.tr("{name}（{districts}）").format(name=m.name, districts="、".join(m.district_names)),
                m.id in chosen,
            )
        for a in session.attendees if session else ():
            if a.person_id not in known:  # no longer a staff member: keep them on their own record
                self._add_person(a.person_id, a.person_name, True)
        rows = min(max(self.attendees.count(), 3), 8)
        self.attendees.setFixedHeight(
            self.attendees.sizeHintForRow(0) * rows + 8 if self.attendees.count() else 60
        )
        self.materials = QPlainTextEdit()
        self.materials.setTabChangesFocus(True)
        self.materials.setFixedHeight(self.materials.fontMetrics().lineSpacing() * 4 + 12)

        f = self.form
        f.add_field("held_on", self.tr("実施日"), self.held_on, required=True)
        f.add_field("title", self.tr("研修名"), self.title, required=True)
        f.add_field("organiser", self.tr("主催"), self.organiser)
        f.add_field("hours", self.tr("時間数"), self.hours)
        f.add_field(
            "person_ids",
            self.tr("参加した職員"),
            self.attendees,
            required=True,
            hint=self.tr("参加した人に印を付けます。名簿で役割が「地区担当職員」の人が並びます。"),
        )
        f.add_field(
            "materials",
            self.tr("資料・備考"),
            self.materials,
            hint=self.tr("配った資料の名前や保管場所など。"),
        )
        if session is not None:
            self.form.set_values(dto_values(session))
        else:
            self.held_on.set_value(ctx.today())
        self.fit_to_screen(34)

    def fill(self, session: TrainingSessionDTO) -> None:
        """After 再読み込み of someone else's save: their training, with anyone they added ticked."""
        self.session = session
        super().fill(session)
        listed = {
            self.attendees.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.attendees.count())
        }
        for a in session.attendees:
            if a.person_id not in listed:
                self._add_person(a.person_id, a.person_name, True)
        self.set_attending(set(session.person_ids))

    def _show_attending(self, ids: Any) -> str:
        names = {
            self.attendees.item(i).data(Qt.ItemDataRole.UserRole): self.attendees.item(i).text()
            for i in range(self.attendees.count())
        }
        return "\n".join(names.get(i, str(i)) for i in ids) if ids else self.tr("（なし）")

    def _add_person(self, person_id: int, text: str, checked: bool) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, person_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.attendees.addItem(item)

    def set_attending(self, person_ids: set[int]) -> None:
        for i in range(self.attendees.count()):
            item = self.attendees.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in person_ids
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def attending(self) -> tuple[int, ...]:
        return tuple(
            int(self.attendees.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.attendees.count())
            if self.attendees.item(i).checkState() == Qt.CheckState.Checked
        )

    def _saved_record_id(self, session: TrainingSessionDTO) -> int:
        """The record the training's audit entries name as saved now (an attendee may have gone)."""
        try:
            return staff_queries.get_training_session(self.ctx.db, session).record_id
        except NotFoundError:
            return session.record_id

    def save_request(self) -> SaveRequest:
        held_on = self.held_on.value()
        if held_on is None:
            raise ValidationError("held_on", self.tr("実施日を入力してください。"))
        data = TrainingSessionInput(
            held_on=held_on,
            title=self.title.text(),
            person_ids=self.attending(),
            organiser=self.organiser.text(),
            hours=self.hours.value(),
            materials=self.materials.toPlainText(),
        )
        db = self.ctx.db
        if self.session is None:
            return SaveRequest(lambda _v: staff_queries.save_training_session(db, data))
        session = self.session
        return SaveRequest(
            lambda current: staff_queries.save_training_session(db, data, current),
            version=session,  # the session is its attendees' records: stale if any of them is
            what=self.tr("研修の記録"),
            load_current=lambda: staff_queries.get_training_session(db, session),
            changed_by=lambda: describe_last_change(db, "staff_training", self._saved_record_id(session)),
            fields=form_conflict_fields(self.form, shows={"person_ids": self._show_attending}),
            mine=dto_values(data),
            on_reload=self.fill,
            values_of=lambda current: {**dto_values(current), "person_ids": current.person_ids},
            version_of=lambda current: current,
        )
