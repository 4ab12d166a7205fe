"""Server schema step 3: a database of step 2 gains `sync_document`, filled from its stored sales and
returns, so a sale it already holds is not stored again under another business date."""

from __future__ import annotations

from kkmp_pos.server import schema
from kkmp_pos.server.db import open_server_db


def _sale(sale_id, business_date, event_id):
    return {
        "cooperative_id": "kop1",
        "business_date": business_date,
        "sale_id": sale_id,
        "store_id": "s1",
        "terminal_id": "t1",
        "event_id": event_id,
        "receipt_no": "",
        "status": "completed",
        "total_rp": 1000,
        "cashier": "",
        "member_id": None,
        "occurred_at": "2026-08-23T01:00:00+00:00",
    }


def test_step_4_fills_the_document_keys_from_the_stored_sales_and_returns(database_url):
    sdb = open_server_db(database_url)
    m = sdb.m
    try:
        with sdb.database.connection_context(), sdb.atomic():
            m.SchemaVersionModel.create_table(safe=True)
            schema.STEPS[0](sdb)
            schema.STEPS[1](sdb)
            sdb.database.drop_tables([m.DocumentModel])  # as a step-2 database has it
            m.SchemaVersionModel.insert(id=1, version=2).execute()
            sdb.insert_rows(
                m.SaleModel,
                [
                    _sale("A", "2026-08-24", "e-later"),
                    _sale("A", "2026-08-23", "e-first"),  # stored twice before step 3
                    _sale("B", "2026-08-23", "e-b"),
                ],
            )
            m.ReturnModel.insert(
                cooperative_id="kop1",
                business_date="2026-08-25",
                return_id="R1",
                sale_id="A",
                store_id="s1",
                terminal_id="t1",
                event_id="e-r",
                refund_rp=500,
                occurred_at="2026-08-25T01:00:00+00:00",
            ).execute()
        assert schema.migrate(sdb) == 2
        with sdb.database.connection_context():
            keys = {(d.doc_type, d.doc_id): (d.business_date, d.event_id) for d in m.DocumentModel.select()}
            assert schema.current_version(sdb) == schema.SCHEMA_VERSION
        assert keys == {
            ("sale", "A"): ("2026-08-23", "e-first"),
            ("sale", "B"): ("2026-08-23", "e-b"),
            ("return", "R1"): ("2026-08-25", "e-r"),
        }
    finally:
        sdb.close()
