"""Settings: each declared once with its type, read as a typed attribute, a wrong stored type refused."""

from __future__ import annotations

import json

import pytest

from kkmp_pos.config import MISSING, SETTINGS, Setting, Settings
from kkmp_pos.core.errors import KkmpError, SettingError
from kkmp_pos.db.models import SettingModel


def _settings(**stored: object) -> Settings:
    return Settings(lambda key: stored.get(key, MISSING))


def test_every_declared_setting_is_an_attribute_named_after_its_key():
    attributes = {name: value for name, value in vars(Settings).items() if isinstance(value, Setting)}
    assert {name: s.key for name, s in attributes.items()} == {key.replace(".", "_"): key for key in SETTINGS}


def test_an_attribute_named_unlike_its_key_is_refused_when_declared():
    misnamed = Setting("printer.width", 58, int, "misnamed")
    with pytest.raises(TypeError, match="printer_width"):
        misnamed.__set_name__(Settings, "width")


def test_every_default_has_its_declared_type():
    for setting in SETTINGS.values():
        assert setting.check(setting.default) == setting.default


def test_an_unsaved_setting_reads_its_default_with_its_type():
    settings = _settings()
    assert settings.printer_paper_mm == 58
    assert settings.printer_cut is True
    assert settings.language == "id"
    assert settings.cash_quick_notes == [2000, 5000, 10000, 20000, 50000, 100000]
    assert settings.scale_layout == {}


def test_a_default_list_handed_out_cannot_change_the_default():
    _settings().receipt_footer.append("diubah")
    assert "diubah" not in _settings().receipt_footer


def test_a_saved_setting_reads_the_saved_value():
    settings = _settings(**{"printer.paper_mm": 80, "receipt.header": ["KKMP Sukamaju"]})
    assert settings.printer_paper_mm == 80
    assert settings.receipt_header == ["KKMP Sukamaju"]


@pytest.mark.parametrize(
    ("key", "stored"),
    [
        ("printer.paper_mm", "80"),  # a number kept as text is not cast into one
        ("cash.rounding_rp", True),  # JSON true is not the number 1
        ("cash.rounding_rp", 100.5),
        ("printer.cut", 1),
        ("printer.uri", 9100),
        ("receipt.footer", "Terima kasih"),
        ("cash.quick_notes", [2000, "5000"]),
        ("scale.layout", ["21"]),
        ("scale.layout", None),
    ],
)
def test_a_stored_value_of_the_wrong_type_raises_a_setting_error(key, stored):
    settings = _settings(**{key: stored})
    with pytest.raises(SettingError) as caught:
        getattr(settings, key.replace(".", "_"))
    assert isinstance(caught.value, KkmpError)
    assert caught.value.code == "setting_wrong_type"
    assert key in caught.value.message()
    assert "Pengaturan" in caught.value.message()  # the cashier's language first


def test_the_message_names_the_expected_type_in_both_languages():
    with pytest.raises(SettingError) as caught:
        _ = _settings(**{"printer.paper_mm": "80"}).printer_paper_mm
    assert "bilangan bulat" in caught.value.message()
    assert "whole number" in caught.value.message("en")


def test_the_till_reads_settings_through_the_typed_view(till):
    till.ctx.set_setting("printer.paper_mm", 80)
    assert till.ctx.settings.printer_paper_mm == 80


def test_a_damaged_row_in_the_database_raises_a_setting_error(till):
    SettingModel.insert(key="printer.paper_mm", value=json.dumps("80mm")).on_conflict_replace().execute()
    with pytest.raises(SettingError):
        _ = till.ctx.settings.printer_paper_mm


def test_saving_a_value_of_the_wrong_type_is_refused_and_stores_nothing(till):
    with pytest.raises(SettingError):
        till.ctx.set_setting("cash.rounding_rp", "500")
    assert till.ctx.settings.cash_rounding_rp == 100


def test_saving_an_undeclared_setting_is_refused(till):
    with pytest.raises(KeyError):
        till.ctx.set_setting("printer.colour", True)
