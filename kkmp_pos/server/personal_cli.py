"""`kkmp-pos-server admin export-members|erase-member`: personal data read in full or erased (audited)."""

from __future__ import annotations

import argparse
import csv
from typing import Any

from kkmp_pos.core.personal import mask
from kkmp_pos.core.spreadsheet import safe_row
from kkmp_pos.server import catalog, personal
from kkmp_pos.server.db import ServerDb
from kkmp_pos.server.feed import append_changes

COLUMNS = ["member_id", "member_no", "name", "nik", "kk", "phone", "address", "active"]


def run(sdb: ServerDb, args: argparse.Namespace) -> int:
    if args.action == "erase-member":
        with sdb.database.connection_context(), sdb.atomic():
            changes = personal.erase_member(sdb, args.cooperative, args.member_id, args.by)
            append_changes(sdb, changes)
        print(
            f"member {args.member_id}: personal data erased"
            if changes
            else "nothing to erase (unknown or already erased)"
        )
        return 0
    with sdb.database.connection_context():
        if args.full_nik:
            rows = personal.members_full(sdb, args.cooperative, args.by)
        else:
            rows = [_masked(r) for r in catalog.list_members(sdb, args.cooperative)]
    with open(args.file, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        writer.writerows(safe_row(row.get(c, "") for c in COLUMNS) for row in rows)
    print(
        f"{len(rows)} members written to {args.file}"
        + (" (full NIK and KK, audited)" if args.full_nik else "")
    )
    return 0


def _masked(row: dict[str, Any]) -> dict[str, Any]:
    return row | {"nik": mask(None, row.get("nik_last4")), "kk": mask(None, row.get("kk_last4"))}
