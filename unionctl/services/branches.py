"""分工会: the list of union branches a member's branch must come from."""

from __future__ import annotations

from sqlmodel import select

from unionctl.db import Work
from unionctl.errors import UnionError
from unionctl.models import Branch
from unionctl.parsing import today
from unionctl.services.members import find_branch


def add_branch(work: Work, *, name: str, parent: str | None = None) -> Branch:
    session = work.session
    if session.exec(select(Branch).where(Branch.name == name)).first() is not None:
        raise UnionError("duplicate_branch", name=name)
    parent_branch = find_branch(session, parent) if parent else None
    branch = Branch(
        name=name, parent_id=parent_branch.id if parent_branch else None, created_on=today()
    )
    session.add(branch)
    session.flush()
    work.audit("branch", name, after={"name": name, "parent": parent})
    return branch


def rename_branch(work: Work, *, old: str, new: str) -> Branch:
    """Renaming keeps every member and every history period: they point at the branch id."""
    session = work.session
    branch = find_branch(session, old)
    if session.exec(select(Branch).where(Branch.name == new)).first() is not None:
        raise UnionError("duplicate_branch", name=new)
    branch.name = new
    session.add(branch)
    work.audit("branch", new, before={"name": old}, after={"name": new})
    return branch
