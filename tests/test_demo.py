"""`unionctl demo`: the sample hospital, compared with golden output."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import Cli

GOLDEN = Path(__file__).parent / "golden"


def test_demo_prints_the_membership_overview(bare_cli: Cli, tmp_path: Path):
    target = tmp_path / "demo.db"
    result = bare_cli("demo", "--db", str(target))
    assert result.stdout == (GOLDEN / "demo_membership_en.txt").read_text(encoding="utf-8")
    assert f"demo hospital written to {target} (335 people, 8 branches)" in result.stderr
    zh = bare_cli("demo", "--db", str(tmp_path / "zh.db"), "--format", "csv", "--lang", "zh")
    assert zh.stdout == (GOLDEN / "demo_membership_zh.csv").read_text(encoding="utf-8")


def test_demo_never_touches_the_real_database(bare_cli: Cli, tmp_path: Path):
    """Without --db it builds a fresh temporary file, whatever $UNIONCTL_DB says."""
    result = bare_cli("demo")
    assert not bare_cli.db.exists()
    assert "temporary file, now removed" in result.stderr  # see test_small_defects


def test_demo_refuses_an_existing_file(roll: Cli):
    before = roll.db.read_bytes()
    roll.fails("demo", "--db", str(roll.db), contains="already exists")
    assert roll.db.read_bytes() == before


def test_demo_database_is_a_working_union(bare_cli: Cli, tmp_path: Path):
    target = tmp_path / "demo.db"
    bare_cli("demo", "--db", str(target))
    demo = Cli(target, {**bare_cli.env, "UNIONCTL_DB": str(target)})
    assert "integrity_check,ok,yes" in demo("db", "check", "-f", "csv").stdout
    hardship = json.loads(demo("members", "list", "--hardship", "-f", "json").stdout)
    assert len(hardship) == 9  # 12 registered, 3 closed (2 脱困, 1 调离)
    branches = json.loads(demo("members", "branch", "list", "-f", "json").stdout)
    assert sum(b["members"] for b in branches) == 297  # 262 working + 35 retired
    log = json.loads(demo("log", "--limit", "1000", "-f", "json").stdout)
    assert {entry["command"] for entry in log} == {"demo"}
    assert len([e for e in log if e["entity"] == "member"]) >= 335
