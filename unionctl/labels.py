"""Every word unionctl shows, in English and Chinese, keyed by stable codes.

Stored values are English codes (`staff`, `illness`); this module is the one place that
knows what they are called in each language. Input parsing (unionctl.parsing) reads the
same tables backwards, so `--kind 生病住院` and `--kind illness` are one thing.
"""

from __future__ import annotations

import os
from typing import NamedTuple

LANGS = ("zh", "en")

# group -> code -> (English name, Chinese name). Order is the order shown in lists.
CODES: dict[str, dict[str, tuple[str, str]]] = {
    "gender": {"M": ("male", "男"), "F": ("female", "女")},
    "employment": {
        "staff": ("staff", "在编"),
        "contract": ("contract", "合同制"),
        "trainee": ("trainee", "规培"),
        "retired": ("retired", "退休"),
    },
    "status": {
        "member": ("member", "在会"),
        "non_member": ("non-member", "未入会"),
        "left": ("left", "退会"),
        "transferred": ("transferred out", "转出"),
        "deceased": ("deceased", "去世"),
    },
    "hardship_tier": {
        "deep": ("deep hardship", "深度困难"),
        "relative": ("relative hardship", "相对困难"),
        "accidental": ("accidental hardship", "意外致困"),
    },
    "honour_level": {
        "hospital": ("hospital", "院级"),
        "city": ("city", "市级"),
        "province": ("province", "省级"),
        "national": ("national", "国家级"),
    },
    "aid_kind": {
        "hardship": ("hardship aid", "困难帮扶"),
        "illness": ("illness", "生病住院"),
        "bereavement": ("bereavement", "丧事"),
        "birthday": ("birthday", "生日"),
        "wedding": ("wedding", "结婚"),
        "childbirth": ("childbirth", "生育"),
        "retirement": ("retirement", "退休"),
        "holiday": ("holiday greetings", "节日慰问"),
        "disaster": ("disaster", "意外灾害"),
        "critical_illness": ("critical illness", "大病救助"),
        "mutual_medical": ("mutual medical", "医疗互助赔付"),
        "insurance": ("insurance", "安康/互助保险"),
        "cooling": ("summer cooling", "送清凉"),
        "other": ("other", "其他"),
    },
    "event_kind": {
        "culture": ("culture", "文艺"),
        "sports": ("sports", "体育"),
        "training": ("training", "培训"),
        "competition": ("competition", "竞赛"),
        "education": ("education", "思想教育"),
        "volunteer": ("volunteer", "义诊/志愿"),
        "health": ("health", "体检/健康"),
        "holiday": ("holiday event", "节日活动"),
        "meeting": ("meeting", "座谈会"),
        "outing": ("outing", "疗休养"),
        "other": ("other", "其他"),
    },
    "entity": {
        "member": ("member", "会员"),
        "branch": ("branch", "分工会"),
        "proposal": ("proposal", "提案"),
        "aid": ("aid", "帮扶"),
        "event": ("event", "活动"),
        "database": ("database", "数据库"),
    },
    "change": {
        "status": ("union status", "会籍状态"),
        "employment": ("employment", "用工性质"),
        "branch": ("branch", "分工会"),
    },
}

# Extra spellings accepted on input besides the code and the two names above.
ALIASES: dict[str, dict[str, str]] = {
    "gender": {"m": "M", "f": "F", "男性": "M", "女性": "F", "male": "M", "female": "F"},
    "employment": {"编制": "staff", "在职": "staff", "合同": "contract", "规培生": "trainee"},
    "status": {
        "会员": "member",
        "non-member": "non_member",
        "nonmember": "non_member",
        "非会员": "non_member",
        "离职": "left",
        "退会/离职": "left",
        "transfer": "transferred",
        "调出": "transferred",
        "死亡": "deceased",
        "病故": "deceased",
    },
    "hardship_tier": {"深度": "deep", "相对": "relative", "意外": "accidental"},
    "honour_level": {"院": "hospital", "市": "city", "省": "province", "国家": "national"},
}

# Column headers and other short labels: key -> (English, Chinese).
HEADERS: dict[str, tuple[str, str]] = {
    "emp_no": ("emp_no", "工号"),
    "name": ("name", "姓名"),
    "gender": ("gender", "性别"),
    "birth_date": ("birth_date", "出生日期"),
    "age": ("age", "年龄"),
    "phone": ("phone", "手机号"),
    "id_card": ("id_card", "身份证号"),
    "dept": ("dept", "科室"),
    "branch": ("branch", "分工会"),
    "parent": ("parent", "上级"),
    "post": ("post", "职务"),
    "employment": ("employment", "用工性质"),
    "status": ("status", "会籍状态"),
    "joined_on": ("joined_on", "入会日期"),
    "hardship": ("hardship", "困难档案"),
    "honours": ("honours", "荣誉"),
    "members": ("members", "会员数"),
    "staff_count": ("staff", "职工数"),
    "non_members": ("non_members", "未入会"),
    "membership_rate": ("membership_rate", "入会率"),
    "joined": ("joined", "入会"),
    "left": ("left", "退会"),
    "net": ("net", "净增"),
    "total": ("Total", "合计"),
    "id": ("id", "编号"),
    "at": ("at", "时间"),
    "actor": ("actor", "操作人"),
    "command": ("command", "命令"),
    "entity": ("entity", "对象"),
    "key": ("key", "标识"),
    "before": ("before", "修改前"),
    "after": ("after", "修改后"),
    "change": ("change", "变动"),
    "value": ("value", "内容"),
    "start_on": ("from", "起始日期"),
    "end_on": ("until", "截止日期"),
    "reason": ("reason", "原因"),
    "tier": ("tier", "困难类别"),
    "household_size": ("household_size", "家庭人口"),
    "income_note": ("income_note", "收入情况"),
    "registered_on": ("registered_on", "建档日期"),
    "reviewed_on": ("reviewed_on", "复核日期"),
    "closed_on": ("closed_on", "退档日期"),
    "close_reason": ("close_reason", "退档原因"),
    "title": ("title", "称号"),
    "level": ("level", "级别"),
    "awarded_on": ("awarded_on", "授予日期"),
    "check": ("check", "检查项"),
    "result": ("result", "结果"),
    "ok": ("ok", "通过"),
    "line": ("line", "行号"),
    "action": ("action", "操作"),
    "field": ("field", "项目"),
    # titles of tables
    "t_members": ("Members", "会员名册"),
    "t_member": ("Member", "会员档案"),
    "t_history": ("History", "变动记录"),
    "t_hardship": ("Hardship record", "困难职工档案"),
    "t_honours": ("Honours", "荣誉"),
    "t_branches": ("Branches", "分工会"),
    "t_log": ("Audit log", "操作日志"),
    "t_membership": ("Membership by branch", "各分工会会员情况"),
    "t_membership_month": ("Membership by month", "逐月会员情况"),
    "month": ("month", "月份"),
    "t_db_check": ("Database check", "数据库检查"),
    "t_import": ("Import", "导入"),
}

# Messages: key -> (English, Chinese) with str.format fields.
MESSAGES: dict[str, tuple[str, str]] = {
    "db_missing": (
        "no database at {path}; create it with `unionctl init` (or pass --db)",
        "数据库 {path} 不存在；请先运行 `unionctl init`（或用 --db 指定）",
    ),
    "db_not_sqlite": (
        "{path} is not a unionctl database (not an SQLite file)",
        "{path} 不是 unionctl 数据库（不是 SQLite 文件）",
    ),
    "db_readonly": (
        "cannot write to {path}: the database file is read-only",
        "无法写入 {path}：数据库文件只读",
    ),
    "db_locked": (
        "the database {path} is busy (another unionctl is writing); try again",
        "数据库 {path} 正被其他进程写入，请稍后再试",
    ),
    "db_not_initialised": (
        "{path} has no unionctl schema; run `unionctl init`",
        "{path} 尚未初始化；请运行 `unionctl init`",
    ),
    "db_outdated": (
        "{path} uses an older schema ({found}); run `unionctl init` to upgrade it (it backs up first)",
        "{path} 的数据结构版本较旧（{found}）；请运行 `unionctl init` 升级（会先自动备份）",
    ),
    "db_newer": (
        "{path} was written by a newer unionctl (schema {found}); upgrade unionctl",
        "{path} 由更新版本的 unionctl 写入（{found}）；请升级 unionctl",
    ),
    "db_error": ("database error on {path}: {detail}", "数据库 {path} 出错：{detail}"),
    "db_url_unsupported": (
        "cannot open {url}: {detail}",
        "无法打开 {url}：{detail}",
    ),
    "backup_exists": (
        "{path} already exists; choose another destination",
        "{path} 已存在，请换一个目标文件",
    ),
    "backup_not_unionctl": (
        "{path} is not a unionctl database; nothing backed up",
        "{path} 不是 unionctl 数据库，未备份",
    ),
    "backup_failed": ("backup to {path} failed: {detail}", "备份到 {path} 失败：{detail}"),
    "backup_not_sqlite": (
        "backup needs an SQLite database, not {url}",
        "备份仅支持 SQLite 数据库，不支持 {url}",
    ),
    "demo_exists": (
        "{path} already exists; the demo builds a fresh file (choose another --db)",
        "{path} 已存在；演示数据只写入新文件（请换一个 --db）",
    ),
    "output_failed": ("cannot write {path}: {detail}", "无法写入 {path}：{detail}"),
    "output_failed_committed": (
        "the change was saved, but its output could not be written to {path}: {detail}",
        "修改已保存，但输出无法写入 {path}：{detail}",
    ),
    "output_is_database": (
        "{path} is the database (or one of its files); choose another --output",
        "{path} 是数据库（或其附属文件），请换一个 --output",
    ),
    "output_dangling_link": (
        "{path} is a symbolic link to nothing; give the real file name",
        "{path} 是指向不存在文件的符号链接，请给出实际文件名",
    ),
    "output_not_file": (
        "{path} is not a file, a terminal or a pipe; choose another --output",
        "{path} 不是文件、终端或管道，请换一个 --output",
    ),
    "bad_format": (
        "unknown output format {value!r}; accepted: table, csv, tsv, json, md or a tabulate format ({accepted})",
        "未知的输出格式 {value!r}；可用：table、csv、tsv、json、md 或 tabulate 格式（{accepted}）",
    ),
    "bad_lang": (
        "unknown language {value!r}; accepted: zh, en",
        "未知语言 {value!r}；可用：zh、en",
    ),
    "bad_date": (
        "{value!r} is not a date; use 2025-03-16, 2025/3/16, 20250316, 2025年3月16日 or today",
        "{value!r} 不是有效日期；可用 2025-03-16、2025/3/16、20250316、2025年3月16日 或 today",
    ),
    "bad_month": (
        "{value!r} is not a month; use 2025-03, 2025年3月, this or last",
        "{value!r} 不是有效月份；可用 2025-03、2025年3月、this 或 last",
    ),
    "bad_year": ("{value!r} is not a year; use 2025", "{value!r} 不是有效年份；例如 2025"),
    "bad_period": (
        "give one period: --month, --year, or --from with --to",
        "请只给出一个期间：--month、--year，或 --from 与 --to",
    ),
    "period_reversed": (
        "the period ends ({end}) before it starts ({start})",
        "期间结束日期（{end}）早于开始日期（{start}）",
    ),
    "bad_money": (
        "{value!r} is not an amount of money; use 500, 500.5, ¥500 or 500元",
        "{value!r} 不是有效金额；可用 500、500.5、¥500 或 500元",
    ),
    "money_comma": (
        "{value!r}: a comma may only separate thousands (1,500 or 1,500.50); "
        "use a point for yuan and fen, e.g. 1.50",
        "{value!r}：逗号只能用作千位分隔（1,500 或 1,500.50）；元与角分之间请用小数点，如 1.50",
    ),
    "money_negative": ("the amount {value!r} is negative", "金额 {value!r} 不能为负数"),
    "money_absurd": (
        "the amount {value!r} is larger than {limit} yuan; check the figure",
        "金额 {value!r} 超过 {limit} 元，请核对",
    ),
    "bad_code": (
        "unknown {what} {value!r}; accepted: {accepted}",
        "未知的{what} {value!r}；可用：{accepted}",
    ),
    "bad_emp_no": (
        "{value!r} is not an employee number (letters, digits and - only, up to 32)",
        "{value!r} 不是有效工号（仅限字母、数字和 -，最长 32 位）",
    ),
    "bad_name": ("a name cannot be empty", "姓名不能为空"),
    "bad_phone": (
        "{value!r} is not a phone number (digits, spaces, + and - only)",
        "{value!r} 不是有效电话号码（仅限数字、空格、+ 和 -）",
    ),
    "bad_text": ("{what} cannot be empty", "{what}不能为空"),
    "text_control": (
        "{value!r} contains a control character ({char}); type the text without it",
        "{value!r} 含有控制字符（{char}），请去掉后重新输入",
    ),
    "bad_number": ("{value!r} is not a whole number ≥ 0", "{value!r} 不是大于等于 0 的整数"),
    "bad_mobile": (
        "{value!r} looks like a mobile number but has {digits} digits; a mobile has 11",
        "{value!r} 像是手机号，但有 {digits} 位；手机号应为 11 位",
    ),
    "bad_birth_date": (
        "{value!r} is not a birth date; use 1990-03-07, 19900307, 1990年3月7日, "
        "or a month: 1990-03, 1990.03, 199003, 1990年3月",
        "{value!r} 不是有效出生日期；可用 1990-03-07、19900307、1990年3月7日，"
        "或年月：1990-03、1990.03、199003、1990年3月",
    ),
    "bad_today": (
        "$UNIONCTL_TODAY is {value!r}, not a date; use 2025-12-31 or unset it",
        "$UNIONCTL_TODAY 为 {value!r}，不是有效日期；请写成 2025-12-31 或删除该变量",
    ),
    "id_card_area": (
        "ID-card number {value!r} starts with an area code that does not exist",
        "身份证号 {value!r} 的地区码不存在",
    ),
    "id_card_format": (
        "ID-card number {value!r} must be 18 characters: 17 digits and a digit or X",
        "身份证号 {value!r} 应为 18 位：17 位数字加 1 位数字或 X",
    ),
    "id_card_checksum": (
        "ID-card number {value!r} fails the GB 11643 check digit (expected {expected})",
        "身份证号 {value!r} 校验码错误（应为 {expected}）",
    ),
    "id_card_date": (
        "ID-card number {value!r} holds no valid birth date",
        "身份证号 {value!r} 中的出生日期无效",
    ),
    "id_card_birth_mismatch": (
        "ID-card number {value!r} says born {card}, but the birth date given is {given}",
        "身份证号 {value!r} 显示出生于 {card}，与填写的出生日期 {given} 不符",
    ),
    "id_card_gender_mismatch": (
        "ID-card number {value!r} belongs to a {card} person, but the gender given is {given}",
        "身份证号 {value!r} 对应性别为{card}，与填写的性别{given}不符",
    ),
    "future_birth": ("birth date {value} is in the future", "出生日期 {value} 晚于今天"),
    "birth_after_join": (
        "birth date {birth} is after the join date {joined}",
        "出生日期 {birth} 晚于入会日期 {joined}",
    ),
    "future_date": ("{value} is in the future", "{value} 晚于今天"),
    "id_card_taken": (
        "ID-card number {value!r} already belongs to {emp_no} ({name})",
        "身份证号 {value!r} 已属于 {emp_no}（{name}）",
    ),
    "import_dup_id_card": (
        "ID-card number {value!r} appears again (first on line {first})",
        "身份证号 {value!r} 重复出现（首次在第 {first} 行）",
    ),
    "duplicate_emp_no": (
        "employee number {emp_no} already exists ({name})",
        "工号 {emp_no} 已存在（{name}）",
    ),
    "unknown_member": (
        "no member with employee number {emp_no}{suggestions}",
        "没有工号为 {emp_no} 的会员{suggestions}",
    ),
    "did_you_mean": ("; did you mean: {names}?", "；是否要找：{names}？"),
    "unknown_branch": (
        "no branch named {name!r}{suggestions}; add it with `unionctl members branch add`",
        "没有名为 {name!r} 的分工会{suggestions}；可用 `unionctl members branch add` 添加",
    ),
    "unknown_branch_import": (
        "no branch named {name!r}{suggestions} (add it first, or import with --create-branches)",
        "没有名为 {name!r} 的分工会{suggestions}（请先添加，或导入时加 --create-branches）",
    ),
    "duplicate_branch": ("branch {name!r} already exists", "分工会 {name!r} 已存在"),
    "branch_cycle": (
        "{name!r} cannot be its own parent branch",
        "{name!r} 不能作为自己的上级分工会",
    ),
    "no_change": (
        "nothing to change: give at least one option",
        "没有要修改的内容：请至少给出一个选项",
    ),
    "status_transition": (
        "{emp_no} ({name}) is {current}; cannot {action}",
        "{emp_no}（{name}）当前为{current}，不能{action}",
    ),
    "change_before_last": (
        "{emp_no}: the date {on} is before the last recorded {what} change ({last})",
        "{emp_no}：日期 {on} 早于上一次{what}变动（{last}）",
    ),
    "change_before_birth": (
        "{emp_no}: the date {on} is before the birth date {birth}",
        "{emp_no}：日期 {on} 早于出生日期 {birth}",
    ),
    "same_branch": ("{emp_no} is already in {branch}", "{emp_no} 已在 {branch}"),
    "already_retired": ("{emp_no} ({name}) is already retired", "{emp_no}（{name}）已退休"),
    "hardship_open": (
        "{emp_no} already has an open hardship record (registered {on}); use --review or --close",
        "{emp_no} 已有困难档案（{on} 建档）；请用 --review 或 --close",
    ),
    "hardship_none": (
        "{emp_no} has no open hardship record; register one with --tier and --reason",
        "{emp_no} 没有在档的困难档案；请用 --tier 与 --reason 建档",
    ),
    "hardship_action": (
        "give exactly one of: --tier with --reason (register), --review, --close with --reason",
        "请只给出一种操作：--tier 加 --reason（建档）、--review（复核）、--close 加 --reason（退档）",
    ),
    "reason_required": ("{action} needs --reason", "{action} 需要 --reason"),
    "transfer_target": (
        "give one of --branch NAME or --out",
        "请给出 --branch 分工会 或 --out 之一",
    ),
    "import_rejected": (
        "nothing imported: {count} bad row(s) in {path}",
        "未导入任何数据：{path} 中有 {count} 行有误",
    ),
    "import_empty": ("{path} is empty: no header row", "{path} 是空文件：没有表头"),
    "import_no_rows": ("{path} has a header but no rows", "{path} 只有表头，没有数据行"),
    "import_missing_column": (
        "{path} lacks the required column(s) {columns}",
        "{path} 缺少必需列 {columns}",
    ),
    "import_unknown_column": (
        "{path} has unknown column(s) {columns}; accepted: {accepted}",
        "{path} 含有无法识别的列 {columns}；可用：{accepted}",
    ),
    "import_duplicate_column": (
        "{path} has the column {column} twice",
        "{path} 中列 {column} 重复",
    ),
    "import_decode": (
        "{path} is neither UTF-8 nor GB18030 text (bad bytes at line {line})",
        "{path} 既不是 UTF-8 也不是 GB18030 文本（第 {line} 行有无法识别的字节）",
    ),
    "import_unreadable": ("cannot read {path}: {detail}", "无法读取 {path}：{detail}"),
    "import_dup_in_file": (
        "employee number {emp_no} appears again (first on line {first})",
        "工号 {emp_no} 重复出现（首次在第 {first} 行）",
    ),
    "import_exists": (
        "employee number {emp_no} already exists ({name}); use --update to update it",
        "工号 {emp_no} 已存在（{name}）；如需更新请加 --update",
    ),
    "import_row_width": (
        "the row has {found} fields, the header has {expected}",
        "该行有 {found} 个字段，表头有 {expected} 个",
    ),
    "import_unnamed_value": (
        "the value {value!r} stands in a column with no header",
        "值 {value!r} 所在的列没有表头",
    ),
    "import_status_change": (
        "status {found} cannot be set by import (current {current}); use members join/leave/…",
        "导入不能把会籍状态改为{found}（当前为{current}）；请用 members join/leave 等命令",
    ),
    "line_problem": ("line {line}: {problem}", "第 {line} 行：{problem}"),
    "unknown_entity": (
        "unknown entity {value!r}; accepted: {accepted}",
        "未知的对象 {value!r}；可用：{accepted}",
    ),
    # confirmations printed on success
    "added_member": ("added {emp_no} {name}", "已添加 {emp_no} {name}"),
    "updated_member": ("updated {emp_no} {name}: {fields}", "已更新 {emp_no} {name}：{fields}"),
    "unchanged_member": ("{emp_no} {name}: nothing changed", "{emp_no} {name}：没有变化"),
    "status_changed": (
        "{emp_no} {name}: {old} → {new} on {on}",
        "{emp_no} {name}：{old} → {new}（{on}）",
    ),
    "branch_added": ("added branch {name}", "已添加分工会 {name}"),
    "branch_renamed": ("renamed branch {old} → {new}", "分工会已更名：{old} → {new}"),
    "hardship_registered": (
        "{emp_no} {name}: hardship record opened ({tier}) on {on}",
        "{emp_no} {name}：已建立困难档案（{tier}），{on}",
    ),
    "hardship_reviewed": (
        "{emp_no} {name}: hardship record re-checked on {on}",
        "{emp_no} {name}：困难档案已复核，{on}",
    ),
    "hardship_closed": (
        "{emp_no} {name}: hardship record closed on {on} ({reason})",
        "{emp_no} {name}：困难档案已退档，{on}（{reason}）",
    ),
    "honour_added": (
        "{emp_no} {name}: {title} ({level}) on {on}",
        "{emp_no} {name}：{title}（{level}），{on}",
    ),
    "imported": (
        "imported {path}: {created} added, {updated} updated, {unchanged} unchanged",
        "已导入 {path}：新增 {created}，更新 {updated}，无变化 {unchanged}",
    ),
    "import_checked": (
        "checked {path}: {created} would be added, {updated} updated, {unchanged} unchanged; nothing written (--dry-run)",
        "已检查 {path}：将新增 {created}，更新 {updated}，无变化 {unchanged}；未写入（--dry-run）",
    ),
    "init_created": ("created {path} (schema {rev})", "已创建 {path}（数据结构 {rev}）"),
    "init_upgraded": (
        "upgraded {path} from {old} to {rev}; backup at {backup}",
        "已升级 {path}：{old} → {rev}；备份在 {backup}",
    ),
    "init_current": ("{path} is up to date (schema {rev})", "{path} 已是最新（数据结构 {rev}）"),
    "backup_done": ("backed up {src} to {dest} ({size})", "已备份 {src} 到 {dest}（{size}）"),
    "check_ok": ("{path}: all checks passed", "{path}：检查全部通过"),
    "check_failed": ("{path}: {count} check(s) failed", "{path}：{count} 项检查未通过"),
    "demo_built_temporary": (
        "demo hospital built in a temporary file, now removed ({members} people, "
        "{branches} branches); keep one with `unionctl demo --db demo.db`",
        "演示医院建于临时文件，已删除（{members} 人，{branches} 个分工会）；"
        "如需保留：`unionctl demo --db demo.db`",
    ),
    "demo_built": (
        "demo hospital written to {path} ({members} people, {branches} branches)",
        "演示医院已写入 {path}（{members} 人，{branches} 个分工会）",
    ),
    "none": ("(none)", "（无）"),
    "yes": ("yes", "是"),
    "no": ("no", "否"),
    "open": ("open", "在档"),
    "closed": ("closed", "已退档"),
    "out": ("out", "转出"),
    # verbs used inside status_transition
    "act_join": ("join", "入会"),
    "act_leave": ("leave", "退会"),
    "act_retire": ("retire", "退休"),
    "act_decease": ("record a death", "登记去世"),
    "act_transfer": ("transfer", "调动"),
    "act_edit": ("edit", "修改"),
    "act_close": ("close the record", "退档"),
    "act_register": ("register", "建档"),
}


def resolve_lang(explicit: str | None = None) -> str:
    """--lang, else $UNIONCTL_LANG, else zh when the locale is Chinese, else en."""
    for value in (explicit, os.environ.get("UNIONCTL_LANG")):
        if value:
            return value
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "zh" else pair[0]


def name(group: str, code: str | None, lang: str) -> str:
    """The display name of a stored code; unknown codes show as themselves."""
    if code is None:
        return ""
    pair = CODES[group].get(code)
    return _pick(pair, lang) if pair else code


def header(key: str, lang: str) -> str:
    pair = HEADERS.get(key)
    return _pick(pair, lang) if pair else key


class Term(NamedTuple):
    """A code to be named in the reader's language when a message is rendered.

    group "what" names a code group itself ("employment" -> 用工性质)."""

    group: str
    code: str


class Phrase:
    """A message kept as key and parameters until the language is known."""

    def __init__(self, key: str, /, **params: object) -> None:
        self.key = key
        self.params = params


def _render(value: object, lang: str) -> object:
    if isinstance(value, Term):
        return what(value.code, lang) if value.group == "what" else name(*value, lang)
    if isinstance(value, Phrase) or (hasattr(value, "params") and hasattr(value, "key")):
        return message(value.key, lang, **value.params)  # type: ignore[attr-defined]
    return value


def message(key: str, lang: str, /, **params: object) -> str:
    from unionctl.privacy import mask_message_params

    rendered = {k: _render(v, lang) for k, v in mask_message_params(key, params).items()}
    return _pick(MESSAGES[key], lang).format(**rendered)


def choices(group: str) -> str:
    """Accepted values of a code group in both languages: 'staff 在编, contract 合同制'."""
    return ", ".join(f"{code} {zh}" for code, (_en, zh) in CODES[group].items())


WHAT: dict[str, tuple[str, str]] = {
    "gender": ("gender", "性别"),
    "employment": ("employment", "用工性质"),
    "status": ("union status", "会籍状态"),
    "hardship_tier": ("hardship tier", "困难类别"),
    "honour_level": ("honour level", "荣誉级别"),
    "aid_kind": ("aid kind", "帮扶类别"),
    "event_kind": ("event kind", "活动类别"),
    "entity": ("entity", "对象"),
}


def what(group: str, lang: str) -> str:
    return _pick(WHAT.get(group, (group, group)), lang)
