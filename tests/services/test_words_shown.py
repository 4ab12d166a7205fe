"""Words people see instead of codes: a refusal names the act, in either language."""

from __future__ import annotations

import pytest

from kkmp_pos.core.errors import PermissionDenied
from kkmp_pos.services.setup.auth import PERMISSIONS, require


def test_a_refusal_names_the_act_not_the_permission_code(till, cashier):
    with pytest.raises(PermissionDenied) as refused:
        require(cashier, "manage_admins")
    assert "mengelola admin" in refused.value.message("id")
    assert "manage administrators" in refused.value.message("en")
    assert "manage_admins" not in refused.value.message("id") + refused.value.message("en")


def test_every_permission_has_a_name_in_both_languages():
    from kkmp_pos.core.permission_names import PERMISSION_NAMES

    every = set().union(*PERMISSIONS.values())
    assert every <= PERMISSION_NAMES.keys()
    assert all("_" not in i and "_" not in e for i, e in PERMISSION_NAMES.values())
