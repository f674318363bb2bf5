"""The ⑫ record lists on the 指標 page: 相談記録, 講座 and 起業者, each a ListPage with its editor.

These records feed 生活支援ビジネスの相談者数 and 生活支援サービスの起業者数; after every change the page says
so (``ctx.notify(Area.LIFESUPPORT)``) and the indicator table recounts. 相談記録 and 起業者 follow the district
switcher (ListPage reloads on it); 講座 are town-wide.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from sakae_council.domain.areas import Area
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.base import EntityDialog
from sakae_council.gui.dialogs.lifesupport_consultation import open_consultation_editor
from sakae_council.gui.dialogs.lifesupport_course import open_course_editor
from sakae_council.gui.dialogs.lifesupport_startup import open_startup_editor
from sakae_council.gui.formatting import wareki
from sakae_council.gui.models.indicator_lifesupport import ConsultationsModel, CoursesModel, StartupsModel
from sakae_council.gui.models.table import DtoTableModel
from sakae_council.gui.ops import QueryOp
from sakae_council.gui.widgets.fiscal_year import FiscalYearChoice
from sakae_council.gui.widgets.list_page import ListPage
from sakae_council.gui.widgets.messages import confirm, show_error
from sakae_council.services import lifesupport, search

AREA = Area.LIFESUPPORT


class RecordListPage(ListPage):
    """A ⑫ list: 年度 filter, search, 新規登録, Enter edits, Delete removes after asking."""

    def unit(self, n: int) -> str:
        """The count in the title line (「12件」; English "12 records")."""
        return self.tr("%n件", "", n)

    def __init__(
        self, ctx: AppContext, title: str, model: DtoTableModel[Any], parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, title, parent)
        self.dialog: EntityDialog | None = None
        self.year_filter = FiscalYearChoice(ctx.today(), all_text=self.tr("すべての年度"))
        self.year_filter.setObjectName("yearFilter")
        self.year_filter.setAccessibleName(self.tr("年度で絞り込み"))
        self.year_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.add_filter(self.year_filter)
        self.new_button = self.add_button(self.tr("新規登録"), self.new_item, primary=True, name="newButton")
        self.records = model
        self.set_model(model, sort_column=0)
        ctx.dataChanged.connect(self._data_changed)

    def _data_changed(self, area: str) -> None:
        if area in (AREA, Area.DISTRICTS, Area.PEOPLE):
            self.reload()

    def loader(self) -> Callable[[], Sequence[Any]]:
        """The list's load for the filters shown now (read here, on the GUI thread; run on the worker)."""
        raise NotImplementedError

    def scope(self) -> str | None:
        """The title line's scope when it is not the switcher's district (read on the worker by default)."""
        return None

    def reload(self) -> None:
        self.show_rows(self.records, self.loader(), self.unit, district=self.scope())

    def open_dialog(self, dialog: EntityDialog) -> None:
        self.dialog = dialog
        dialog.saved.connect(self._saved)
        dialog.open()

    def _gone(self, exc: BaseException) -> None:
        """The record could not be read for its editor (deleted meanwhile): say so, show the list as it is."""
        show_error(self, exc)
        self.reload()

    def _saved(self, item: Any) -> None:
        self.ctx.notify(AREA)
        if item is not None:
            self.select_where(lambda x: x.id == item.id)

    def remove(self, name: str, delete: Callable[[], object]) -> None:
        if not confirm(
            self,
            self.tr("削除"),
            self.tr("{name}を削除しますか？\n削除すると元に戻せません。").format(name=name),
            self.tr("削除"),
        ):
            return
        QueryOp(delete, parent=self).success(lambda _r: self.ctx.notify(AREA)).run()


def _matches(query: str, *texts: str) -> bool:
    return search.matches(search.words(query), texts)  # the one search rule of every list


class ConsultationsPage(RecordListPage):
    """相談記録 of the chosen district (or all), searched over 相談者・内容・つなぎ先."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx, QCoreApplication.translate("LifeSupport", "相談記録"), ConsultationsModel(), parent
        )
        self.search.setPlaceholderText(self.tr("相談者・相談内容・つなぎ先で検索（Ctrl+F）"))
        self.reload()

    def loader(self) -> Callable[[], Sequence[Any]]:
        db, year, district, text = (
            self.ctx.db,
            self.year_filter.value(),
            self.ctx.district_id,
            self.search.text(),
        )
        return lambda: lifesupport.list_consultations(db, year, district, text)

    def new_item(self) -> None:
        open_consultation_editor(self.ctx, None, self, self.open_dialog)

    def edit_item(self, item: Any) -> None:
        open_consultation_editor(self.ctx, item.id, self, self.open_dialog, failure=self._gone)

    def delete_item(self, item: Any) -> None:
        name = self.tr("{date}の「{person}」さんの相談記録").format(
            date=wareki(item.held_on), person=item.person_name
        )
        self.remove(name, lambda: lifesupport.delete_consultation(self.ctx.db, item.id, item.version))


class CoursesPage(RecordListPage):
    """講座 (town-wide) with their attendees, searched over 講座名・会場・受講者."""

    def unit(self, n: int) -> str:
        return self.tr("%n講座", "", n)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, QCoreApplication.translate("LifeSupport", "講座"), CoursesModel(), parent)
        self.search.setPlaceholderText(self.tr("講座名・会場・受講者で検索（Ctrl+F）"))
        self.reload()

    def district_name(self) -> str:
        return self.tr("町全体")  # courses belong to no district

    def scope(self) -> str | None:
        return self.district_name()

    def loader(self) -> Callable[[], Sequence[Any]]:
        db, year, q = self.ctx.db, self.year_filter.value(), self.search.text()
        return lambda: [
            c
            for c in lifesupport.list_courses(db, year)
            if _matches(q, c.title, c.place, c.notes, *(a.name for a in c.attendees))
        ]

    def new_item(self) -> None:
        open_course_editor(self.ctx, None, self, self.open_dialog)

    def edit_item(self, item: Any) -> None:
        open_course_editor(self.ctx, item.id, self, self.open_dialog, failure=self._gone)

    def delete_item(self, item: Any) -> None:
        name = self.tr("講座「{title}」（受講者%n名）", "", item.attendee_count).format(title=item.title)
        self.remove(name, lambda: lifesupport.delete_course(self.ctx.db, item.id, item.version))


class StartupsPage(RecordListPage):
    """起業者 of the chosen district (or all), searched over 起業者・事業名・分野."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, QCoreApplication.translate("LifeSupport", "起業者"), StartupsModel(), parent)
        self.search.setPlaceholderText(self.tr("起業者・事業名・分野で検索（Ctrl+F）"))
        self.reload()

    def loader(self) -> Callable[[], Sequence[Any]]:
        db, year, district, q = (
            self.ctx.db,
            self.year_filter.value(),
            self.ctx.district_id,
            self.search.text(),
        )
        return lambda: [
            b
            for b in lifesupport.list_startups(db, year, district)
            if _matches(q, b.founder_name, b.business_name, b.field, b.notes)
        ]

    def new_item(self) -> None:
        open_startup_editor(self.ctx, None, self, self.open_dialog)

    def edit_item(self, item: Any) -> None:
        open_startup_editor(self.ctx, item.id, self, self.open_dialog, failure=self._gone)

    def delete_item(self, item: Any) -> None:
        name = self.tr("「{person}」さんの起業記録").format(person=item.founder_name)
        self.remove(name, lambda: lifesupport.delete_startup(self.ctx.db, item.id, item.version))
