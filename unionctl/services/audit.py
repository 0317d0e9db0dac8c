"""Reading the audit log (writing it is unionctl.db.Work.audit, inside each transaction)."""

from __future__ import annotations

import datetime as dt
import json

from sqlmodel import Session, select

from unionctl.labels import header, name
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


# Snapshot fields that hold a stored code, and the code group that names it.
CODED = {
    "status": "status",
    "employment": "employment",
    "gender": "gender",
    "tier": "hardship_tier",
    "level": "honour_level",
    "action": "history_action",
}


def _field(key: str, lang: str) -> str:
    """'hardship.tier' → '困难档案·困难类别' under zh; the key itself under en."""
    if lang != "zh":
        return key
    return "·".join(header(part, lang) for part in key.split("."))


def _value(key: str, value: object, include_private: bool, lang: str) -> str:
    group = CODED.get(key.rsplit(".", 1)[-1])
    if group is not None and isinstance(value, str) and lang == "zh":
        return name(group, value, lang)
    return _shown(key, value, include_private)


def change_summary(
    before: str | None, after: str | None, *, include_private: bool, lang: str = "en"
) -> str:
    """What a write changed, for people: 'status: member → left; on: 2025-06-30', or in
    Chinese '会籍状态：在会 → 退会；日期：2025-06-30' (field names and codes named)."""
    old, new = _flatten(json.loads(before or "null")), _flatten(json.loads(after or "null"))
    zh = lang == "zh"
    parts = []
    for key in dict.fromkeys([*old, *new]):
        was, now = old.get(key), new.get(key)
        if was == now or (before is None and now is None):
            continue
        field = _field(key, lang)
        shown_now = _value(key, now, include_private, lang)
        if before is None:
            parts.append(f"{field}={shown_now}")
        else:
            shown_was = _value(key, was, include_private, lang)
            parts.append(f"{field}{'：' if zh else ': '}{shown_was} → {shown_now}")
    return ("；" if zh else "; ").join(parts)


def audit_table(
    session: Session,
    *,
    entity: str | None = None,
    key: str | None = None,
    since: dt.date | None = None,
    limit: int = 50,
    include_private: bool = False,
    lang: str = "en",
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
            Column("at", "datetime"),
            Column("actor"),
            Column("command"),
            Column("entity", "code:entity"),
            Column("key"),
            Column("change", shown="human"),
            Column("before", "json", shown="machine"),
            Column("after", "json", shown="machine"),
        ),
        rows=(
            (
                *row[:6],
                change_summary(row[6], row[7], include_private=include_private, lang=lang),
                *row[6:],
            )
            for row in session.exec(query).all()
        ),
    )
