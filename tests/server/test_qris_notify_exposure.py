"""The acquirer's QRIS notification is served by the sync listener only (the one the acquirer can
reach), never by the web or admin listener."""

from __future__ import annotations

from kkmp_pos.server.app import create_app

NOTIFY = "/v1/qris/{cooperative_id}/{store_id}/v1.0/qr/qr-mpm-notify"


def paths(app) -> set[str]:
    return {getattr(route, "path", "") for route in app.routes}


def test_notify_is_on_the_sync_listener_only(tmp_path):
    url = f"sqlite:///{tmp_path / 'server.db'}"
    for exposure, present in (("sync", True), ("web", False), ("admin", False)):
        app = create_app(url, exposures=[exposure])
        try:
            assert (NOTIFY in paths(app)) is present, exposure
        finally:
            app.state.sdb.close()
