"""`kkmp-pos report lpg`: the LPG 3 kg logbook as JSON, text and CSV, masked unless --full-nik."""

import csv
import json

import pytest

from kkmp_pos.cli import main
from kkmp_pos.core.cart import Cart
from kkmp_pos.db.models import AuditLogModel, MemberModel
from tests.services.test_sales import barcode_of, cash

WALK_IN_NIK = "6471015708900002"


@pytest.fixture
def lpg_shop(till, cashier, manager):
    """Today: a walk-in buys two tubes, a member one; a third sale is cancelled (left out)."""
    member_nik = MemberModel.get(MemberModel.number == "A-000002").nik

    def lpg(qty: int, *, nik: str | None = None, member: str | None = None):  # type: ignore[no-untyped-def]
        cart = Cart()
        cart.add(till.catalog.lookup_barcode(barcode_of("LPG3")), qty)
        cart.add(till.catalog.lookup_barcode(barcode_of("GP1")), 1000)  # not in the logbook
        if member:
            cart.set_member(till.members.find(member))
        return till.sales.checkout(cart, cash(100_000), cashier, buyer_nik=nik)

    lpg(2000, nik=WALK_IN_NIK)
    lpg(1000, member="A-000002")
    cancelled = lpg(1000, nik=WALK_IN_NIK)
    till.reversals.cancel(cancelled.sale_id, manager, manager, "salah input")
    today = till.ctx.business_date()
    folder = till.db_path.parent
    till.close()
    return folder, today, member_nik


def todays(book: dict, today: str) -> list[dict]:
    return [e for e in book["entries"] if e["business_date"] == today]


def test_json_lists_todays_lpg_sales_with_masked_niks_and_a_day_total(lpg_shop, capsys):
    folder, today, member_nik = lpg_shop
    assert main(["--data-dir", str(folder), "report", "lpg", "--from", today, "--to", today, "--json"]) == 0
    book = json.loads(capsys.readouterr().out)
    entries = todays(book, today)
    assert [(e["nik"], e["qty_milli"], e["total_rp"]) for e in entries] == [
        ("6471********0002", 2000, 38_000),
        (member_nik[:4] + "********" + member_nik[-4:], 1000, 18_500),  # member price
    ]
    assert all(e["product"].startswith("LPG 3 kg") and e["receipt_no"] and e["time"] for e in entries)
    [day] = [d for d in book["days"] if d["date"] == today]
    assert (day["sales"], day["qty_milli"], day["total_rp"]) == (2, 3000, 56_500)
    assert book["nik"] == "masked" and WALK_IN_NIK not in json.dumps(book)


def test_csv_export_and_full_niks_only_when_asked_and_audited(lpg_shop, tmp_path, capsys):
    folder, today, _ = lpg_shop
    target = tmp_path / "lpg.csv"
    args = ["--data-dir", str(folder), "report", "lpg", "--from", today, "--to", today, "--csv", str(target)]
    assert main(args) == 0
    text = capsys.readouterr().out
    assert "Buku LPG 3 kg" in text and "6471********0002" in text
    rows = list(csv.reader(target.open(encoding="utf-8")))
    assert rows[0][:4] == ["tanggal", "jam", "no_struk", "nik"]
    assert [r[3] for r in rows[1:] if r[0] == today and r[3]][:1] == ["6471********0002"]
    assert any(r[2] == "TOTAL 2 penjualan" and r[0] == today for r in rows)

    assert main([*args, "--full-nik"]) == 0
    assert WALK_IN_NIK in target.read_text(encoding="utf-8")

    from kkmp_pos.app import open_till

    till = open_till(folder)
    assert AuditLogModel.select().where(AuditLogModel.action == "lpg_logbook.full_nik").count() == 1
    till.close()


def test_a_bad_date_is_refused_with_words(lpg_shop, capsys):
    folder, _, _ = lpg_shop
    assert main(["--data-dir", str(folder), "report", "lpg", "--from", "kemarin", "--to", "2026-01-01"]) == 2
    assert "tidak sah" in capsys.readouterr().err
