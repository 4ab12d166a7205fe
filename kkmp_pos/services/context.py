"""What every service shares: the database, the clock, the store and terminal, and the settings."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import peewee

from kkmp_pos.config import MISSING, SETTINGS, Settings
from kkmp_pos.core.timeutil import business_date, to_iso, utc_now
from kkmp_pos.db.models import SettingModel, StoreModel, TerminalModel


@dataclass(frozen=True)
class Actor:
    """The person acting, as the services see them after login."""

    user_id: int
    name: str
    role: str  # kasir | manajer | admin


class ServiceContext:
    def __init__(
        self,
        db: peewee.SqliteDatabase,
        data_dir: Path,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self.db = db
        self.data_dir = Path(data_dir)
        self._clock = clock
        self._store: StoreModel | None = None
        self._terminal_id: str | None = None
        self._terminal_label: tuple[int, str] | None = None
        self._date_floor: str | None = None
        self.settings = Settings(self._stored_setting)
        # Every stored setting, read in one query and kept while nothing changed them (see _stored_setting).
        self._settings_cache: dict[str, str] | None = None
        self._settings_key: tuple[int, int, int] | None = None
        # Called with a drawer-opening print job's id once the cash movement that queued it has
        # committed (services/printing/drawer_kick.py); the till sends it in the background.
        self.drawer_kicks: list[Callable[[int], None]] = []

    # -- identity -------------------------------------------------------------------------------
    @property
    def store(self) -> StoreModel:
        if self._store is None:
            self._store = StoreModel.get()
        return self._store

    def refresh_store(self) -> None:
        self._store = None

    @property
    def terminal_id(self) -> str:
        """This till's terminal id, which never changes: no query (ledger rows on the sale path need it)."""
        if self._terminal_id is None:
            self._terminal_id = TerminalModel.get().id
        return self._terminal_id

    @property
    def terminal_number_code(self) -> tuple[int, str]:
        """This till's number and code, set up once and never changed: no query (receipt numbers)."""
        if self._terminal_label is None:
            row = TerminalModel.select(TerminalModel.id, TerminalModel.number, TerminalModel.code).get()
            self._terminal_id = self._terminal_id or row.id
            self._terminal_label = (row.number, row.code)
        return self._terminal_label

    @property
    def terminal(self) -> TerminalModel:
        """Read fresh: next_seq changes with every event and other threads may write it."""
        if self._terminal_id is None:
            self._terminal_id = TerminalModel.get().id
        return TerminalModel.get_by_id(self._terminal_id)

    def protected_paths(self) -> tuple[str, ...]:
        """The data folder and the database file: no device may be pointed at them."""
        return (str(self.data_dir), str(self.db.database))

    # -- time ---------------------------------------------------------------------------------
    @property
    def clock(self) -> Callable[[], datetime]:
        return self._clock

    @clock.setter
    def clock(self, clock: Callable[[], datetime]) -> None:
        """Another clock (the demo's past days): the date floor is read again from the documents."""
        self._clock = clock
        self._date_floor = None

    def now(self) -> datetime:
        return self.clock()

    def now_iso(self) -> str:
        return to_iso(self.clock())

    def business_date(self, moment: datetime | None = None) -> str:
        """The store-local date of `moment`; for now, never earlier than the newest document's
        (a clock that went back after a power cut does not move the books into a past day)."""
        today = business_date(moment or self.clock(), self.store.timezone).isoformat()
        if moment is not None:
            return today
        if self._date_floor is None:
            from kkmp_pos.services.setup.newest_document import business_date_floor

            self._date_floor = business_date_floor() or today
        self._date_floor = max(self._date_floor, today)
        return self._date_floor

    # -- settings -----------------------------------------------------------------------------
    def _stored_setting(self, key: str) -> Any:
        raw = self._stored_settings().get(key)
        return MISSING if raw is None else json.loads(raw)

    def _stored_settings(self) -> dict[str, str]:
        """The setting table as {key: JSON text}, cached while nothing changed it.

        A checkout reads a dozen settings; reading each row again cost ~7 ms a sale. The cache is read
        again when another connection committed (`PRAGMA data_version` of this thread's connection: the
        sync worker process, the CLI, another thread) or this process wrote a setting (`SettingModel.writes`).
        It is not filled inside a transaction after this process wrote a setting: that write may yet be
        rolled back."""
        connection = self.db.connection()
        version = connection.execute("PRAGMA data_version").fetchone()[0]
        key = (id(connection), version, SettingModel.writes)
        if self._settings_cache is not None and key == self._settings_key:
            return self._settings_cache
        values = dict(SettingModel.select(SettingModel.key, SettingModel.value).tuples())
        own_write = self._settings_key is None or self._settings_key[2] != SettingModel.writes
        if not (own_write and self.db.in_transaction()):
            self._settings_cache, self._settings_key = values, key
        return values

    def setting_raw(self, key: str) -> Any:
        """A stored value that is not a declared setting (e.g. the 'demo' marker), or None."""
        row = SettingModel.get_or_none(SettingModel.key == key)
        return json.loads(row.value) if row else None

    def set_setting(self, key: str, value: Any) -> None:
        """Store a declared setting; a value of the wrong type is refused here, before anyone reads it."""
        if key not in SETTINGS:
            raise KeyError(key)
        SETTINGS[key].check(value)
        SettingModel.insert(key=key, value=json.dumps(value)).on_conflict_replace().execute()
