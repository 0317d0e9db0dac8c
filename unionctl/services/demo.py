"""`unionctl demo`: a sample hospital built from examples/ into a fresh file.

examples/members.csv is the roster as the secretary first imported it; examples/
member_history.csv is what she recorded afterwards (joins, leaves, transfers, hardship,
honours), replayed here through the same services the commands use; examples/events/ is
2025's calendar of events with its sign-in sheets and awards.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from unionctl.db import Target, open_database
from unionctl.db.reader import Reader
from unionctl.errors import UnionError
from unionctl.parsing import Period, parse_code, parse_date, parse_money
from unionctl.render import Record, Table


@dataclass(frozen=True)
class DemoSummary:
    year: int
    people: int
    branches: int


def examples_dir() -> Path:
    """examples/ as installed (inside the package, as unionctl/examples) or in the source tree."""
    installed = Path(__file__).resolve().parents[1] / "examples"
    if (installed / "members.csv").is_file():
        return installed
    return Path(__file__).resolve().parents[2] / "examples"


def build_demo(
    path: Path, *, actor: str, advance: Callable[[int], None] = lambda _n: None
) -> DemoSummary:
    from unionctl.db.migrate import initialise
    from unionctl.services.member_import import import_members, read_roster

    if path.exists():
        raise UnionError("demo_exists", path=str(path))
    target = Target(f"sqlite:///{path}", path)
    initialise(target, actor=actor, command="demo")
    database = open_database(target)
    try:
        source = examples_dir()
        roster = read_roster(source / "members.csv")
        import_members(
            database, roster, actor=actor, command="demo", create_branches=True, advance=advance
        )
        events = _read_history(source / "member_history.csv")
        with database.write(actor=actor, command="demo") as work:
            for event in events:
                _replay(work, event)
                advance(1)
        _demo_proposals(database, source, actor=actor, advance=advance)
        _load_events(database, source / "events", actor=actor)
        _demo_aid(database, source, actor=actor, advance=advance)
        with database.read() as db:
            people = db.execute("SELECT count(*) FROM member").scalar()
            branches = db.execute("SELECT count(*) FROM branch").scalar()
    finally:
        database.dispose()
    year = max((parse_date(e["on"]).year for e in events), default=dt.date.today().year)
    return DemoSummary(year=year, people=people, branches=branches)


def _load_events(database, folder: Path, *, actor: str) -> None:
    """The year of events: the calendar, each sign-in sheet, the awards (examples/events,
    written by examples/make_events.py), through the same services as the commands."""
    from unionctl.services import events
    from unionctl.table_file import open_table

    calendar = events.read_events(folder / "events.csv")
    events.import_events(database, calendar, actor=actor, command="demo")
    with database.write(actor=actor, command="demo") as work:
        for sheet in sorted(folder.glob("signin_*.csv")):
            event = events.find_event(work.session, sheet.stem.removeprefix("signin_").lstrip("0"))
            rows = open_table(
                sheet, fields=("emp_no", "name"), aliases=events.SIGNIN_ALIASES, required=()
            ).rows()
            matched = events.match_signin(work.session, rows, path=str(sheet), skip_unmatched=False)
            events.attend_ids(work, event=event, member_ids=matched.matched)
        for award in _read_history(folder / "awards.csv"):
            events.add_award(
                work,
                ref=award["活动名称"],
                emp_no=award["工号"] or None,
                team=award["团队"] or None,
                prize=award["奖项"],
                level=parse_code("award_level", award["级别"]),
                prize_money=parse_money(award["奖金"]) if award["奖金"] else None,
            )


# The congress the demo's proposals were raised at (examples/make_proposals.py).
DEMO_SESSION = {"term": 5, "session": 7, "on": dt.date(2025, 3, 14), "attendance": 186}


def _demo_proposals(database, source: Path, *, actor: str, advance: Callable[[int], None]) -> None:
    """The 5-7 staff congress, then its cases through `proposals import`."""
    from unionctl.services.proposal_import import import_proposals, read_proposals
    from unionctl.services.proposals import add_session

    with database.write(actor=actor, command="demo") as work:
        add_session(work, kind="congress", **DEMO_SESSION)
    table = read_proposals(source / "proposals.csv")
    import_proposals(database, table, actor=actor, command="demo", advance=advance)


# 慰问金使用办法 of the demo hospital: kind -> (standard, yearly cap), in fen.
DEMO_POLICY = {
    "illness": (50000, 100000),
    "bereavement": (100000, None),
    "birthday": (None, 20000),
    "wedding": (50000, 50000),
    "childbirth": (50000, 100000),
    "retirement": (50000, None),
    "hardship": (None, 500000),
    "critical_illness": (None, 2000000),
}


def _demo_aid(database, source: Path, *, actor: str, advance: Callable[[int], None]) -> None:
    """The policy, a year of aid through `aid import` (examples/make_aid.py), two visits
    still owed and a donation drive for a registered household (子女患白血病)."""
    from unionctl.services import aid
    from unionctl.services.aid_import import import_aid, read_aid

    with database.write(actor=actor, command="demo") as work:
        for kind, (standard, cap) in DEMO_POLICY.items():
            aid.set_policy(work, kind=kind, standard=standard, yearly_cap=cap)
    import_aid(database, read_aid(source / "aid.csv"), actor=actor, command="demo", advance=advance)
    with database.write(actor=actor, command="demo") as work:
        aid.add_plan(
            work, member="10120", kind="illness", on=dt.date(2025, 12, 15), note="骨科住院"
        )
        aid.add_plan(work, member="10242", kind="childbirth", on=dt.date(2025, 12, 22), note=None)
        drive = aid.add_drive(
            work,
            title="为10278家庭爱心捐款",
            member="10278",
            outsider=None,
            on=dt.date(2025, 9, 26),
        )
        for number, emp_no in enumerate(range(10100, 10140)):
            gift = (100 + 50 * (number % 4)) * 100
            day = dt.date(2025, 9, 26) + dt.timedelta(days=number % 10)
            aid.donate(work, drive=str(drive.id), member=str(emp_no), amount=gift, on=day)
        aid.close_drive(
            work,
            drive=str(drive.id),
            kind="critical_illness",
            on=dt.date(2025, 10, 15),
            by="工会主席",
        )


def _read_history(path: Path) -> list[dict[str, str]]:
    text = path.read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def _replay(work, event: dict[str, str]) -> None:
    from unionctl.services import members

    on = parse_date(event["on"])
    emp_no = event["emp_no"]
    action = event["action"]
    detail = event.get("detail") or None
    reason = event.get("reason") or None
    if action in ("join", "leave", "depart", "decease"):
        members.change_status(work, emp_no=emp_no, action=action, on=on, reason=reason)
    elif action == "retire":
        members.retire(work, emp_no=emp_no, on=on, reason=reason)
    elif action == "transfer" and detail == "out":
        members.change_status(work, emp_no=emp_no, action="transfer_out", on=on, reason=reason)
    elif action == "transfer":
        members.transfer_branch(work, emp_no=emp_no, branch=detail, on=on)
    elif action == "hardship":
        members.hardship_register(
            work, emp_no=emp_no, tier=parse_code("hardship_tier", detail), reason=reason, on=on
        )
    elif action == "hardship_review":
        tier = parse_code("hardship_tier", detail) if detail else None
        members.hardship_review(work, emp_no=emp_no, on=on, tier=tier, note=reason)
    elif action == "hardship_close":
        members.hardship_close(work, emp_no=emp_no, reason=reason, on=on)
    elif action == "honour":
        level = parse_code("honour_level", event.get("level") or "hospital")
        members.add_honour(work, emp_no=emp_no, title=detail, level=level, on=on)
    else:
        raise ValueError(f"examples/member_history.csv: unknown action {action!r}")


def demo_overview(db: Reader, *, year: int) -> list[Table | Record]:
    """What the demo prints: membership by branch for the year of the sample data."""
    from unionctl.reports.membership import membership_by_branch

    period = Period(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
    return [membership_by_branch(db, period)]
