"""会議の印刷: 次第 / 出席簿 / 議事録 (any 確定 version), previewed, printed or saved as PDF.

The print window itself (preview, 印刷…, PDFとして保存…, closing) is ``gui.widgets.print_window``;
this module adds the meeting's choices and names the fields whose characters no font can print.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from sakae_council.gui.context import AppContext
from sakae_council.gui.formatting import meeting_title
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.form import Form
from sakae_council.gui.widgets.print_window import Paper, PrintWindow
from sakae_council.services import meetings, minutes_approval
from sakae_council.services.meetings import MeetingDetailDTO

DOCUMENTS = ("agenda", "signin", "minutes")


class MeetingPrintDialog(PrintWindow):
    """Preview and print one meeting's papers; choosing another paper or version draws it again."""

    def __init__(
        self,
        ctx: AppContext,
        meeting_id: int,
        parent: QWidget | None = None,
        *,
        document: str = "minutes",
        loaded: tuple[MeetingDetailDTO, list[Any]] | None = None,
    ) -> None:
        super().__init__("", parent)
        if loaded is None:  # read here when the caller did not read it on the worker (open_meeting_print)
            detail = meetings.get_meeting(ctx.db, meeting_id)
            revs = minutes_approval.list_revisions(ctx.db, meeting_id) if detail.is_approved else []
            loaded = detail, list(revs)
        self.detail, self._revisions = loaded
        self.setWindowTitle(self.tr("印刷 — {title}").format(title=meeting_title(self.detail)))
        self.ctx = ctx
        self.meeting_id = meeting_id
        names = {
            "agenda": self.tr("次第（会議の前に配る）"),
            "signin": self.tr("出席簿（署名欄つき）"),
            "minutes": self.tr("議事録"),
        }
        self.document = ChoiceCombo([(names[d], d) for d in DOCUMENTS])
        self.document.set_value(document)
        self.version = ChoiceCombo(self._versions())
        self.form = Form()
        self.form.add_field("document", self.tr("印刷するもの"), self.document)
        self.version_row = self.form.add_field("revision", self.tr("議事録の版"), self.version)
        self.content.addWidget(self.form)
        self.watch(self.document.currentIndexChanged, self.version.currentIndexChanged)
        self.build()

    def _versions(self) -> list[tuple[str, Any]]:
        if not self.detail.is_approved:
            return [(self.tr("下書き（「下書き」と入ります）"), None)]
        revs = self._revisions
        items: list[tuple[str, Any]] = [(self.tr("最新（第{n}版）").format(n=self.detail.revision), None)]
        items += [
            (self.tr("第{n}版 — {reason}").format(n=r.number, reason=r.reason), r.number) for r in revs[:-1]
        ]
        return items

    def paper(self) -> Paper:
        """What the chosen document prints, read now; unprintable characters named with their field."""
        from sakae_council.reports import meeting_docs

        kind = self.document.value()
        self.version_row.setVisible(kind == "minutes")
        db, meeting_id, version = self.ctx.db, self.meeting_id, self.version.value()

        def collect() -> tuple[MeetingDetailDTO, list[Any]]:
            if kind == "minutes":
                detail, revisions = meeting_docs.collect_minutes(db, meeting_id, version)
                return detail, list(revisions)
            return meetings.get_meeting(db, meeting_id), []

        def draw(data: tuple[MeetingDetailDTO, list[Any]], path: Any) -> object:
            detail, revisions = data
            if kind == "agenda":
                return meeting_docs.build_agenda(detail, path)
            if kind == "signin":
                return meeting_docs.build_signin(detail, path)
            return meeting_docs.build_minutes(detail, path, revisions=revisions)

        return Paper(collect, draw, lambda data: self.unprintable_text(data[0]))

    def unprintable_text(self, detail: MeetingDetailDTO) -> str:
        from sakae_council.reports.meeting_docs import unprintable_fields

        found = unprintable_fields(detail)
        if not found:
            return ""
        lines = "\n".join(
            self.tr("・{field}: {chars}").format(field=f, chars=" ".join(chars)) for f, chars in found
        )
        return self.tr(
            "次の文字は、この機械にある字形では印刷できず空白になります。IPAmj明朝を入れると印刷できます。\n{lines}"
        ).format(lines=lines)

    def suggested_name(self) -> str:
        names = {"agenda": "次第", "signin": "出席簿", "minutes": "議事録"}
        d = self.detail
        return f"{names[self.document.value()]}_{d.body_name}_{d.fiscal_year_label}第{d.number}回.pdf"
