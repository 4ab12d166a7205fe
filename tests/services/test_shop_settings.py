"""The shop's identity and the settings editor: kode wilayah and NPWP checked by their format, a time
zone of WIB/WITA/WIT, each change audited old → new, and every setting's own rule."""

from __future__ import annotations

import json

import pytest

from kkmp_pos.core.errors import PermissionDenied, ValidationError
from kkmp_pos.db.models import AuditLogModel
from kkmp_pos.services.setup.settings_editor import check_value
from kkmp_pos.services.setup.shop_profile import ShopProfile, check_kode_wilayah, check_npwp, check_profile


@pytest.mark.parametrize("code", ["64.71.05.1001", "11.01.01.2001", ""])
def test_kemendagri_codes_of_a_kelurahan_or_desa_pass(code):
    assert check_kode_wilayah(code) == code


@pytest.mark.parametrize("code", ["64.71.5.1001", "6471051001", "64.71.05", "64.71.05.3001", "04.71.05.1001"])
def test_other_shapes_are_refused(code):
    with pytest.raises(ValidationError) as info:
        check_kode_wilayah(code)
    assert info.value.code == "kode_wilayah_invalid"


def test_npwp_is_checked_and_printed_in_its_usual_form():
    assert check_npwp("013121660091000") == "01.312.166.0-091.000"
    assert check_npwp(" 01.312.166.0-091.000 ") == "01.312.166.0-091.000"
    with pytest.raises(ValidationError):
        check_npwp("01.312.166.1-091.000")


def test_a_vat_registered_shop_needs_its_npwp():
    with pytest.raises(ValidationError) as info:
        check_profile(ShopProfile("TOKO", "Gerai", "Koperasi", vat_registered=True))
    assert info.value.code == "npwp_required_for_vat"


def test_saving_the_profile_audits_old_and_new_and_needs_a_manager(till, manager, cashier):
    service = till.shop_profile
    profile = service.load()
    with pytest.raises(PermissionDenied):
        service.save(cashier, profile)
    with pytest.raises(PermissionDenied):  # no actor outside the first-run wizard
        service.save(None, profile)
    changed = ShopProfile(**{**profile.__dict__, "simkopdes_ref": "KOP-6471-0001", "time_zone": "WIB"})
    saved = service.save(manager, changed)
    assert saved.simkopdes_ref == "KOP-6471-0001" and till.ctx.store.timezone == "Asia/Jakarta"
    row = AuditLogModel.select().where(AuditLogModel.action == "settings.shop").get()
    changes = json.loads(row.detail)["changes"]
    assert changes == {"simkopdes_ref": ["", "KOP-6471-0001"], "time_zone": [profile.time_zone, "WIB"]}


@pytest.mark.parametrize(
    ("key", "value", "code"),
    [
        ("cash.rounding_rp", 250, "setting_not_a_choice"),
        ("language", "fr", "setting_not_a_choice"),
        ("tax.ppn_percent", 40, "setting_out_of_range"),
        ("auth.max_failed", 0, "setting_out_of_range"),
        ("receipt.header", ["x" * 49], "setting_lines_too_long"),
        ("cash.quick_notes", [], "setting_out_of_range"),
        ("discount.max_percent", "10", "setting_wrong_type"),
    ],
)
def test_each_setting_has_its_rule(key, value, code):
    with pytest.raises(Exception) as info:
        check_value(key, value)
    assert info.value.code == code


def test_internal_settings_are_not_editable():
    with pytest.raises(KeyError):
        check_value("setup.wizard_pending", False)


def test_the_editor_saves_only_changes_with_one_audit_row_each(till, manager, cashier):
    with pytest.raises(PermissionDenied):
        till.settings_editor.save(cashier, {"cash.rounding_rp": 500})
    done = till.settings_editor.save(
        manager, {"cash.rounding_rp": 500, "language": till.ctx.settings.language}
    )
    assert done == {"cash.rounding_rp": (100, 500)}
    rows = AuditLogModel.select().where(AuditLogModel.action == "settings.changed")
    assert [json.loads(r.detail) for r in rows] == [{"key": "cash.rounding_rp", "old": 100, "new": 500}]
