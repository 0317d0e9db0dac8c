"""Reading the audit log (writing it is unionctl.db.Work.audit, inside each transaction).

SQL text on a Reader: `unionctl log` imports no ORM."""

from __future__ import annotations

import datetime as dt
import json

from unionctl.db.reader import Reader
from unionctl.labels import header, message, name
from unionctl.parsing import format_money
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


# Snapshot fields that hold a stored code, and the code group that names it; `kind` and
# `level` depend on what was written (an aid gift's kind is not an event's).
CODED = {
    "status": "status",
    "employment": "employment",
    "gender": "gender",
    "tier": "hardship_tier",
    "level": "honour_level",
    "action": "history_action",
    "source": "aid_source",
    "audience": "event_audience",
}
CODED_BY_ENTITY = {
    ("aid", "kind"): "aid_kind",
    ("event", "kind"): "event_kind",
    ("event", "level"): "award_level",
    ("proposal", "kind"): "proposal_kind",
    ("proposal", "status"): "proposal_status",
}
# Snapshot fields in integer fen: shown in yuan, as everywhere else (the JSON keeps fen).
MONEY = frozenset(
    {"amount", "goods_value", "cash", "budget", "cost", "prize_money", "standard", "yearly_cap"}
)


# A field whose name means something else in another entity's snapshot.
FIELD_BY_ENTITY = {("aid", "closed_on"): "drive_closed_on"}  # a drive's end, not 退档


def _field(key: str, lang: str, entity: str = "") -> str:
    """'hardship.tier' → '困难档案·困难类别' under zh; the key itself under en."""
    if lang != "zh":
        return key
    return "·".join(
        header(FIELD_BY_ENTITY.get((entity, part), part), lang) for part in key.split(".")
    )


def _value(key: str, value: object, include_private: bool, lang: str, entity: str = "") -> str:
    field = key.rsplit(".", 1)[-1]
    group = CODED_BY_ENTITY.get((entity, field), CODED.get(field))
    if group is not None and isinstance(value, str) and lang == "zh":
        return name(group, value, lang)
    if field in MONEY and type(value) is int:
        return format_money(value)
    if type(value) is bool:
        return message("yes" if value else "no", lang)
    return _shown(key, value, include_private)


def change_summary(
    before: str | None,
    after: str | None,
    *,
    include_private: bool,
    lang: str = "en",
    entity: str = "",
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
        field = _field(key, lang, entity)
        shown_now = _value(key, now, include_private, lang, entity)
        if before is None:
            parts.append(f"{field}={shown_now}")
        else:
            shown_was = _value(key, was, include_private, lang, entity)
            parts.append(f"{field}{'：' if zh else ': '}{shown_was} → {shown_now}")
    return ("；" if zh else "; ").join(parts)


def audit_table(
    db: Reader,
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
    conditions, params = [], {"limit": limit}
    if entity:
        conditions.append("entity = :entity")
        params["entity"] = entity
    if key:
        conditions.append('"key" = :key')
        params["key"] = key
    if since:
        conditions.append("at >= :since")
        params["since"] = since.isoformat()
    where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
    rows = db.execute(
        'SELECT id, at, actor, command, entity, "key", before, after FROM audit_log '
        f"{where} ORDER BY id DESC LIMIT :limit",
        params,
    ).all()
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
                change_summary(
                    row[6], row[7], include_private=include_private, lang=lang, entity=row[4]
                ),
                *row[6:],
            )
            for row in rows
        ),
    )
