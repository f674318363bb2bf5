"""AppContext: what every page shares — the open database, the chosen district, the text size."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Signal

from sakae_council.gui.settings import KEY_DISTRICT, KEY_TEXT_SIZE, read_int
from sakae_council.gui.text_size import TextSize, apply_text_size
from sakae_council.gui.widgets import edit_guard

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from datetime import date

    from sakae_council.db.engine import Database


class Rights(NamedTuple):
    """What the person may change in an open database, as the edit actions show it (gui.widgets.edit_guard).
    (A NamedTuple, not a dataclass: this module is imported before the first paint, which imports no dataclasses.)"""

    read_only: bool = False
    # a 閲覧のみ user of the town server
    viewer: bool = False


def read_rights(db: Database) -> Rights:
    """The rights of whoever has ``db`` open. Database work: the open flow and the server connection run it on
    the database worker before they give the window the database (``AppContext.set_database(db, rights)``)."""
    if db.read_only:
        return Rights(read_only=True)
    from sakae_council.services.users import current_user  # not at start: it needs SQLAlchemy

    try:
        me = current_user(db)
    except Exception:  # the services still refuse what the user may not do
        log.warning("cannot read the current user's rights", exc_info=True)
        return Rights()
    return Rights(viewer=me.shared and not me.can_write)


class AppContext(QObject):
    """Shared state of the window; pages listen to its signals instead of to each other.

    ``districtChanged(object)`` carries the district id or None for 全学区; ``dataChanged(str)`` names
    an area ("people", "organisations", "districts") whose records changed, so other pages refresh.
    At program start the context is made before the database is open (``db=None``: the main window
    paints first); ``set_database`` then gives it the file, and until then ``has_database`` is False.
    ``pageRequested(str)`` asks the main window to bring the page with that registry key to the front
    (see :meth:`open_page`).
    """

    districtChanged = Signal(object)
    dataChanged = Signal(str)
    databaseChanged = Signal()
    textSizeChanged = Signal(object)
    pageRequested = Signal(str)

    def __init__(
        self,
        db: Database | None,
        settings: QSettings,
        *,
        font_family: str | None = None,
        today: date | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self.settings = settings
        self.font_family = font_family
        self._today = today
        self._district_id = read_int(settings, KEY_DISTRICT)
        self._text_size = TextSize.from_code(settings.value(KEY_TEXT_SIZE))
        # Built with a database (tests, tools): its rights are read on the spot. The program builds it without
        # one and gives it the database with the rights read on the worker (set_database).
        self._rights = read_rights(db) if db is not None else Rights()
        edit_guard.set_reason(self.write_block_reason())

    # --- date ---------------------------------------------------------------------------------
    def today(self) -> date:
        """The date terms and deadlines are measured against (fixed in tests and demos)."""
        if self._today is not None:
            return self._today
        from datetime import date  # not before the window's first paint (gui/app.py)

        return date.today()

    # --- district -----------------------------------------------------------------------------
    @property
    def district_id(self) -> int | None:
        """The district chosen in the switcher, or None for 全学区."""
        return self._district_id

    def set_district(self, district_id: int | None) -> None:
        if district_id == self._district_id:
            return
        self._district_id = district_id
        self.settings.setValue(KEY_DISTRICT, "" if district_id is None else district_id)
        self.districtChanged.emit(district_id)

    # --- navigation ---------------------------------------------------------------------------
    def open_page(self, key: str, district_id: int | None) -> None:
        """Show page ``key`` (a registry key: "roster", "issues"...) filtered to ``district_id`` (None: 全学区).

        The district switcher follows, so the filter stays visible and the user can change it back.
        """
        self.set_district(district_id)
        self.pageRequested.emit(key)

    # --- text size ----------------------------------------------------------------------------
    @property
    def text_size(self) -> TextSize:
        return self._text_size

    def set_text_size(self, size: TextSize) -> None:
        """Apply a text size to the whole application and remember it."""
        self._text_size = size
        self.settings.setValue(KEY_TEXT_SIZE, size.code)
        apply_text_size(size, self.font_family)
        self.textSizeChanged.emit(size)

    # --- database -----------------------------------------------------------------------------
    @property
    def has_database(self) -> bool:
        """False only at program start, while the window is painted and the file is being opened."""
        return self._db is not None

    @property
    def db(self) -> Database:
        if self._db is None:
            raise RuntimeError("the database is not open yet")
        return self._db

    def set_database(self, db: Database, rights: Rights | None = None) -> None:
        """Switch to another database (the old one is closed), or give the context its first one.

        ``rights``: the person's rights in ``db``, read on the database worker (:func:`read_rights`) with the
        rest of the open. Without them the edit actions follow the file's read-only state at once and the
        rights are read on the worker, the guard following when they come (the same database again: kept).
        The district chosen last time is kept for the first database (it is the same file as last
        time, opened at start) and forgotten on a switch to another.
        """
        old = self._db
        self._db = db
        if old is not None:
            self._district_id = None
        from sakae_council.gui.ops import QueryOp

        if rights is not None:
            self._rights = rights
        elif db is not old:
            self._rights = Rights(read_only=db.read_only)
            QueryOp(lambda: read_rights(db), parent=self).success(lambda r: self._rights_read(db, r)).run()
        edit_guard.set_reason(self.write_block_reason())
        self.databaseChanged.emit()
        if old is not None and old is not db:
            # On the database worker: after every operation already asked of the old database (a closing
            # backup, a list load), never under one.
            QueryOp(old.close).run()

    def _rights_read(self, db: Database, rights: Rights) -> None:
        if db is self._db and rights != self._rights:
            self._rights = rights
            edit_guard.set_reason(self.write_block_reason())

    def write_block_reason(self) -> str:
        """Why nothing can be changed in this database ("" when it can): opened read-only, or a 閲覧のみ user.

        Every page's and dialog's edit actions are disabled with this as their tooltip (gui.widgets.edit_guard);
        the services refuse such writes anyway. Nothing is read here: the rights came with the database.
        """
        if not self.has_database:  # the window painted at start, before the file is open
            return ""
        if self._rights.read_only or self.db.read_only:
            return QCoreApplication.translate("AppContext", "読み取り専用で開いています")
        if self._rights.viewer:
            return QCoreApplication.translate("AppContext", "閲覧のみの利用者のため、変更できません")
        return ""

    def notify(self, area: str) -> None:
        """Tell every page that records of ``area`` changed."""
        self.dataChanged.emit(area)
