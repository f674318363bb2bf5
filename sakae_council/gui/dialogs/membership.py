"""委嘱の編集: one membership — district, role (and public post), officer post, 委嘱日, term, 退任日."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from sakae_council.domain.enums import PUBLIC_POST_EXAMPLES, MemberRole, OfficerPost
from sakae_council.domain.errors import ValidationError
from sakae_council.domain.text import normalize_text
from sakae_council.gui.dialogs.base import EntityDialog
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.date_edit import WarekiDateEdit
from sakae_council.services.districts import DistrictDTO
from sakae_council.services.people import MembershipInput


def role_label(role: MemberRole) -> str:
    return QCoreApplication.translate("MemberRole", role.label)


#: The 役職 choice meaning "no officer post" (stored as OfficerPost.MEMBER, printed 委員 on the roster).
NO_POST = "—"


def post_label(post: OfficerPost) -> str:
    return QCoreApplication.translate("OfficerPost", post.label)


class MembershipDialog(EntityDialog):
    """Edits a MembershipInput locally; the person dialog saves it with the person."""

    announces_save = False

    def __init__(
        self,
        districts: Sequence[DistrictDTO],
        membership: MembershipInput | None = None,
        *,
        default_district_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("委嘱の編集") if membership else self.tr("委嘱の追加"), parent)
        self._original = membership
        shown = [d for d in districts if d.active or (membership and d.id == membership.district_id)]
        self.district = ChoiceCombo([(d.name, d.id) for d in shown])
        self.role = ChoiceCombo([(role_label(r), r) for r in MemberRole])
        self.public_post = QLineEdit()
        completer = QCompleter(list(PUBLIC_POST_EXAMPLES), self.public_post)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.public_post.setCompleter(completer)
        # 「—」 (no officer post: a 委員 or a 地区担当職員) first and pre-chosen: no council rule requires a
        # post, and a post chosen for the user (会長 was) would be saved without a look.
        self.officer_post = ChoiceCombo(
            [(NO_POST, OfficerPost.MEMBER)]
            + [(post_label(p), p) for p in OfficerPost if p is not OfficerPost.MEMBER]
        )
        self.commissioned_on = WarekiDateEdit("commissioned_on")
        self.term_start = WarekiDateEdit("term_start")
        self.term_end = WarekiDateEdit("term_end")
        self.ended_on = WarekiDateEdit("ended_on")

        f = self.form
        f.add_field("district_id", self.tr("学区"), self.district, required=True)
        f.add_field("role", self.tr("役割"), self.role, required=True)
        f.add_field(
            "public_post",
            self.tr("公職名"),
            self.public_post,
            hint=self.tr("町からの公職の方だけ。例: 民生委員・児童委員、自治会長"),
        )
        f.add_field(
            "officer_post",
            self.tr("役職"),
            self.officer_post,
            hint=self.tr("会長・副会長などの役職がなければ「—」のままにします。"),
        )
        f.add_field("commissioned_on", self.tr("委嘱日"), self.commissioned_on)
        f.add_field("term_start", self.tr("任期（始め）"), self.term_start)
        f.add_field("term_end", self.tr("任期（終わり）"), self.term_end)
        f.add_field(
            "ended_on",
            self.tr("退任日"),
            self.ended_on,
            hint=self.tr("任期の途中でやめた日。退任しても記録は履歴として残ります。"),
        )

        if membership is not None:
            self.district.set_value(membership.district_id)
            self.role.set_value(membership.role)
            self.public_post.setText(membership.public_post)
            self.officer_post.set_value(membership.officer_post)
            self.commissioned_on.set_value(membership.commissioned_on)
            self.term_start.set_value(membership.term_start)
            self.term_end.set_value(membership.term_end)
            self.ended_on.set_value(membership.ended_on)
        elif default_district_id is None or not self.district.set_value(default_district_id):
            self.district.start_empty(self.tr("学区を選んでください"))  # 全学区 is shown: no guess
        self.role.currentIndexChanged.connect(self._role_changed)
        self._role_changed()
        self.fit_to_screen(28)

    def _role_changed(self) -> None:
        self.public_post.setEnabled(self.role.value() is MemberRole.PUBLIC_POST)

    def save(self) -> MembershipInput:
        errors: list[ValidationError] = []
        district_id = self.district.value()
        if district_id is None:  # shown with any date errors below, so one save names every field to fix
            errors.append(
                ValidationError(
                    "district_id",
                    self.tr("学区を選んでください。学区がないときは「設定」で登録してください。"),
                )
            )
        role: MemberRole = self.role.value()
        public_post = normalize_text(self.public_post.text())
        if role is MemberRole.PUBLIC_POST and not public_post:
            errors.append(
                ValidationError(
                    "public_post",
                    self.tr("町からの公職の方は、公職名（例: 民生委員・児童委員）を入力してください。"),
                )
            )
        dates = {}
        for edit, name in (
            (self.commissioned_on, "commissioned_on"),
            (self.term_start, "term_start"),
            (self.term_end, "term_end"),
            (self.ended_on, "ended_on"),
        ):
            try:
                dates[name] = edit.value()
            except ValidationError as exc:
                errors.append(exc)
                dates[name] = None
        for later in errors[1:]:
            self.form.show_error(later.field, later.message, focus=False)
        if errors:
            raise errors[0]
        assert district_id is not None
        start, end, ended = dates["term_start"], dates["term_end"], dates["ended_on"]
        if start and end and end < start:
            raise ValidationError(
                "term_end", self.tr("任期の終わりが始まりより前になっています。日付を確認してください。")
            )
        if start and ended and ended < start:
            raise ValidationError(
                "ended_on", self.tr("退任日が任期の始まりより前になっています。日付を確認してください。")
            )
        return MembershipInput(
            district_id=district_id,
            role=role,
            public_post=public_post if role is MemberRole.PUBLIC_POST else "",
            officer_post=self.officer_post.value(),
            commissioned_on=dates["commissioned_on"],
            term_start=start,
            term_end=end,
            ended_on=ended,
            id=self._original.id if self._original else None,
        )
