from conftest import VALID_ID


def test_roll_fixture_lists_four(roll):
    result = roll("members", "list", "--format", "csv")
    lines = result.stdout.strip().splitlines()
    assert lines[0] == (
        "emp_no,name,gender,birth_date,dept,branch,post,employment,status,joined_on,hired_on,phone"
    )
    assert len(lines) == 5
    assert VALID_ID not in result.stdout
