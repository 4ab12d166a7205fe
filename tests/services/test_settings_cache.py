"""ServiceContext keeps the settings in memory and reads them again only when they may have changed:
a commit by another connection (PRAGMA data_version), or a write by this process. A setting written in
a transaction that rolls back is never served from the cache."""

from __future__ import annotations

import json
import sqlite3
import threading

import pytest

from kkmp_pos.db.models import SettingModel


def _footer_elsewhere(till, footer: list[str]) -> None:
    con = sqlite3.connect(till.ctx.db.database)  # another connection, as the sync worker process or the CLI
    with con:
        con.execute(
            "INSERT OR REPLACE INTO setting (key, value) VALUES ('receipt.footer', ?)", (json.dumps(footer),)
        )
    con.close()


def test_a_setting_changed_by_another_connection_is_seen(till):
    till.ctx.set_setting("receipt.footer", ["Satu"])
    assert till.ctx.settings.receipt_footer == ["Satu"]
    _footer_elsewhere(till, ["Dua"])
    assert till.ctx.settings.receipt_footer == ["Dua"]
    _footer_elsewhere(till, ["Tiga"])
    with till.ctx.db.atomic():  # first read inside a sale's transaction
        assert till.ctx.settings.receipt_footer == ["Tiga"]
    assert till.ctx.settings.receipt_footer == ["Tiga"]


def _footer_elsewhere_thread(till, footer: list[str]) -> None:
    done = threading.Thread(target=_footer_elsewhere, args=(till, footer))
    done.start()
    done.join()


def test_a_setting_changed_by_another_thread_is_seen(till):
    assert till.ctx.settings.receipt_footer is not None
    _footer_elsewhere_thread(till, ["Dari thread lain"])
    assert till.ctx.settings.receipt_footer == ["Dari thread lain"]


def test_this_process_writes_are_seen_at_once_and_a_rolled_back_one_is_forgotten(till):
    till.ctx.set_setting("receipt.footer", ["Awal"])
    assert till.ctx.settings.receipt_footer == ["Awal"]
    SettingModel.insert(key="receipt.footer", value=json.dumps(["Langsung"])).on_conflict_replace().execute()
    assert till.ctx.settings.receipt_footer == ["Langsung"]

    class Abandon(Exception):
        pass

    with pytest.raises(Abandon), till.ctx.db.atomic():
        till.ctx.set_setting("receipt.footer", ["Batal"])
        assert till.ctx.settings.receipt_footer == ["Batal"]  # the transaction sees its own write
        raise Abandon
    assert till.ctx.settings.receipt_footer == ["Langsung"]
