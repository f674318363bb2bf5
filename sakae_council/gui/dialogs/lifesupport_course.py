"""講座の登録・編集 (⑫ 講座の実施) and its 受講者.

Attendees are added and removed one at a time through the service (each its own short transaction, on
the database worker), so they belong to a course that exists: a new course is saved first and the dialog
then stays open, saying so, for the attendees. A name typed as shown in the roster list (氏名（フリガナ）) links the person.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLineEdit, QPushButton, QWidget

from sakae_council.db.engine import Database
from sakae_council.domain.errors import DomainError
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.base import EntityDialog, SaveRequest, announce_saved
from sakae_council.gui.dialogs.saving import open_after_loading
from sakae_council.gui.models.indicator_lifesupport import AttendeesModel
from sakae_council.gui.ops import QueryOp
from sakae_council.gui.widgets.date_edit import WarekiDateEdit
from sakae_council.gui.widgets.labels import MutedLabel
from sakae_council.gui.widgets.record_table import RecordSection
from sakae_council.gui.widgets.text_edit import NoteEdit
from sakae_council.services import lifesupport, people
from sakae_council.services.lifesupport import CourseAttendeeDTO, CourseDTO, CourseInput

#: The attendee field offers at most this many roster names; the rest are typed.
ROSTER_CHOICES = 2000


def load_roster(db: Database) -> dict[str, int]:
    """The names the attendee field offers, as the roster list shows them (氏名（フリガナ）) (worker)."""
    try:
        listed = people.list_people(db, limit=ROSTER_CHOICES)
    except DomainError:
        listed = []
    return {f"{p.name}（{p.furigana}）" if p.furigana else p.name: p.id for p in listed}


def open_course_editor(
    ctx: AppContext,
    course_id: int | None,
    parent: QWidget,
    show: Callable[[CourseDialog], object],
    *,
    failure: Callable[[BaseException], object] | None = None,
) -> None:
    """Read the course (fresh) and the roster's names on the database worker, then build the editor."""
    db = ctx.db

    def load() -> tuple[CourseDTO | None, dict[str, int]]:
        return (lifesupport.get_course(db, course_id) if course_id is not None else None), load_roster(db)

    open_after_loading(
        parent, load, lambda a: CourseDialog(ctx, a[0], parent, roster=a[1]), show, failure=failure
    )


class CourseDialog(EntityDialog):
    """New course (``course`` None) or edit; ``saved`` carries the CourseDTO after every change."""

    record_attr = "course"

    def __init__(
        self,
        ctx: AppContext,
        course: CourseDTO | None = None,
        parent: QWidget | None = None,
        *,
        roster: dict[str, int] | None = None,
    ) -> None:
        super().__init__(self.tr("講座の編集") if course else self.tr("講座を登録"), parent)
        self.ctx = ctx
        self.course = course
        if roster is None:  # read here when the caller did not read it on the worker
            roster = load_roster(ctx.db)
        self.title = QLineEdit()
        self.held_on = WarekiDateEdit("held_on")
        self.place = QLineEdit()
        self.notes = NoteEdit(3)
        f = self.form
        f.add_field("title", self.tr("講座名"), self.title, required=True)
        f.add_field("held_on", self.tr("開催日"), self.held_on, required=True)
        f.add_field("place", self.tr("会場"), self.place)
        f.add_field("notes", self.tr("備考"), self.notes)

        self.attendees = RecordSection(
            self.tr("受講者"),
            AttendeesModel(self),
            remove_text=self.tr("受講者から外す"),
            editable=False,
            min_rows=3,
            max_rows=8,
        )
        self.attendees.add_button.hide()
        self.attendee_name = QLineEdit()
        self.attendee_name.setObjectName("attendeeName")
        self.attendee_name.setPlaceholderText(self.tr("受講者の氏名（名簿にない方も入力できます）"))
        self.attendee_name.setAccessibleName(self.tr("受講者の氏名"))
        self._roster: dict[str, int] = {}
        self.add_attendee_button = QPushButton(self.tr("受講者に追加"))
        self.add_attendee_button.setObjectName("addAttendee")
        self.add_attendee_button.setAutoDefault(False)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.attendee_name, 1)
        line.addWidget(self.add_attendee_button)
        self.attendees.add_footer(row)
        self.attendee_hint = MutedLabel("")
        self.attendees.add_footer(self.attendee_hint)
        self.body_layout.addWidget(self.attendees)
        self.add_attendee_button.clicked.connect(self.add_attendee)
        self.attendee_name.returnPressed.connect(self.add_attendee)
        self.attendees.removeRequested.connect(self.remove_attendee)

        if course is not None:
            self.fill(course)
        else:
            self.held_on.set_value(ctx.today())
        self._fill_roster(roster)
        self._show_course()
        self.fit_to_screen(34)

    def _fill_roster(self, roster: dict[str, int]) -> None:
        self._roster = roster
        completer = QCompleter(list(self._roster), self.attendee_name)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.attendee_name.setCompleter(completer)

    def _show_course(self) -> None:
        has_course = self.course is not None
        for w in (
            self.attendee_name,
            self.add_attendee_button,
            self.attendees.remove_button,
            self.attendees.table,
        ):
            w.setEnabled(has_course)
        if self.course is None:
            self.attendee_hint.setText(self.tr("講座を「保存」すると、受講者を追加できます。"))
            return
        self.attendees.set_rows(list(self.course.attendees))
        self.attendee_hint.setText(self.tr("受講者 %n名", "", self.course.attendee_count))

    # --- saving the course ------------------------------------------------------------------------
    def save_request(self) -> SaveRequest:
        """The course as typed, written on the database worker (an edit through the conflict dialog)."""
        data = CourseInput(
            title=self.title.text(),
            held_on=self.held_on.value(),  # type: ignore[arg-type]  # None: the service says it is required
            place=self.place.text(),
            notes=self.notes.text(),
        )
        db = self.ctx.db
        if self.course is not None:
            course_id = self.course.id
            return self.request_update(
                self.course,
                lambda version: lifesupport.update_course(db, course_id, data, version),
                db=db,
                entity="course",
                what=self.tr("講座"),
                load=lambda: lifesupport.get_course(db, course_id),
                mine=data,
            )
        self.keep_open()  # a new course: saved, and the dialog stays open for its attendees
        return SaveRequest(lambda _version: lifesupport.create_course(db, data))

    def after_save(self, dto: Any) -> None:
        if self.course is None:  # the new course was saved: its attendees can be added now
            self.course = dto
            self.setWindowTitle(self.tr("講座の編集"))
            self.cancel_button.setText(self.tr("閉じる"))
            self._show_course()
            self.attendee_hint.setText(self.tr("講座を登録しました。続けて受講者を追加できます。"))
            self.attendee_name.setFocus()
        super().after_save(dto)

    # --- attendees (each saved at once, on the database worker) -------------------------------------
    def add_attendee(self) -> None:
        if self.course is None:
            return
        text = self.attendee_name.text().strip()
        person_id = self._roster.get(text)
        name = "" if person_id is not None else text
        self.attendees.error.clear()
        db, course_id = self.ctx.db, self.course.id
        QueryOp(
            lambda: lifesupport.add_attendee(db, course_id, person_id=person_id, name=name), parent=self
        ).success(self._attendee_added).failure(self.attendees.error.show_failure).run()

    def _attendee_added(self, course: CourseDTO) -> None:
        self.attendee_name.clear()
        self._attendees_changed(course)

    def remove_attendee(self, attendee: Any) -> None:
        if self.course is None or not isinstance(attendee, CourseAttendeeDTO):
            return
        db, course_id, attendee_id = self.ctx.db, self.course.id, attendee.id
        QueryOp(lambda: lifesupport.remove_attendee(db, course_id, attendee_id), parent=self).success(
            self._attendees_changed
        ).failure(self.attendees.error.show_failure).run()

    def _attendees_changed(self, course: CourseDTO) -> None:
        self.course = course
        self._show_course()
        self.saved.emit(self.course)
        announce_saved(self)
