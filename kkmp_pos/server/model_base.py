"""The base of every tenant table of the server: the cooperative's id first (server.models)."""

from __future__ import annotations

import peewee as pw


class TenantModel(pw.Model):
    cooperative_id = pw.CharField(max_length=64)
