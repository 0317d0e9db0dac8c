"""Reading the audit log (writing it is unionctl.db.Work.audit, inside each transaction)."""

from __future__ import annotations

import datetime as dt
import json

from sqlmodel import Session, select

from unionctl.models import AuditEntry
from unionctl.privacy import mask_field
from unionctl.render import Column, Table


def _flatten(value: dict | None, prefix: str = "") -> dict[str, object]:
    flat: dict[str, object] = {}
    for key, item in (value or {}).items():
        if isinstance(item, dict):
            flat.update(_flatten(item, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = item
    return flat


def _shown(key: str, value: object, include_private: bool) -> str:
    if value is None:
        return "∅"
    return str(value) if include_private else str(mask_field(key, str(value)))


def change_summary(before: str | None, after: str | None, *, include_private: bool) -> str:
    """What a write changed, for people: 'status: member → left; on: 2025-06-30'."""
    old, new = _flatten(json.loads(before or "null")), _flatten(json.loads(after or "null"))
    parts = []
    for key in dict.fromkeys([*old, *new]):
        was, now = old.get(key), new.get(key)
        if was == now or (before is None and now is None):
            continue
        if before is None:
            parts.append(f"{key}={_shown(key, now, include_private)}")
        else:
            parts.append(
                f"{key}: {_shown(key, was, include_private)} → {_shown(key, now, include_private)}"
            )
    return "; ".join(parts)


def audit_table(
    session: Session,
    *,
    entity: str | None = None,
    key: str | None = None,
    since: dt.date | None = None,
    limit: int = 50,
    include_private: bool = False,
) -> Table:
    """Newest first. People read a one-line summary of each change; csv/tsv/json carry
    the before/after snapshots the write recorded (private fields masked unless asked)."""
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
            Column("change", shown="human"),
            Column("before", "json", shown="machine"),
            Column("after", "json", shown="machine"),
        ),
        rows=(
            (*row[:6], change_summary(row[6], row[7], include_private=include_private), *row[6:])
            for row in session.exec(query).all()
        ),
    )
