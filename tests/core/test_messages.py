"""Every error code the package raises has words in Bahasa Indonesia and English."""

import ast
from pathlib import Path

import kkmp_pos
from kkmp_pos.core.errors import KkmpError, ValidationError
from kkmp_pos.core.messages import MESSAGES, render

ERROR_CLASSES = {
    "KkmpError",
    "ValidationError",
    "NotFoundError",
    "PermissionDenied",
    "StateError",
    "DeviceError",
    "StorageError",
    "SettingError",
    "SyncError",
}


def raised_codes() -> dict[str, str]:
    codes: dict[str, str] = {}
    for path in Path(kkmp_pos.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ERROR_CLASSES
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                codes[node.args[0].value] = path.name
    return codes


def test_every_raised_code_is_in_the_catalogue():
    codes = raised_codes()
    assert "cash_short" in codes
    missing = {code: where for code, where in codes.items() if code not in MESSAGES}
    assert not missing, f"codes without a message: {missing}"


def test_both_languages_present_and_different():
    for code, (indonesian, english) in MESSAGES.items():
        assert indonesian.strip() and english.strip(), code


def test_message_renders_parameters():
    err = ValidationError("cash_short", short="Rp500", due="Rp15.500", tendered="Rp15.000")
    assert err.message() == "Uang kurang Rp500. Total Rp15.500, diterima Rp15.000."
    assert err.message("en").startswith("Cash short by Rp500")
    assert render("no_such_code", {"a": 1}) == "no_such_code: {'a': 1}"
    assert isinstance(err, KkmpError)


def test_a_parameter_can_carry_both_languages():
    err = ValidationError(
        "printer_uri_invalid", uri="x", reason="port bukan angka", reason_en="port is not a number"
    )
    assert err.message("id").endswith("port bukan angka.")
    assert err.message("en").endswith("port is not a number.")
