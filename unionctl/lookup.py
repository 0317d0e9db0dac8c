"""Finding a member or a branch by what a user typed, with the closest names on a miss.

Shared by the services (which change things) and the reports (which only read), so that
neither layer reaches into the other. The rule is SQL on a Reader (`member_id`,
`branch_id`): a read passes its Reader, a write its Session, and the write's `find_*`
loads the model object by the id the same rule found.
"""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING, Any

from unionctl.db.reader import Reader
from unionctl.errors import UnionError
from unionctl.labels import Phrase

if TYPE_CHECKING:
    from sqlmodel import Session

    from unionctl.models import Branch, Member


def suggest_names(candidates: list[str], text: str, limit: int = 5) -> str | Phrase:
    """'; did you mean: a, b?' for the candidates closest to `text`, or nothing."""
    close = difflib.get_close_matches(text, candidates, n=limit, cutoff=0.5)
    if not close:
        return ""
    return Phrase("did_you_mean", names=", ".join(close))


def find_member(session: Session, emp_no: str) -> Member:
    """The member with this employee number, as a model object (for a write)."""
    from unionctl.models import Member

    return session.get(Member, member_id(session, emp_no))


def member_id(db: Any, emp_no: str) -> int:
    """The id of the member with this employee number; a typo gets the closest numbers
    and names. `db`: a Reader, a Session or a connection."""
    reader = Reader.of(db)
    found = reader.execute("SELECT id FROM member WHERE emp_no = :no", {"no": emp_no}).scalar()
    if found is not None:
        return found
    rows = reader.execute("SELECT emp_no, name FROM member").all()
    by_number = {no: f"{no} {name}" for no, name in rows}
    by_name: dict[str, list[str]] = {}
    for no, name in rows:
        by_name.setdefault(name, []).append(f"{no} {name}")
    hits = [
        by_number[n] for n in difflib.get_close_matches(emp_no, list(by_number), n=3, cutoff=0.6)
    ]
    for name in difflib.get_close_matches(emp_no, list(by_name), n=3, cutoff=0.5):
        hits.extend(by_name[name])
    suggestions = Phrase("did_you_mean", names=", ".join(dict.fromkeys(hits))) if hits else ""
    raise UnionError("unknown_member", emp_no=emp_no, suggestions=suggestions)


def find_branch(session: Session, name: str, *, for_import: bool = False) -> Branch:
    """The branch of this name, as a model object (for a write)."""
    from unionctl.models import Branch

    return session.get(Branch, branch_id(session, name, for_import=for_import))


def branch_id(db: Any, name: str, *, for_import: bool = False) -> int:
    """The id of the branch of this name; a typo gets the closest names."""
    reader = Reader.of(db)
    found = reader.execute("SELECT id FROM branch WHERE name = :name", {"name": name}).scalar()
    if found is not None:
        return found
    names = reader.execute("SELECT name FROM branch").scalars()
    key = "unknown_branch_import" if for_import else "unknown_branch"
    raise UnionError(key, name=name, suggestions=suggest_names(names, name))


def branch_name(db: Any, branch_id: int | None) -> str | None:
    if branch_id is None:
        return None
    return (
        Reader.of(db).execute("SELECT name FROM branch WHERE id = :id", {"id": branch_id}).scalar()
    )


def aid_id(db: Any, value: str) -> int:
    """The gift numbered `value` (as `aid list` shows it)."""
    found = numbered_id(db, "aid", value.strip())
    if found is None:
        raise UnionError("unknown_aid", id=value)
    return found


def drive_id(db: Any, value: str, *, open_only: bool = False) -> int:
    """The donation drive numbered `value` (as `aid drive list` shows it), or titled it:
    a secretary remembers 为张丽爱心捐款, not #3. Of several drives of one title,
    `open_only` (giving to one, closing one) takes the one still open. A miss gets the
    titles that contain the text or come closest."""
    reader = Reader.of(db)
    found = numbered_id(reader, "aid_drive", value.strip())
    if found is not None:
        return found
    title = value.strip()
    rows = reader.execute(
        "SELECT id, closed_on IS NULL FROM aid_drive WHERE title = :title ORDER BY id",
        {"title": title},
    ).all()
    if open_only and len(rows) > 1:
        rows = [row for row in rows if row[1]] or rows
    if len(rows) == 1:
        return rows[0][0]
    if rows:
        ids = ", ".join(f"#{number}" for number, _open in rows)
        raise UnionError("ambiguous_drive", title=title, ids=ids)
    titles = reader.execute("SELECT title FROM aid_drive ORDER BY id").scalars()
    containing = [t for t in titles if title and title in t][:5]
    suggestions = (
        Phrase("did_you_mean", names=", ".join(containing))
        if containing
        else suggest_names(titles, title)
    )
    raise UnionError("unknown_drive", id=title or "''", suggestions=suggestions)


SQLITE_MAX_ID = 2**63 - 1  # a longer number is no row's id (and may still be a title)


def numbered_id(db: Any, table: str, text: str) -> int | None:
    """The id `text` names in `table` (a literal of the caller's), if a row has it: digits
    (full-width too, １２), not ² (a digit that writes no number) nor more than SQLite's
    largest id."""
    if not text.isdecimal():
        return None
    number = int(text)
    if number > SQLITE_MAX_ID:
        return None
    sql = f"SELECT id FROM {table} WHERE id = :id"
    return number if Reader.of(db).execute(sql, {"id": number}).scalar() is not None else None
