"""出欠: members, town staff (listed apart) and guests; each 出席 / 欠席 / 代理 / 未確認 with the proxy's name.

A row per person with large radio buttons — easier to hit than a combo in a table — and its own error
line, so 「代理の方の氏名を入力してください」 appears under the right person. Rows start 未確認 (attendance
is entered, never assumed); the quorum line says 未確定 until the entered attendance decides it, and
:class:`QuorumWarning` tells the editor's user when results are entered for a meeting without quorum.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sakae_council.domain.council import Quorum, QuorumState
from sakae_council.domain.enums import AttendanceStatus
from sakae_council.gui.text_size import bold_font
from sakae_council.gui.widgets.form import FieldRow, MessageLine
from sakae_council.gui.widgets.labels import MutedLabel
from sakae_council.services.meetings import AttendeeCategory
from sakae_council.services.minutes import AttendanceInput


def status_label(status: AttendanceStatus) -> str:
    return QCoreApplication.translate("AttendanceStatus", status.label)


class AttendanceRow(QWidget):
    """One attendee: name and affiliation, 出席/欠席/代理, the proxy's name, and an error line."""

    changed = Signal()
    removeRequested = Signal(object)

    def __init__(self, data: AttendanceInput, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = data
        self.name = QLabel(data.name, self)
        self.name.setMinimumWidth(self.fontMetrics().horizontalAdvance("あ") * 7)
        self.affiliation = MutedLabel(data.affiliation, self)
        self.affiliation.setWordWrap(False)
        self.buttons: dict[AttendanceStatus, QRadioButton] = {}
        self.group = QButtonGroup(self)
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.name)
        line.addWidget(self.affiliation, 1)
        for status in AttendanceStatus:
            button = QRadioButton(status_label(status), self)
            button.setAccessibleName(f"{data.name} {status_label(status)}")
            self.buttons[status] = button
            self.group.addButton(button)
            line.addWidget(button)
        self.proxy = QLineEdit(self)
        self.proxy.setPlaceholderText(self.tr("代理の方の氏名"))
        self.proxy.setAccessibleName(self.tr("{name}さんの代理出席者名").format(name=data.name))
        keep = self.proxy.sizePolicy()
        keep.setRetainSizeWhenHidden(True)  # the radio buttons stay in one column whatever the status
        self.proxy.setSizePolicy(keep)
        line.addWidget(self.proxy, 1)
        self.remove_button: QPushButton | None = None
        if data.category is AttendeeCategory.GUEST:
            self.remove_button = QPushButton(self.tr("削除"), self)
            self.remove_button.setAutoDefault(False)
            self.remove_button.clicked.connect(lambda: self.removeRequested.emit(self))
            line.addWidget(self.remove_button)
        self.error = MessageLine("error", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setSpacing(2)
        layout.addLayout(line)
        layout.addWidget(self.error)
        self.buttons[data.status].setChecked(True)
        self.proxy.setText(data.proxy_name)
        self._sync()
        self.group.buttonToggled.connect(self._button_toggled)
        self.proxy.textChanged.connect(lambda _t: self.changed.emit())

    def _button_toggled(self, _button: object, on: bool) -> None:
        if on:
            self._toggled()

    def _toggled(self) -> None:
        self._sync()
        self.error.clear()
        self.changed.emit()

    def _sync(self) -> None:
        proxy = self.status() is AttendanceStatus.PROXY
        self.proxy.setVisible(proxy)

    def status(self) -> AttendanceStatus:
        for status, button in self.buttons.items():
            if button.isChecked():
                return status
        return AttendanceStatus.UNCONFIRMED

    def set_status(self, status: AttendanceStatus) -> None:
        self.buttons[status].setChecked(True)

    def value(self) -> AttendanceInput:
        status = self.status()
        return replace(
            self.data, status=status, proxy_name=self.proxy.text() if status is AttendanceStatus.PROXY else ""
        )


class AttendanceEditor(QWidget):
    """Every attendance row in the order the service numbers them (members, staff, guests), plus 傍聴者."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[AttendanceRow] = []
        self._editable = True
        self.quorum = QLabel(self)
        self.quorum.setFont(bold_font())
        self.quorum.setWordWrap(True)
        self.sections = {c: QVBoxLayout() for c in AttendeeCategory}
        self.headings = {
            AttendeeCategory.MEMBER: QLabel(self.tr("委員"), self),
            AttendeeCategory.STAFF: QLabel(self.tr("町職員（委員とは別に記載します）"), self),
            AttendeeCategory.GUEST: QLabel(self.tr("来賓・説明者"), self),
        }
        self.guest_name = QLineEdit(self)
        self.guest_name.setPlaceholderText(self.tr("氏名"))
        self.guest_affiliation = QLineEdit(self)
        self.guest_affiliation.setPlaceholderText(self.tr("所属（例: 社会福祉協議会）"))
        self.all_present_button = QPushButton(self.tr("未確認の方をすべて出席にする"), self)
        self.all_present_button.setAutoDefault(False)
        self.all_present_button.setToolTip(self.tr("出席簿を見ながら、欠席・代理の方だけを選び直せます。"))
        self.add_guest_button = QPushButton(self.tr("来賓・説明者を追加"), self)
        self.add_guest_button.setAutoDefault(False)
        self.guest_error = MessageLine("error", self)
        self.observers = QSpinBox(self)
        self.observers.setRange(0, 999)
        self.observers.setSuffix(self.tr(" 名"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        quorum_line = QHBoxLayout()
        quorum_line.addWidget(self.quorum, 1)
        quorum_line.addWidget(self.all_present_button)
        layout.addLayout(quorum_line)
        for category in AttendeeCategory:
            heading = self.headings[category]
            heading.setFont(bold_font())
            layout.addWidget(heading)
            layout.addLayout(self.sections[category])
        guest_line = QHBoxLayout()
        guest_line.addWidget(self.guest_name, 1)
        guest_line.addWidget(self.guest_affiliation, 1)
        guest_line.addWidget(self.add_guest_button)
        layout.addLayout(guest_line)
        layout.addWidget(self.guest_error)
        self.observers_row = FieldRow(self.tr("傍聴者の人数"), self.observers, parent=self)
        layout.addWidget(self.observers_row)
        layout.addStretch(1)
        self.add_guest_button.clicked.connect(self.add_guest)
        self.all_present_button.clicked.connect(self.mark_unconfirmed_present)
        self.observers.valueChanged.connect(lambda _v: self.changed.emit())
        self.changed.connect(self.update_quorum)

    def set_rows(self, rows: Sequence[AttendanceInput], observers: int) -> None:
        for row in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        for data in rows:
            self._add_row(data)
        self.observers.blockSignals(True)
        self.observers.setValue(observers)
        self.observers.blockSignals(False)
        self.update_quorum()

    def _add_row(self, data: AttendanceInput) -> AttendanceRow:
        row = AttendanceRow(data, self)
        row.changed.connect(self.changed)
        row.removeRequested.connect(self._remove)
        self.sections[data.category].addWidget(row)
        self.rows.append(row)
        return row

    def _remove(self, row: AttendanceRow) -> None:
        self.rows.remove(row)
        row.setParent(None)
        row.deleteLater()
        self.changed.emit()

    def add_guest(self) -> None:
        name = self.guest_name.text().strip()
        affiliation = self.guest_affiliation.text().strip()
        if not name or not affiliation:
            self.guest_error.show_message(
                self.tr("来賓・説明者の氏名と所属の両方を入力してから「追加」を押してください。")
            )
            return
        self.guest_error.clear()
        self._add_row(AttendanceInput(name=name, affiliation=affiliation, category=AttendeeCategory.GUEST))
        self.guest_name.clear()
        self.guest_affiliation.clear()
        self.changed.emit()

    def values(self) -> tuple[AttendanceInput, ...]:
        # The service numbers rows as given: keep members, staff, guests in that order.
        ordered = sorted(self.rows, key=lambda r: list(AttendeeCategory).index(r.data.category))
        return tuple(r.value() for r in ordered)

    def ordered_rows(self) -> list[AttendanceRow]:
        return sorted(self.rows, key=lambda r: list(AttendeeCategory).index(r.data.category))

    def row_for(self, person_id: int) -> AttendanceRow | None:
        return next((r for r in self.rows if r.data.person_id == person_id), None)

    def mark_unconfirmed_present(self) -> None:
        """Every 未確認 row becomes 出席 (rows already entered keep their status)."""
        for row in self.rows:
            if row.status() is AttendanceStatus.UNCONFIRMED:
                row.set_status(AttendanceStatus.PRESENT)

    def quorum_now(self) -> Quorum:
        """The quorum of the 委員 rows as they stand on screen (the same rule the minutes print by)."""
        return Quorum.count(r.status() for r in self.rows if r.data.category is AttendeeCategory.MEMBER)

    def update_quorum(self) -> None:
        q = self.quorum_now()
        if q.state is QuorumState.MET:
            verdict = self.tr("成立（過半数の出席）")
        elif q.state is QuorumState.NOT_MET:
            verdict = self.tr("不成立（過半数に達していません）")
        else:
            verdict = self.tr("未確定（出欠が未確認の方が{n}名います）").format(n=q.unconfirmed)
        self.quorum.setText(
            self.tr("委員 {total}名中 {n}名出席 — {verdict}").format(
                total=q.total, n=q.present, verdict=verdict
            )
        )
        self.all_present_button.setEnabled(
            self._editable and any(r.status() is AttendanceStatus.UNCONFIRMED for r in self.rows)
        )

    def show_error(self, index: int, message: str) -> AttendanceRow | None:
        rows = self.ordered_rows()
        if 0 <= index < len(rows):
            row = rows[index]
            row.error.show_message(message)
            (row.proxy if row.proxy.isVisibleTo(row) else row.buttons[row.status()]).setFocus()
            return row
        return None

    def clear_errors(self) -> None:
        for row in self.rows:
            row.error.clear()
        self.guest_error.clear()

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        for w in (self.guest_name, self.guest_affiliation, self.add_guest_button, self.observers):
            w.setEnabled(editable)
        for row in self.rows:
            row.setEnabled(editable)
        self.update_quorum()


class QuorumWarning(MessageLine):
    """A warning line (never a blocking dialog) shown while results — 議決 of an agenda item or 決定事項 —
    are entered for a meeting whose quorum is not met, or not yet known."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("warning", parent)
        self.setObjectName("quorumWarning")

    def show_for(self, quorum: Quorum, has_results: bool) -> None:
        if not has_results or quorum.state is QuorumState.MET:
            self.clear()
        elif quorum.state is QuorumState.NOT_MET:
            self.show_message(
                self.tr(
                    "定足数に達していません（委員{total}名中{n}名出席、成立には{need}名）。議決・決定事項は、"
                    "議事録では「協議の記録であり、議決ではありません」と注記して印刷されます。"
                ).format(total=quorum.total, n=quorum.present, need=quorum.needed)
            )
        else:
            self.show_message(
                self.tr(
                    "出欠が未確認の委員が{n}名いるため、会議の成立が未確定です。議決・決定事項を入れる前に、"
                    "「出欠」で出欠を入力してください。"
                ).format(n=quorum.unconfirmed)
            )
