"""DistrictCard: one 小学校区 on the dashboard — its council, members, issues, projects, meetings, what is late.

Every line of the card is a link to the page behind it (名簿, 地域課題, 協働事業, 会議・議事録, 資機材);
a click anywhere else on the card opens the 名簿. Lines work by mouse and by keyboard (Tab, Enter or Space)
and emit ``pageRequested(key)``; the dashboard turns that into "open the page filtered to this district".
Late items (宿題・貸出 past their due date) use the palette's 期限切れ colours and say so in words too.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from sakae_council.domain.enums import CouncilStatus, LabeledEnum
from sakae_council.gui.formatting import wareki
from sakae_council.gui.palette import MUTED_TEXT, STATUS_STYLES, set_background, set_text_colour
from sakae_council.gui.text_size import scaled_font, text_size_notifier
from sakae_council.gui.widgets.enum_label import enum_label
from sakae_council.services.dashboard_cards import DistrictCardDTO, MeetingRefDTO

#: The page a click on the card itself opens.
CARD_PAGE = "roster"


def tr(text: str, n: int = -1) -> str:
    """``text`` in the interface's language; with ``n``, its ``%n`` is the count in the right plural form."""
    return QCoreApplication.translate("DistrictCard", text, None, n)


class CardLine(QFrame):
    """A word-wrapped line of the card that opens a page: caption and text, focusable, clickable."""

    activated = Signal(str)

    def __init__(self, caption: str, text: str, page_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page_key = page_key
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFrameShape(QFrame.Shape.NoFrame)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(8)
        self.caption = QLabel(caption, self)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        set_text_colour(self.caption, MUTED_TEXT)
        self.text = QLabel(text, self)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.caption)
        layout.addWidget(self.text, 1)
        self.setAccessibleName(f"{caption} {text}")
        self.setToolTip(
            tr("クリックすると、この学区の「{page}」を開きます").format(page=page_title(page_key))
        )

    def set_caption_width(self, width: int) -> None:
        self.caption.setFixedWidth(width)
        self.updateGeometry()

    def height_for(self, width: int) -> int:
        """The height this line needs at ``width``, its text wrapped."""
        m = self.layout().contentsMargins()  # type: ignore[union-attr]
        spacing = self.layout().spacing()  # type: ignore[union-attr]
        text_width = max(width - m.left() - m.right() - self.caption.width() - spacing, 1)
        text_height = self.text.heightForWidth(text_width)
        if text_height < 0:
            text_height = self.text.sizeHint().height()
        return max(text_height, self.caption.sizeHint().height()) + m.top() + m.bottom()

    def mark_late(self) -> None:
        """Show the line in the 期限切れ colours."""
        style = STATUS_STYLES["overdue"]
        set_background(self, style.background)
        set_text_colour(self.text, style.foreground)
        set_text_colour(self.caption, style.foreground)

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:
        if e.button() == Qt.MouseButton.LeftButton and self.rect().contains(e.position().toPoint()):
            self.activated.emit(self.page_key)
            e.accept()
            return
        super().mouseReleaseEvent(e)

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.page_key)
            return
        super().keyPressEvent(e)

    def focusInEvent(self, e: QFocusEvent) -> None:
        self.setFrameShape(QFrame.Shape.Box)  # a visible focus mark, not colour alone
        super().focusInEvent(e)

    def focusOutEvent(self, e: QFocusEvent) -> None:
        self.setFrameShape(QFrame.Shape.NoFrame)
        super().focusOutEvent(e)


def page_title(key: str) -> str:
    from sakae_council.gui.pages.registry import page_specs

    for spec in page_specs():
        if spec.key == key:
            return spec.title
    return key


def meeting_text(m: MeetingRefDTO | None) -> str:
    if m is None:
        return tr("予定はありません")
    return tr("{date} 第{number}回（{status}）").format(
        date=wareki(m.held_on, weekday=True), number=m.number, status=enum_label(m.status)
    )


def counts_text(pairs: tuple[tuple[LabeledEnum, int], ...], count: Callable[[int], str]) -> str:
    """「ふれあい推進員 8名・町からの公職 4名」 (English: "Other 1 person"); ``count(n)`` words a count with its
    plural form. A line never breaks between a label and its count, nor between the count and its unit."""
    return "・".join(f"{enum_label(member)}\u00a0{_unbroken(count(n))}" for member, n in pairs)


def _unbroken(text: str) -> str:
    return re.sub(r"(\d)(?=\D)", "\\1\u2060", text).replace(" ", "\u00a0")


class DistrictCard(QFrame):
    """One district on the dashboard (see the module docstring)."""

    pageRequested = Signal(int, str)  # district id, page key

    def __init__(self, card: DistrictCardDTO, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card = card
        self.setObjectName(f"districtCard_{card.district_id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setLineWidth(1)
        self.setAutoFillBackground(True)
        pal = self.palette()
        pal.setColor(QPalette.ColorRole.Window, pal.color(QPalette.ColorRole.Base))
        self.setPalette(pal)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(card.name)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 12)
        layout.setSpacing(4)

        self.title = QLabel(card.name, self)
        self.title.setWordWrap(True)
        self.status_badge = QLabel(self._status_text(), self)
        self.status_badge.setObjectName("councilStatus")
        self.status_badge.setWordWrap(True)
        style = STATUS_STYLES["approved" if card.council_status is CouncilStatus.ESTABLISHED else "draft"]
        set_background(self.status_badge, style.background)
        set_text_colour(self.status_badge, style.foreground)
        self.status_badge.setContentsMargins(6, 1, 6, 1)
        layout.addWidget(self.title)
        layout.addWidget(self.status_badge, 0, Qt.AlignmentFlag.AlignLeft)
        self._apply_title_font()
        text_size_notifier().changed.connect(self._apply_title_font)

        self.lines: dict[str, CardLine] = {}
        self._add("chair", tr("会長"), card.chair_name or tr("（未登録）"), "roster")
        members = tr("%n名", card.member_count)
        if card.members_by_role:
            members += "\n" + counts_text(card.members_by_role, lambda n: tr("%n名", n))
        self._add("members", tr("委員"), members, "roster")
        self._add("issues", tr("課題"), tr("未解決 %n件", card.open_issue_count), "issues")
        projects = counts_text(card.projects_by_status, lambda n: tr("%n件", n)) or tr("なし")
        self._add("projects", tr("事業"), projects, "projects")
        self._add("last_meeting", tr("前回"), meeting_text(card.last_meeting), "meetings")
        self._add("next_meeting", tr("次回"), meeting_text(card.next_meeting), "meetings")
        late_actions = self._add(
            "overdue_actions", tr("宿題"), self._late_text(card.overdue_action_count), "meetings"
        )
        late_loans = self._add(
            "overdue_loans", tr("貸出"), self._late_text(card.overdue_loan_count), "equipment"
        )
        if card.overdue_action_count:
            late_actions.mark_late()
        if card.overdue_loan_count:
            late_loans.mark_late()
        layout.addStretch(1)
        self._fit_captions()

    # --- building -----------------------------------------------------------------------------
    def _status_text(self) -> str:
        c = self.card
        text = enum_label(c.council_status)
        if c.council_status is CouncilStatus.ESTABLISHED and c.established_on:
            text += tr("（{date}）").format(date=wareki(c.established_on))
        return text

    @staticmethod
    def _late_text(n: int) -> str:
        return tr("期限切れ %n件", n) if n else tr("期限切れはありません")

    def _add(self, key: str, caption: str, text: str, page: str) -> CardLine:
        line = CardLine(caption, text, page, self)
        line.setObjectName(key)
        line.activated.connect(lambda page_key: self.pageRequested.emit(self.card.district_id, page_key))
        self.lines[key] = line
        layout = self.layout()
        assert layout is not None
        layout.addWidget(line)
        return line

    def _fit_captions(self) -> None:
        width = max(
            line.caption.fontMetrics().horizontalAdvance(line.caption.text()) for line in self.lines.values()
        )
        for line in self.lines.values():
            line.set_caption_width(width + 4)

    def _apply_title_font(self) -> None:
        self.title.setFont(scaled_font(1.25, bold=True))

    def changeEvent(self, e: QEvent) -> None:
        super().changeEvent(e)
        if e.type() == QEvent.Type.FontChange and hasattr(self, "lines"):
            self._fit_captions()
            if self.minimumWidth() == self.maximumWidth():
                self.fit_width(self.width())

    def fit_width(self, width: int) -> None:
        """Take exactly ``width`` and give every wrapped line the height its text needs there.

        Heights are set here rather than left to nested layouts, which can measure a wrapped label at
        one width and lay it out at another (cut-off lines after the first show).
        """
        self.setFixedWidth(width)
        m = self.layout().contentsMargins()  # type: ignore[union-attr]
        inner = width - m.left() - m.right() - 2 * self.frameWidth()
        for label in (self.title, self.status_badge):
            label.setFixedHeight(label.heightForWidth(inner))
        for line in self.lines.values():
            line.setFixedHeight(line.height_for(inner))

    # --- reading (tests, accessibility) ----------------------------------------------------------
    def line_text(self, key: str) -> str:
        return self.lines[key].text.text()

    def set_current(self, current: bool) -> None:
        """Mark the card of the district chosen in the switcher with a thicker frame."""
        self.setLineWidth(3 if current else 1)
        self.setFrameShape(QFrame.Shape.Box if current else QFrame.Shape.StyledPanel)

    # --- clicking the card itself ---------------------------------------------------------------
    def mouseReleaseEvent(self, e: QMouseEvent) -> None:
        if e.button() == Qt.MouseButton.LeftButton and self.rect().contains(e.position().toPoint()):
            self.pageRequested.emit(self.card.district_id, CARD_PAGE)
            e.accept()
            return
        super().mouseReleaseEvent(e)
