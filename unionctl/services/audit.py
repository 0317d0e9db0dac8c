"""Reading the audit log (writing it is unionctl.db.Work.audit, inside each transaction)."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, select

from unionctl.models import AuditEntry
from unionctl.render import Column, Table


def audit_table(
    session: Session,
    *,
    entity: str | None = None,
    key: str | None = None,
    since: dt.date | None = None,
    limit: int = 50,
) -> Table:
    """Newest first; before/after are the JSON snapshots the write recorded."""
    query = select(
        AuditEntry.id,
        AuditEntry.at,
        AuditEntry.actor,
        AuditEntry.command,
        AuditEntry.entity,
        AuditEntry.key,
        AuditEntry.before,
        AuditEntry.after,
    )
    if entity:
        query = query.where(AuditEntry.entity == entity)
    if key:
        query = query.where(AuditEntry.key == key)
    if since:
        query = query.where(AuditEntry.at >= since.isoformat())
    query = query.order_by(AuditEntry.id.desc()).limit(limit)
    return Table(
        key="log",
        title="t_log",
        columns=(
            Column("id", "int"),
            Column("at"),
            Column("actor"),
            Column("command"),
            Column("entity", "code:entity"),
            Column("key"),
            Column("before", "json"),
            Column("after", "json"),
        ),
        rows=session.exec(query).all(),
    )
