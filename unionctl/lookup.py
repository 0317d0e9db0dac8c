"""Finding a member or a branch by what a user typed, with the closest names on a miss.

Shared by the services (which change things) and the reports (which only read), so that
neither layer reaches into the other.
"""

from __future__ import annotations

import difflib

from sqlmodel import Session, select

from unionctl.errors import UnionError
from unionctl.labels import Phrase
from unionctl.models import Branch, Member


def suggest_names(candidates: list[str], text: str, limit: int = 5) -> str | Phrase:
    """'; did you mean: a, b?' for the candidates closest to `text`, or nothing."""
    close = difflib.get_close_matches(text, candidates, n=limit, cutoff=0.5)
    if not close:
        return ""
    return Phrase("did_you_mean", names=", ".join(close))


def find_member(session: Session, emp_no: str) -> Member:
    """The member with this employee number; a typo gets the closest numbers and names."""
    member = session.exec(select(Member).where(Member.emp_no == emp_no)).first()
    if member is not None:
        return member
    rows = session.exec(select(Member.emp_no, Member.name)).all()
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
    branch = session.exec(select(Branch).where(Branch.name == name)).first()
    if branch is not None:
        return branch
    names = list(session.exec(select(Branch.name)))
    key = "unknown_branch_import" if for_import else "unknown_branch"
    raise UnionError(key, name=name, suggestions=suggest_names(names, name))


def branch_name(session: Session, branch_id: int | None) -> str | None:
    if branch_id is None:
        return None
    return session.get(Branch, branch_id).name
