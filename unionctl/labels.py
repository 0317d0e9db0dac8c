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
        "left": ("left the union", "退会"),
        "departed": ("left the hospital", "离职"),
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
    "aid_source": {
        "union": ("union funds", "工会经费"),
        "donation": ("donations", "爱心捐款"),
        "hospital": ("hospital", "医院"),
    },
    # why the operating system refused a file (errno names): English as the system says it
    "os_error": {
        "ENOENT": ("No such file or directory", "文件或文件夹不存在"),
        "EISDIR": ("Is a directory", "这是一个文件夹"),
        "ENOTDIR": ("Not a directory", "路径中有一段不是文件夹"),
        "EACCES": ("Permission denied", "没有权限"),
        "EPERM": ("Operation not permitted", "不允许此操作"),
        "EROFS": ("Read-only file system", "文件系统只读"),
        "ENOSPC": ("No space left on device", "磁盘已满"),
        "EDQUOT": ("Disk quota exceeded", "超出磁盘配额"),
        "EEXIST": ("File exists", "已存在"),
        "EBADF": ("Bad file descriptor", "标准输出已关闭"),
        "EPIPE": ("Broken pipe", "读取方已关闭"),
        "EIO": ("Input/output error", "读写出错"),
        "ENAMETOOLONG": ("File name too long", "文件名太长"),
        "ELOOP": ("Too many levels of symbolic links", "符号链接层数过多"),
    },
    # reports --by: how a report is grouped
    "report_by": {
        "kind": ("kind", "类型"),
        "category": ("category", "类别"),
        "month": ("month", "月份"),
        "branch": ("branch", "分工会"),
        "source": ("source", "经费来源"),
        "dept": ("department", "承办部门"),
        "status": ("status", "状态"),
        "audience": ("audience", "活动对象"),
    },
    "aid_due": {
        "plan": ("reported, not yet visited", "待慰问"),
        "birthday": ("birthday", "生日"),
        "retirement": ("retiring", "到龄退休"),
        "hardship": ("hardship household not helped this year", "今年未帮扶的困难户"),
        "revisit": ("脱困 a year ago: revisit", "脱困满一年回访"),
    },
    "aid_flag": {
        "over_cap": ("over the yearly cap", "超年度上限"),
        "unregistered": ("no hardship record", "未建档"),
        "both": ("over the cap, no hardship record", "超年度上限、未建档"),
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
    "event_audience": {
        "all": ("all members", "全体会员"),
        "women": ("women", "女职工"),
        "retirees": ("retirees", "退休职工"),
        "youth": ("youth (35 or under)", "青年职工"),
        "children": ("members' children", "职工子女"),
    },
    "award_level": {
        "hospital": ("hospital", "院级"),
        "district": ("district", "区级"),
        "city": ("city", "市级"),
        "province": ("province", "省级"),
        "national": ("national", "国家级"),
    },
    "flag": {
        "over_eligible": ("attendance above eligible", "签到人数超过应参加人数"),
        "outside_audience": ("outside the audience", "非活动对象"),
    },
    "yes_no": {"yes": ("yes", "是"), "no": ("no", "否")},
    "proposal_kind": {
        "proposal": ("proposal", "提案"),
        "suggestion": ("suggestion", "意见建议"),
        "appeal": ("appeal", "职工诉求"),
    },
    "proposal_status": {
        "submitted": ("submitted", "已提交"),
        "accepted": ("accepted", "已立案"),
        "rejected": ("rejected", "不予立案"),
        "converted": ("converted to a suggestion", "转为意见建议"),
        "assigned": ("assigned", "已交办"),
        "replied": ("replied", "已答复"),
        "closed": ("closed", "已办结"),
    },
    "disposition": {
        "resolved": ("resolved", "已落实"),
        "explained": ("explained", "解释说明"),
        "urged": ("department urged", "督促办理"),
        "scheduled": ("scheduled", "列入计划"),
    },
    "satisfaction": {
        "satisfied": ("satisfied", "满意"),
        "basic": ("basically satisfied", "基本满意"),
        "unsatisfied": ("unsatisfied", "不满意"),
    },
    "proposal_decision": {
        "accepted": ("accepted", "立案"),
        "rejected": ("rejected", "不予立案"),
        "converted": ("converted to a suggestion", "转为意见建议"),
    },
    "session_kind": {
        "congress": ("staff congress", "职工代表大会"),
        "member_congress": ("members' congress", "会员代表大会"),
        "joint": ("joint meeting", "联席会议"),
    },
    "entity": {
        "member": ("member", "会员"),
        "branch": ("branch", "分工会"),
        "proposal": ("proposal", "提案"),
        "session": ("congress session", "职代会届次"),
        "aid": ("aid", "帮扶"),
        "event": ("event", "活动"),
        "database": ("database", "数据库"),
    },
    "change": {
        "status": ("union status", "会籍状态"),
        "employment": ("employment", "用工性质"),
        "branch": ("branch", "分工会"),
        "hardship": ("hardship record", "困难档案"),
    },
    # a recorded change of a person's history, as `members undo` names it
    "history_action": {
        "join": ("joining the union", "入会"),
        "leave": ("leaving the union", "退会"),
        "unjoin": ("change to non-member", "改为未入会"),
        "depart": ("departure", "离职"),
        "transfer_out": ("transfer out", "转出"),
        "decease": ("death", "去世"),
        "retire": ("retirement", "退休"),
        "transfer": ("branch move", "调动分工会"),
        "rehire": ("rehire", "重新入职"),
        "edit": ("edit", "修改"),
    },
    # what `members undo --dry-run` does to each period
    "undo_step": {
        "removed": ("removed", "删除"),
        "restored": ("restored", "恢复"),
        "reopened": ("reopened", "重新在档"),
    },
}

# Extra spellings accepted on input besides the code and the two names above.
ALIASES: dict[str, dict[str, str]] = {
    "report_by": {
        "按类型": "kind",
        "帮扶类别": "kind",
        "活动类别": "kind",
        "提案类型": "kind",
        "分类": "category",
        "按类别": "category",
        "提案类别": "category",
        "按来源": "source",
        "按对象": "audience",
        "按部门": "dept",
        "按状态": "status",
        "按月": "month",
        "按月份": "month",
        "月": "month",
        "按分工会": "branch",
        "部门": "dept",
        "科室": "dept",
        "来源": "source",
        "对象": "audience",
    },
    "gender": {"m": "M", "f": "F", "男性": "M", "女性": "F", "male": "M", "female": "F"},
    "employment": {
        "编制": "staff",
        "在编人员": "staff",
        "编内": "staff",
        "正式": "staff",
        "正式工": "staff",
        "合同": "contract",
        "合同工": "contract",
        "合同制员工": "contract",
        "编外": "contract",
        "规培生": "trainee",
        "离休": "retired",
    },
    "status": {
        "会员": "member",
        "是": "member",  # a 是否会员 column
        "否": "non_member",
        "non-member": "non_member",
        "nonmember": "non_member",
        "非会员": "non_member",
        "quit": "left",
        "离职": "departed",
        "离院": "departed",
        "辞职": "departed",
        "transfer": "transferred",
        "调出": "transferred",
        "死亡": "deceased",
        "病故": "deceased",
    },
    "hardship_tier": {"深度": "deep", "相对": "relative", "意外": "accidental"},
    # the occasions as a secretary hears of them (住院, 生病, 去世 …)
    "aid_kind": {
        "住院": "illness",
        "生病": "illness",
        "患病": "illness",
        "病": "illness",
        "困难": "hardship",
        "去世": "bereavement",
        "丧葬": "bereavement",
        "婚礼": "wedding",
        "生孩子": "childbirth",
        "大病": "critical_illness",
        "节日": "holiday",
        "春节": "holiday",
        "送温暖": "holiday",
        "安康": "insurance",
        "安康保险": "insurance",
        "互助保险": "insurance",
        "女职工安康保险": "insurance",
    },
    "aid_flag": {"超上限": "over_cap", "超限": "over_cap", "超年度限额": "over_cap"},
    "honour_level": {"院": "hospital", "市": "city", "省": "province", "国家": "national"},
    "event_kind": {
        "文体": "culture",
        "文艺活动": "culture",
        "体育活动": "sports",
        "比赛": "competition",
        "技能竞赛": "competition",
        "义诊": "volunteer",
        "志愿": "volunteer",
        "志愿服务": "volunteer",
        "体检": "health",
        "健康": "health",
        "节日": "holiday",
        "座谈": "meeting",
        "疗养": "outing",
    },
    "event_audience": {
        "全体": "all",
        "全体职工": "all",
        "全院职工": "all",
        "女工": "women",
        "退休": "retirees",
        "青年": "youth",
        "子女": "children",
        "kids": "children",
    },
    "award_level": {
        "院": "hospital",
        "区": "district",
        "市": "city",
        "全市": "city",
        "省": "province",
        "全省": "province",
        "国家": "national",
        "全国": "national",
    },
    "proposal_kind": {
        "意见": "suggestion",
        "建议": "suggestion",
        "诉求": "appeal",
        "职工意见建议": "suggestion",
    },
    "proposal_status": {
        "提交": "submitted",
        "立案": "accepted",
        "交办": "assigned",
        "答复": "replied",
        "办结": "closed",
        "不立案": "rejected",
        "转意见建议": "converted",
        "converted": "converted",
    },
    "disposition": {
        "落实": "resolved",
        "近期解决": "resolved",
        "解释": "explained",
        "督促": "urged",
        "列入工作日程": "scheduled",
        "计划": "scheduled",
    },
    "satisfaction": {"基本": "basic", "basically satisfied": "basic", "不满": "unsatisfied"},
    "session_kind": {
        "职代会": "congress",
        "会代会": "member_congress",
        "联席会": "joint",
    },
    "proposal_decision": {
        "立案": "accepted",
        "accept": "accepted",
        "reject": "rejected",
        "不立案": "rejected",
        "convert": "converted",
        "转意见建议": "converted",
    },
}

# Words a roster uses that say too little to pick a code. 在职 ("working here") does not
# say whether someone is 在编 staff, 合同制 or 规培: an import reads it as a blank cell
# (the field is left as it is; a new person gets the default, staff), a command option
# refuses it and names the choices. (It used to mean staff, which quietly turned
# contract workers into staff on `import --update`.)
VAGUE: dict[str, tuple[str, ...]] = {"employment": ("在职", "在岗", "在职在岗")}

# Yes/no cells and options, as rosters and secretaries write them.
YES_WORDS = ("yes", "y", "true", "1", "是", "有", "√", "✓", "对")
NO_WORDS = ("no", "n", "false", "0", "否", "无", "×", "✗", "不是")

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
    "hired_on": ("hired_on", "入职日期"),
    "member_id": ("member", "会员"),
    "retirees": ("retirees", "退休职工"),
    "retired_members": ("retired_members", "退休会员"),
    "hardship": ("hardship", "困难档案"),
    "honours": ("honours", "荣誉"),
    "members": ("members", "会员数"),
    "staff_count": ("staff", "职工数"),
    "non_members": ("non_members", "未入会"),
    "membership_rate": ("membership_rate", "入会率"),
    "joined": ("joined", "入会"),
    "left": ("left", "离会"),
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
    # fields of the audit log's snapshots
    "on": ("on", "日期"),
    "last_review_on": ("last_review_on", "复核日期"),
    "honour": ("honour", "荣誉"),
    "schema": ("schema", "数据结构"),
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
    "t_membership_retirees": ("Retirees (counted apart)", "退休职工（单列）"),
    "month": ("month", "月份"),
    "t_db_check": ("Database check", "数据库检查"),
    "t_import": ("Import", "导入"),
    "t_import_changes": ("Changes the import would make", "导入将做的修改"),
    "t_undo": ("What the undo puts back", "撤销将恢复的记录"),
    "step": ("step", "处理"),
    "undone": ("undone", "撤销"),
    "recorded_at": ("recorded_at", "登记时间"),
    # events
    "title_event": ("title", "活动名称"),
    "event_on": ("date", "日期"),
    "event_until": ("until", "结束日期"),
    "audience": ("audience", "对象"),
    "organiser": ("organiser", "主办"),
    "place": ("place", "地点"),
    "external": ("external", "上级比赛"),
    "eligible": ("eligible", "应参加人数"),
    "signed_up": ("signed_up", "报名"),
    "attended": ("attended", "签到"),
    "no_show": ("no_show", "报名未到"),
    "outside_audience": ("outside_audience", "非活动对象人数"),
    "no_show_rate": ("no_show_rate", "缺席率"),
    "headcount": ("headcount", "非会员人数"),
    "person_times": ("person_times", "人次"),
    "participation_rate": ("participation_rate", "参与率"),
    "flag": ("flag", "提示"),
    "budget": ("budget", "预算"),
    "cost": ("cost", "实际支出"),
    "winner": ("winner", "获奖者"),
    "prize": ("prize", "奖项"),
    "prize_money": ("prize_money", "奖金"),
    "events": ("events", "活动次数"),
    "participants": ("participants", "参与人数"),
    "over_eligible": ("over_eligible", "超员活动"),
    "award_hospital": ("awards_hospital", "院级奖"),
    "award_district": ("awards_district", "区级奖"),
    "award_city": ("awards_city", "市级奖"),
    "award_province": ("awards_province", "省级奖"),
    "award_national": ("awards_national", "国家级奖"),
    "t_events": ("Events", "活动"),
    "t_event": ("Event", "活动"),
    "t_attendance": ("Attendance", "签到名单"),
    "t_awards": ("Awards", "获奖"),
    "t_events_by_kind": ("Events by kind", "各类活动情况"),
    "t_events_by_month": ("Events by month", "逐月活动情况"),
    "t_events_by_audience": ("Events by audience", "按对象活动情况"),
    "t_events_by_branch": ("Events by organiser", "按主办单位活动情况"),
    # proposals
    "code": ("code", "编号"),
    "kind": ("kind", "类型"),
    "proposal_title": ("title", "标题"),
    "proposal_text": ("text", "内容"),
    "category": ("category", "类别"),
    "session": ("session", "届次"),
    "submitter": ("submitter", "提案人"),
    "submitter_name": ("submitter_name", "提案人姓名"),
    "cosigners": ("cosigners", "附议人"),
    "submitted_on": ("submitted_on", "提交日期"),
    "proposal_status": ("status", "状态"),
    "accepted_on": ("accepted_on", "立案日期"),
    "reject_reason": ("reject_reason", "不予立案理由"),
    "handling_dept": ("dept", "承办部门"),
    "due_on": ("due_on", "办理期限"),
    "key_item": ("key_item", "重点督办"),
    "disposition": ("disposition", "答复类型"),
    "reply": ("reply", "答复内容"),
    "replied_on": ("replied_on", "答复日期"),
    "satisfaction": ("satisfaction", "满意度"),
    "proposal_closed_on": ("closed_on", "办结日期"),
    "days_overdue": ("days_overdue", "逾期天数"),
    "decision": ("decision", "立案情况"),
    "term": ("term", "届"),
    "session_no": ("session", "次"),
    "session_kind": ("kind", "会议类型"),
    "held_on": ("held_on", "召开日期"),
    "attendance": ("attendance", "出席人数"),
    "proposals": ("proposals", "提案数"),
    "detail": ("detail", "说明"),
    "received": ("received", "收到"),
    "accepted": ("accepted", "立案"),
    "replied": ("replied", "已答复"),
    "closed_count": ("closed", "已办结"),
    "handling_rate": ("handling_rate", "办结率"),
    "rated": ("rated", "已评价"),
    "satisfaction_rate": ("satisfaction_rate", "满意率"),
    "key_items": ("key_items", "重点督办"),
    "overdue": ("overdue", "逾期"),
    "group": ("group", "分组"),
    "t_proposal": ("Proposal", "提案"),
    "t_proposal_timeline": ("Timeline", "办理过程"),
    "t_proposals": ("Proposals", "提案列表"),
    "t_proposals_overdue": ("Overdue", "逾期未答复"),
    "t_sessions": ("Congress sessions", "职代会届次"),
    "t_proposals_report": ("Proposals", "提案办理情况"),
    "t_proposal_import": ("Proposals the import would add", "导入将新增的提案"),
    # aid
    "aid_kind": ("kind", "帮扶类别"),
    "beneficiary": ("beneficiary", "受助人"),
    "given_on": ("given_on", "日期"),
    "cash": ("cash", "慰问金"),
    "goods": ("goods", "物品"),
    "goods_value": ("goods_value", "物品价值"),
    "aid_total": ("total", "合计金额"),
    "aid_source": ("source", "经费来源"),
    "visited_by": ("visited_by", "慰问人"),
    "aid_flag": ("flag", "标记"),
    "note": ("note", "备注"),
    "plan": ("plan", "待慰问登记"),
    "aid_standard": ("standard", "标准"),
    "yearly_cap": ("yearly_cap", "年度上限"),
    "people_helped": ("people", "人数"),
    "times": ("times", "人次"),
    "aid_flagged": ("flagged", "标记笔数"),
    "households_registered": ("households_registered", "在档户数"),
    "households_helped": ("helped", "已帮扶户数"),
    "households_not_helped": ("not_yet_helped", "未帮扶户数"),
    "aid_due": ("due", "事由"),
    "due_since": ("since", "起始日期"),
    "days_waiting": ("days_waiting", "已等天数"),
    "times_this_year": ("times_this_year", "今年次数"),
    "given_this_year": ("given_this_year", "今年金额"),
    "last_given": ("last_given", "上次慰问"),
    "t_aid_due": ("Due", "本月待办慰问"),
    "drive_title": ("title", "捐款名称"),
    "opened_on": ("opened_on", "发起日期"),
    "drive_closed_on": ("closed_on", "移交日期"),
    "donors": ("donors", "捐款人数"),
    "donated": ("donated", "捐款金额"),
    "handover_aid": ("handover_aid", "移交记录"),
    "t_aid_drives": ("Donation drives", "爱心捐款"),
    "t_aid_drive": ("Donation drive", "爱心捐款"),
    "t_aid_donations": ("Gifts", "捐款明细"),
    "seq": ("no", "序号"),
    "message": ("message", "回执"),  # what a write command says it did, for --output/--format
    "changes": ("changes", "变更记录"),
    "sign_amount": ("amount", "金额"),
    "signature": ("signature", "签名"),
    "t_aid": ("Aid", "帮扶慰问记录"),
    "t_aid_one": ("Aid", "帮扶慰问"),
    "t_aid_policy": ("Aid policy", "慰问金使用办法"),
    "t_aid_report": ("Aid", "帮扶慰问情况"),
    "t_aid_register": ("Hardship register", "困难职工档案情况"),
    "amount": ("amount", "金额"),
    "member": ("member", "工号"),
    "source": ("source", "经费来源"),
    "over_cap": ("over_cap", "超年度上限"),
    "unregistered": ("unregistered", "未建档"),
    "signups": ("signups", "报名人数"),
    "aid_id": ("aid_id", "帮扶记录"),
    "drive_id": ("drive_id", "募捐"),
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
    "db_conflict": (
        "nothing written: the same {fields} is already recorded in {path}",
        "未写入：{path} 中已有相同的{fields}记录",
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
        "unknown output format {value!r}; accepted: table, csv, tsv, json, md, xlsx or a tabulate format ({accepted})",
        "未知的输出格式 {value!r}；可用：table、csv、tsv、json、md、xlsx 或 tabulate 格式（{accepted}）",
    ),
    "xlsx_needs_output": (
        "--format xlsx writes a workbook file: give --output FILE.xlsx (it is not written to a terminal or pipe)",
        "--format xlsx 生成工作簿文件：请加 --output 文件名.xlsx（不会输出到终端或管道）",
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
    "period_future": (
        "{period} has not begun yet (today is {today}); nothing to report",
        "{period} 尚未开始（今天是 {today}），没有可统计的内容",
    ),
    "period_reversed": (
        "the period ends ({end}) before it starts ({start})",
        "期间结束日期（{end}）早于开始日期（{start}）",
    ),
    "money_finer_than_fen": (
        "{value!r} is finer than one fen: an amount has at most two decimals (e.g. 100.01)",
        "{value!r} 精确到了分以下：金额最多两位小数（如 100.01）",
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
    "vague_code": (
        "{value!r} does not say which {what}; accepted: {accepted}",
        "{value!r} 没有说明是哪种{what}；可用：{accepted}",
    ),
    "bad_yes_no": (
        "{value!r} is neither yes nor no (是/否)",
        "{value!r} 不是“是”或“否”",
    ),
    "lines_problem": (
        "lines {lines} ({count} rows): {problem}",
        "第 {lines} 行（共 {count} 行）：{problem}",
    ),
    "file_error": ("{path}: {detail}", "{path}：{detail}"),
    "bad_code": (
        "unknown {what} {value!r}; accepted: {accepted}",
        "未知的{what} {value!r}；可用：{accepted}",
    ),
    "aid_donor_deceased": (
        "{emp_no} ({name}) has died and cannot give to a drive",
        "{emp_no}（{name}）已去世，不能登记捐款",
    ),
    "aid_donor_beneficiary": (
        "{emp_no} ({name}) is the beneficiary of drive {id} ({title}) and cannot give to it",
        "{emp_no}（{name}）是捐款活动 {id}（{title}）的受助人，不能向其捐款",
    ),
    "event_off_roll": (
        "not on the roll on {on} (left the hospital or died): {emp_nos}",
        "{on} 不在册（已离职或去世）：{emp_nos}",
    ),
    "event_not_yet": (
        "event {ref} is on {on}: nobody can have attended it yet (sign-ups: `unionctl events register`)",
        "活动 {ref} 在 {on} 举行，还不能登记签到（报名请用 `unionctl events register`）",
    ),
    "missing_emp_no": (
        "no employee number (a total or signature line under the table? remove it)",
        "没有工号（是表格下方的合计或制表人行吗？请删除该行）",
    ),
    "bad_emp_no": (
        "{value!r} is not an employee number (letters, digits and - only, up to 32)",
        "{value!r} 不是有效工号（仅限字母、数字和 -，最长 32 位）",
    ),
    "emp_no_is_id_card": (
        "{value} is an ID-card number, not an employee number: give the 工号",
        "{value} 是身份证号，不是工号：请填写工号",
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
        "`$UNIONCTL_TODAY` is {value!r}, not a date; use 2025-12-31 or unset it",
        "`$UNIONCTL_TODAY` 为 {value!r}，不是有效日期；请写成 2025-12-31 或删除该变量",
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
    "aid_whom": (
        "give an employee number or --outsider NAME, one of the two",
        "请给出工号或 --outsider 姓名，二者只能选一",
    ),
    "aid_off_roll": (
        "{emp_no} {name} is not on the roll on {on}: no {kind} for them that day (only "
        "{excepted} reach someone off the roll)",
        "{emp_no} {name} 在 {on} 不在册，不能登记{kind}（不在册的人只能登记{excepted}）",
    ),
    "aid_unregistered": (
        "{who} has no open hardship record on {on}: {kind} goes to registered households "
        "(先建档，后帮扶); {remedy}",
        "{who} 在 {on} 没有在档的困难档案：{kind}只发给已建档的困难职工（先建档，后帮扶）；{remedy}",
    ),
    # the end of a refusal an override lifts: how to override, or what the override lacks
    "aid_override_add": (
        "to give it anyway add {option} --note REASON",
        "确需发放请加 {option} --note 原因",
    ),
    "aid_override_note": (
        "{option} needs its reason: add --note REASON",
        "{option} 须写明原因：请加 --note 原因",
    ),
    "aid_override_column": (
        'to give it anyway put "{flag}" in its flag column and the reason in its note column',
        "确需发放请在“标记”列填“{flag}”，并在“备注”列写明原因",
    ),
    "aid_override_column_note": (
        'the flag "{flag}" needs its reason in the note column',
        "标记“{flag}”须在“备注”列写明原因",
    ),
    "aid_not_the_name": (
        "{emp_no} is {name}, not {given!r}: check the employee number and the name",
        "工号 {emp_no} 是{name}，不是 {given!r}：请核对工号和姓名",
    ),
    "aid_whom_sheet": (
        "name the member in the emp_no column or the outsider in the beneficiary column, one of the two",
        "请在“工号”列填会员，或在“受助人”列填外部对象，二者只能选一",
    ),
    "aid_no_amount_sheet": (
        "no cash and no standard amount for {kind}: fill in the cash column or set one with "
        "`aid policy set`",
        "没有填慰问金，{kind}也没有标准金额：请填“慰问金”列或用 `aid policy set` 设定",
    ),
    "aid_goods_value_sheet": (
        "goods {goods!r} need their value (more than 0) in the goods_value column",
        "物品 {goods!r} 须在“物品价值”列写明价值（大于 0）",
    ),
    "aid_value_without_goods_sheet": (
        "a goods_value without goods: say what the goods are in the goods column",
        "有物品价值却没有物品：请在“物品”列写明是什么物品",
    ),
    "aid_no_amount": (
        "no --amount and no standard amount for {kind}; give --amount or set one with "
        "`aid policy set`",
        "没有给出 --amount，{kind}也没有标准金额；请给出 --amount 或用 `aid policy set` 设定",
    ),
    "aid_goods_value": (
        "goods {goods!r} need their value (more than 0): add --goods-value",
        "物品 {goods!r} 须写明价值（大于 0）：请加 --goods-value",
    ),
    "aid_value_without_goods": (
        "--goods-value without --goods: say what the goods are",
        "有 --goods-value 却没有 --goods：请写明是什么物品",
    ),
    "aid_nothing": (
        "nothing given: the amount is zero and there are no goods",
        "金额为零，也没有物品：没有可登记的慰问",
    ),
    "aid_over_cap": (
        "{emp_no} already had {given} yuan of {kind} in {year}; {value} more passes the yearly "
        "cap of {cap}; {remedy}",
        "{emp_no} 在 {year} 年已领{kind} {given} 元，再发 {value} 元将超过年度上限 {cap} 元；{remedy}",
    ),
    "aid_over_cap_alone": (
        "{value} of {kind} for {emp_no} passes the yearly cap of {cap} for {year}; {remedy}",
        "{emp_no} 本次{kind} {value} 元超过 {year} 年度上限 {cap} 元；{remedy}",
    ),
    "aid_amount_absurd": (
        "the amount {value} is larger than {limit} yuan; check the figure",
        "金额 {value} 超过 {limit} 元，请核对",
    ),
    "aid_policy_nothing": (
        "nothing to set for {kind}: give --standard, --yearly-cap or both",
        "{kind}没有要设定的内容：请给出 --standard、--yearly-cap 或两者",
    ),
    "aid_standard_over_cap": (
        "the standard for {kind} ({standard}) is above its yearly cap ({cap})",
        "{kind}的标准金额（{standard}）高于年度上限（{cap}）",
    ),
    "unknown_aid": ("no aid record {id}", "没有编号为 {id} 的帮扶记录"),
    "unknown_drive": (
        "no donation drive {id}{suggestions}",
        "没有编号或名称为 {id} 的捐款活动{suggestions}",
    ),
    "ambiguous_drive": (
        "more than one donation drive is titled {title} ({ids}): give its number",
        "名为 {title} 的捐款活动不止一个（{ids}）：请用编号",
    ),
    "aid_drive_whom": (
        "give --for EMP_NO or --for-outsider NAME, one of the two",
        "请给出 --for 工号或 --for-outsider 姓名，二者只能选一",
    ),
    "aid_drive_closed": (
        "drive {id} ({title}) was closed on {on}: no more gifts",
        "捐款活动 {id}（{title}）已于 {on} 结束移交，不能再捐",
    ),
    # an xlsx form's printed footer: the writer gives the spreadsheet's page codes
    "xlsx_page_footer": ("Page {page} of {pages}", "第 {page} 页，共 {pages} 页"),
    # Ctrl-C during a command (cli.UnionGroup.invoke)
    "interrupted": ("interrupted: nothing was written", "已中断：未写入任何内容"),
    "interrupted_committed": (
        "interrupted after the change was saved: check it with `unionctl log`",
        "已中断，但更改已保存：可用 `unionctl log` 查看",
    ),
    "aid_drive_closed_already": (
        "drive {id} ({title}) was closed on {on} and handed over as aid #{aid}:"
        " nothing left to close",
        "捐款活动 {id}（{title}）已于 {on} 结束并移交（帮扶记录 #{aid}），无需再次结束",
    ),
    "aid_drive_before_open": (
        "drive {id} opened on {opened}: {on} is before it",
        "捐款活动 {id} 于 {opened} 发起，{on} 早于该日",
    ),
    "aid_drive_close_early": (
        "drive {id}: the hand-over on {on} is before its last gift ({last})",
        "捐款活动 {id}：移交日期 {on} 早于最后一笔捐款（{last}）",
    ),
    "aid_drive_empty": (
        "drive {id} ({title}) has no gifts yet: nothing to hand over",
        "捐款活动 {id}（{title}）还没有捐款，无可移交",
    ),
    "aid_batch_empty": (
        "no one on the roll on {on} matches the filters: nothing given",
        "{on} 在册的职工中没有符合筛选条件的人，未发放",
    ),
    "aid_batch_over_cap": (
        "{count} of the {selected} selected would pass the yearly cap of {cap} yuan for {kind} "
        "in {year}: {people}; nothing given; {remedy}",
        "选中的 {selected} 人中有 {count} 人将超过{kind} {year} 年度上限 {cap} 元：{people}；"
        "未发放。{remedy}",
    ),
    "aid_batch_unregistered": (
        "{count} of the {selected} selected have no open hardship record on {on}: {people}; "
        "{kind} goes to registered households (先建档，后帮扶); nothing given; {remedy}",
        "选中的 {selected} 人中有 {count} 人在 {on} 没有在档的困难档案：{people}；"
        "{kind}只发给已建档的困难职工（先建档，后帮扶），未发放。{remedy}",
    ),
    "aid_batch_again": (
        "{count} of the {selected} selected already had {kind} on {on}: {people}; nothing "
        "given; to give it again add --again",
        "选中的 {selected} 人中有 {count} 人在 {on} 已登记{kind}：{people}；未发放。确需再发请加 --again",
    ),
    "aid_import_again": (
        "this gift is already recorded (#{id}); imported again it would be counted twice. "
        "To record it once more add --again",
        "已有相同的一笔（#{id}）；再导入会重复计数。确需再记一笔请加 --again",
    ),
    "aid_import_repeat_row": (
        "the same gift as line {line} of this file; to record it twice add --again",
        "与本表第 {line} 行是同一笔；确需记两笔请加 --again",
    ),
    "aid_batch_person_given": ("{who} (had {given})", "{who}（已领 {given} 元）"),
    "aid_batch_more": ("and {count} more", "另有 {count} 人"),
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
        "{emp_no} ({name}) is {current}, so cannot {action}; {allowed}",
        "{emp_no}（{name}）的会籍状态是“{current}”，无法{action}；{allowed}",
    ),
    "allowed_next": ("possible now: {actions}", "现在可以：{actions}"),
    "allowed_none": ("no further status change is possible", "会籍状态已不能再变更"),
    "new_status": (
        "a person cannot be added as {status}; add them, then use `unionctl {verb}`",
        "不能直接以“{status}”状态添加人员；请先添加，再用 `unionctl {verb}` 登记",
    ),
    "joined_needs_member": (
        "only a member in the union has a join date to set (status {status}, --joined {joined})",
        "只有在会会员才能设置入会日期（会籍状态为“{status}”，入会日期 {joined}）",
    ),
    "birth_after_hire": (
        "birth date {birth} is after the hire date {hired}",
        "出生日期 {birth} 晚于入职日期 {hired}",
    ),
    "no_current_period": (
        "{emp_no} has no current {what} to correct",
        "{emp_no} 没有可更正的当前{what}记录",
    ),
    "correction_after_end": (
        "{emp_no}: {on} is not before the end of that {what} period ({end})",
        "{emp_no}：{on} 不早于该段{what}记录的结束日期（{end}）",
    ),
    "off_roll": (
        "{emp_no} ({name}) is no longer on the roll ({status})",
        "{emp_no}（{name}）已不在册（{status}）",
    ),
    "bad_clear": (
        "--clear {value!r}: not a field that can be emptied; accepted: {accepted}",
        "--clear {value!r}：该项不能清除；可清除：{accepted}",
    ),
    "clear_and_set": (
        "{field} is both given and cleared; do one",
        "{field}不能同时修改和清除",
    ),
    "edit_status": (
        "status {status} is recorded with `unionctl {verb}`, not with edit",
        "会籍状态“{status}”请用 `unionctl {verb}` 登记，不能用 edit 修改",
    ),
    "delete_has_history": (
        "{emp_no} ({name}) has a history beyond being added; only someone added by mistake can be deleted (record a departure with `members depart`)",
        "{emp_no}（{name}）已有变动记录，不能删除；只有误录的人员可以删除（离开本院请用 `members depart` 登记）",
    ),
    "duplicate_honour": (
        "{emp_no} already has {title} on {on}",
        "{emp_no} 已于 {on} 获得{title}",
    ),
    "change_before_last": (
        "{emp_no}: the date {on} is before the last recorded {what} change ({last}); history is recorded in date order (`unionctl members show {emp_no}` lists it)",
        "{emp_no}：日期 {on} 早于上一次{what}变动（{last}）；变动须按日期先后登记（`unionctl members show {emp_no}` 可查看）",
    ),
    "before_roll": (
        "{emp_no}: {on} is before they are on the roll ({start}); if they were hired earlier, first run `unionctl members edit {emp_no} --hired DATE`",
        "{emp_no}：{on} 早于其在册日期（{start}）；如入职更早，请先运行 `unionctl members edit {emp_no} --hired 入职日期`",
    ),
    "rehire_not_after": (
        "{emp_no}: the rehire date {on} must be after the day they left the roll ({left})",
        "{emp_no}：重新入职日期 {on} 须晚于离开名册的日期（{left}）",
    ),
    "hired_after_rehire": (
        "{emp_no} was rehired on {on}, which is now their hire date; to correct it, undo the rehire (`unionctl members undo {emp_no}`) and record it again",
        "{emp_no} 已于 {on} 重新入职，入职日期即为该日；如需更正，请先撤销（`unionctl members undo {emp_no}`）再重新登记",
    ),
    "nothing_to_undo": (
        "{emp_no} ({name}) has no change to undo: only what adding them recorded (someone added by mistake is removed with `unionctl members delete {emp_no}`)",
        "{emp_no}（{name}）没有可撤销的变动：只有添加时的记录（误录人员请用 `unionctl members delete {emp_no}` 删除）",
    ),
    "undo_not_kept": (
        "{emp_no} ({name}): no undoable change is kept; their changes were recorded before this version kept what each change replaced",
        "{emp_no}（{name}）没有可撤销的变动：其变动是在本版本之前登记的，当时未保存变动前的记录",
    ),
    "undo_history_moved": (
        "{emp_no}: the history no longer is what the last recorded change ({action}, {on}) left, and nothing recorded why; nothing undone (`unionctl members show {emp_no}`)",
        "{emp_no}：变动记录已与最近一次登记的变动（{action}，{on}）之后的不一致，且没有登记原因；未作撤销（`unionctl members show {emp_no}` 可查看）",
    ),
    "undo_hardship_open": (
        "{emp_no} ({name}): undoing the {action} ({on_change}) would leave them off the roll with the hardship record opened {on} still open; close it first (`unionctl members hardship {emp_no} --close --reason …`)",
        "{emp_no}（{name}）：撤销{action}（{on_change}）后其不在册，但 {on} 建立的困难档案仍在档；请先退档（`unionctl members hardship {emp_no} --close --reason …`）",
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
    "import_xls": (
        "{path} is an old-format .xls workbook; open it in Excel or WPS and save it as .xlsx (or CSV UTF-8)",
        "{path} 是旧格式 .xls 工作簿；请用 Excel 或 WPS 打开后另存为 .xlsx（或 CSV UTF-8）",
    ),
    "import_encrypted": (
        "{path} is password-protected; save a copy without the password and import that",
        "{path} 设有密码；请另存一份不带密码的副本再导入",
    ),
    "import_xlsx_corrupt": (
        "{path} is not a readable .xlsx workbook ({detail})",
        "{path} 不是可读取的 .xlsx 工作簿（{detail}）",
    ),
    "import_no_sheet": (
        "{path} has no sheet named {sheet!r}; its sheets: {sheets}",
        "{path} 中没有名为 {sheet!r} 的工作表；现有工作表：{sheets}",
    ),
    "import_empty_sheet": (
        "sheet {sheet} of {path} is empty: no header row",
        "{path} 的工作表 {sheet} 是空的：没有表头",
    ),
    "import_sheet_not_workbook": (
        "--sheet applies to .xlsx workbooks; {path} is a text (CSV/TSV) file",
        "--sheet 只适用于 .xlsx 工作簿；{path} 是文本（CSV/TSV）文件",
    ),
    "import_hidden_rows": (
        "{path}: {count} row(s) hidden in the sheet ({rows}) are imported too",
        "{path}：表格中有 {count} 行被隐藏（第 {rows} 行），同样会导入",
    ),
    "import_ignored_columns": (
        "{path}: column(s) not understood, ignored: {columns}",
        "{path}：以下列无法识别，已忽略：{columns}",
    ),
    "import_runaway_quote": (
        'a quoted field starts on this line and runs on to line {end} (an unbalanced quote mark ")',
        '此行有一个带引号的字段一直延续到第 {end} 行（引号 " 不成对）',
    ),
    "import_field_too_long": (
        "a field is longer than {limit} (an unbalanced quote mark?); nothing after it can be read",
        "有字段超过 {limit}（引号不成对？）；其后的内容无法读取",
    ),
    "import_csv": ("the line cannot be read as CSV: {detail}", "此行无法按 CSV 读取：{detail}"),
    "import_merged": (
        "cells {cells} are merged inside the data; unmerge them and fill in every row",
        "数据区中单元格 {cells} 被合并；请取消合并并逐行填写",
    ),
    "import_formula_no_value": (
        "cell {cell} is a formula with no saved value; open the file in Excel or WPS, save it, and import again",
        "单元格 {cell} 是没有保存计算结果的公式；请用 Excel 或 WPS 打开并保存后再导入",
    ),
    "import_date_in_text": (
        "cell {cell} is a date, but {column} is not a date column; format the column as text and retype it",
        "单元格 {cell} 是日期，但“{column}”不是日期列；请把该列设为文本格式后重新填写",
    ),
    "import_year_month_number": (
        "cell {cell} holds the number {value}: a year and month typed as a number cannot say January from October; type it as text (1990.01, 1990-10) or as a date",
        "单元格 {cell} 是数字 {value}：以数字填写的年月分不清 1 月和 10 月；请改为文本（1990.01、1990-10）或日期格式",
    ),
    "import_number_damaged": (
        "cell {cell} holds the number {value}: a spreadsheet keeps only 15 digits, so its last digits cannot be trusted; retype it as text",
        "单元格 {cell} 是数字 {value}：表格软件只保留 15 位有效数字，末几位已不可信；请设为文本格式后重新填写",
    ),
    "import_cell_error": (
        "cell {cell} holds the spreadsheet error {value}",
        "单元格 {cell} 是表格错误值 {value}",
    ),
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
        "status {current} → {found} needs a date: import with --status-on DATE, or use `unionctl {verb}`",
        "会籍状态由{current}改为{found}需要日期：导入时加 --status-on 日期，或用 `unionctl {verb}`",
    ),
    "import_new_branches": (
        "{count} branch(es) not on the list before, added by --create-branches (check the spelling):",
        "{count} 个分工会原本不在名单中，已由 --create-branches 添加（请核对名称）：",
    ),
    "import_new_branch_near": (
        "  + {name} (closest existing: {closest})",
        "  + {name}（最接近的现有分工会：{closest}）",
    ),
    "line_problem": ("line {line}: {problem}", "第 {line} 行：{problem}"),
    # events
    "event_ends_before_start": (
        "the event ends ({end}) before it starts ({start})",
        "活动结束日期（{end}）早于开始日期（{start}）",
    ),
    "negative_count": ("{what} cannot be negative ({value})", "{what}不能为负数（{value}）"),
    "event_exists": (
        "event {title!r} on {on} is already recorded (id {id})",
        "活动“{title}”（{on}）已有记录（编号 {id}）",
    ),
    "event_dup_in_file": (
        "event {title!r} appears again (first on line {first})",
        "活动“{title}”重复出现（首次在第 {first} 行）",
    ),
    "event_ambiguous": (
        "more than one event is called {ref!r}: {ids}; give its id",
        "有多个活动名为“{ref}”：{ids}；请用编号",
    ),
    "unknown_event": (
        "no event {ref!r}; see `unionctl events list`",
        "没有活动“{ref}”；见 `unionctl events list`",
    ),
    "award_member_or_team": (
        "give the winner: --member EMP_NO or --team NAME (one of them)",
        "请给出获奖者：--member 工号 或 --team 队名（二选一）",
    ),
    "signin_unknown_number": ("no member has employee number {emp_no}", "没有工号为 {emp_no} 的人"),
    "signin_unknown_name": ("no one on the roll is called {name}", "名册中没有 {name}"),
    "signin_ambiguous_name": (
        "{name} could be any of {emp_nos}; write the employee number",
        "{name} 有重名（{emp_nos}）；请写工号",
    ),
    "signin_needs_column": (
        "{path} has neither an employee-number nor a name column",
        "{path} 既没有工号列也没有姓名列",
    ),
    "signin_skipped": (
        "{count} line(s) of {path} skipped (--skip-unmatched):",
        "{path} 中跳过 {count} 行（--skip-unmatched）：",
    ),
    "attend_file_or_numbers": (
        "give employee numbers or --file, not both and not neither",
        "请给出工号或 --file（二选一）",
    ),
    "event_added": ("added event {id}: {title} ({on})", "已添加活动 {id}：{title}（{on}）"),
    "event_registered": (
        "event {id} {title}: {new} signed up ({already} already were)",
        "活动 {id} {title}：新报名 {new} 人（已报名 {already} 人）",
    ),
    "event_attended": (
        "event {id} {title}: {new} signed in ({already} already had)",
        "活动 {id} {title}：新签到 {new} 人（已签到 {already} 人）",
    ),
    "event_headcount": (
        "event {id} {title}: headcount {old} → {new}",
        "活动 {id} {title}：非会员人数 {old} → {new}",
    ),
    "event_awarded": (
        "event {id} {title}: {who} won {prize} ({level})",
        "活动 {id} {title}：{who} 获得{prize}（{level}）",
    ),
    "event_outside_audience": (
        "event {id} is for {audience}; {count} not of it: {emp_nos} (kept)",
        "活动 {id} 的对象是{audience}；{count} 人不属于：{emp_nos}（已照登记）",
    ),
    "event_signup_late": (
        "event {id} began on {on}: these sign-ups were recorded after it (back-entry?)",
        "活动 {id} 已于 {on} 开始：这些报名是活动开始后才登记的（补录？）",
    ),
    "attendance_over_eligible": (
        "event {id}: {attended} members signed in, above the {eligible} eligible "
        "(kept; flagged in show and reports)",
        "活动 {id}：签到 {attended} 人，超过应参加人数 {eligible}（已保存；查看和报表中会标出）",
    ),
    "events_imported": (
        "imported {path}: {count} events added",
        "已导入 {path}：新增活动 {count} 个",
    ),
    "events_checked": (
        "checked {path}: {count} events would be added; nothing written (--dry-run)",
        "已检查 {path}：将新增活动 {count} 个；未写入（--dry-run）",
    ),
    # usage errors (Click's, said in the user's language: unionctl.cli.usage)
    "usage_where": ("{text} ({command})", "{text}（{command}）"),
    "usage_hint": ("Try '{command} --help' for help.", "试试 '{command} --help'"),
    "usage_no_such_option": ("no such option {option}", "没有 {option} 选项"),
    "usage_missing_argument": ("missing argument {name}", "缺少参数 {name}"),
    "usage_missing_option": ("missing option {name}", "缺少选项 {name}"),
    "usage_missing_command": ("missing command", "缺少子命令"),
    "usage_no_such_command": ("no such command {name}", "没有 {name} 命令"),
    "usage_no_such_command_suggest": (
        "no such command {name}; did you mean {names}?",
        "没有 {name} 命令；是否要找：{names}？",
    ),
    "usage_extra_arguments": ("unexpected extra argument(s): {args}", "多余的参数：{args}"),
    "usage_needs_value": ("option {option} needs a value", "{option} 选项需要一个值"),
    "usage_takes_no_value": ("option {option} takes no value", "{option} 选项不接受值"),
    "usage_bad_value": ("invalid value for {name}: {problem}", "{name} 的值无效：{problem}"),
    "usage_at_most": ("at most {limit}", "不能大于 {limit}"),
    "usage_at_least": ("at least {limit}", "不能小于 {limit}"),
    "usage_not_integer": ("not a whole number", "应为整数"),
    "usage_not_number": ("not a number", "应为数字"),
    "usage_not_valid": ("{value} is not a valid {kind}", "{value} 不是有效的{kind}"),
    "unknown_entity": (
        "unknown entity {value!r}; accepted: {accepted}",
        "未知的对象 {value!r}；可用：{accepted}",
    ),
    # confirmations printed on success
    "added_member": ("added {emp_no} {name}", "已添加 {emp_no} {name}"),
    "added_member_joined_today": (
        "added {emp_no} {name} (no --joined given: joined the union today, {on})",
        "已添加 {emp_no} {name}（未给出 --joined：入会日期记为今天 {on}）",
    ),
    "member_deleted": ("deleted {emp_no} {name}", "已删除 {emp_no} {name}"),
    "member_renumbered": ("{old} {name} is now {new}", "{old} {name} 的工号已改为 {new}"),
    "updated_member": ("updated {emp_no} {name}: {fields}", "已更新 {emp_no} {name}：{fields}"),
    "unchanged_member": ("{emp_no} {name}: nothing changed", "{emp_no} {name}：没有变化"),
    "status_changed": (
        "{emp_no} {name}: {old} → {new} on {on}",
        "{emp_no} {name}：{old} → {new}（{on}）",
    ),
    "rehired": (
        "{emp_no} {name}: back on the roll on {on} ({employment}, {branch}), {status}",
        "{emp_no} {name}：{on} 重新入职（{employment}，{branch}），{status}",
    ),
    "undone": (
        "{emp_no} {name}: undone: {action} on {on} (`{command}`); now {status}, {roll}",
        "{emp_no} {name}：已撤销 {on} 的{action}（`{command}`）；现为{status}，{roll}",
    ),
    "undo_checked": (
        "{emp_no} {name}: would undo: {action} on {on} (`{command}`), and be {status}, {roll}; nothing written (--dry-run)",
        "{emp_no} {name}：将撤销 {on} 的{action}（`{command}`），之后为{status}，{roll}；未写入（--dry-run）",
    ),
    "on_roll_now": ("on the roll", "在册"),
    "off_roll_now": ("off the roll", "不在册"),
    "undo_keeps_off_roll": (
        "{emp_no}: kept, though now on days off the roll: {aid} aid gift(s), {events} event attendance(s) (`unionctl aid list --member {emp_no}`)",
        "{emp_no}：以下记录保留，但现落在不在册期间：帮扶 {aid} 次，活动签到 {events} 次（`unionctl aid list --member {emp_no}` 可查看）",
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
    "db_path": ("{path}", "{path}"),
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
    "act_unjoin": ("set to non-member", "改为未入会"),
    "act_depart": ("record leaving the hospital", "登记离职"),
    "act_transfer_out": ("transfer out of the union", "转出"),
    "act_rehire": ("rehire (`members rehire`)", "重新入职（`members rehire`）"),
    "act_rehire_join": ("rehire as a member (--join)", "重新入职并入会（--join）"),
    "act_edit": ("edit", "修改"),
    "act_close": ("close the record", "退档"),
    "act_register": ("register", "建档"),
    # proposals
    "pact_accept": ("accept", "立案"),
    "pact_reject": ("reject", "不予立案"),
    "pact_convert": ("convert to a suggestion", "转为意见建议"),
    "pact_assign": ("assign", "交办"),
    "pact_reply": ("reply", "答复"),
    "pact_close": ("close", "办结"),
    "proposal_transition": (
        "{code} is {current}, so the step {action!s} is not possible now; {allowed}",
        "{code} 当前状态为“{current}”，不能{action}；{allowed}",
    ),
    "proposal_allowed_next": ("possible now: {actions}", "现在可以：{actions}"),
    "proposal_allowed_none": ("the case is finished", "该件已办理完毕"),
    "unknown_proposal": (
        "no proposal {code}{suggestions}",
        "没有编号为 {code} 的提案{suggestions}",
    ),
    "unknown_session": (
        "no congress session {code}{suggestions}; add it with `unionctl proposals session add`",
        "没有届次 {code}{suggestions}；可用 `unionctl proposals session add` 添加",
    ),
    "bad_session_code": (
        "{value!r} is not a session code; use TERM-SESSION, e.g. 5-7",
        "{value!r} 不是有效届次；请写成 届-次，例如 5-7",
    ),
    "duplicate_session": (
        "session {code} already exists (held {on})",
        "届次 {code} 已存在（{on} 召开）",
    ),
    "not_in_good_standing": (
        "{emp_no} ({name}) is not a member in good standing on {on}, so cannot {role}",
        "{emp_no}（{name}）在 {on} 不是在会会员，不能作为{role}",
    ),
    "role_submitter": ("submit", "提案人"),
    "role_cosigner": ("co-sign", "附议人"),
    "cosigner_is_submitter": (
        "{emp_no} is the submitter and cannot also co-sign",
        "{emp_no} 是提案人，不能同时作为附议人",
    ),
    "due_before_submitted": (
        "the due date {due} is before the submission date {submitted} of {code}",
        "办理期限 {due} 早于 {code} 的提交日期 {submitted}",
    ),
    "step_before_last": (
        "{code}: the date {on} is before its last step ({last})",
        "{code}：日期 {on} 早于上一步办理日期（{last}）",
    ),
    "proposal_added": (
        "{code}: {kind} {title!r} by {emp_no} {name}",
        "{code}：{kind}“{title}”，提案人 {emp_no} {name}",
    ),
    "proposal_stepped": ("{code}: {status} on {on}", "{code}：{status}，{on}"),
    # a receipt as the seeds put it: 慰问 10001 董英（生病住院），慰问金 500.00 元，物品 大米（价值 80.00 元）
    "aid_given": (
        "{id}: {on} aid to {who} ({kind}){cash}{goods}{flag}",
        "{id}：{on} 慰问 {who}（{kind}）{cash}{goods}{flag}",
    ),
    "aid_given_cash": (", cash {amount} yuan", "，慰问金 {amount} 元"),
    "aid_given_goods": (
        ", goods {goods} (worth {value} yuan)",
        "，物品 {goods}（价值 {value} 元）",
    ),
    "aid_flagged": (" (flagged: {flag})", "（标记：{flag}）"),
    # the 签领表's title: "春节送温暖签领表"; the occasion is --title or the kind's name
    "t_aid_sign_sheet": ("Sign-for sheet: {occasion}", "{occasion}签领表"),
    "aid_plan_fulfilled": (
        "{id}: fulfils plan #{plan} reported {on}",
        "{id}：完成 {on} 登记的待慰问 #{plan}",
    ),
    "aid_planned": (
        "plan #{plan}: {kind} for {emp_no} {name}, reported {on}",
        "待慰问 #{plan}：{emp_no} {name}，{kind}，{on} 登记",
    ),
    "aid_batch_given": (
        "{count} gift(s) of {kind} recorded, {total} yuan in all{flagged}",
        "已登记{kind} {count} 笔，合计 {total} 元{flagged}",
    ),
    "aid_batch_checked": (
        "checked: {count} gift(s) of {kind} would be recorded, {total} yuan in all{flagged}; "
        "nothing written",
        "检查完毕：将登记{kind} {count} 笔，合计 {total} 元{flagged}；未写入",
    ),
    "aid_batch_flagged": (" ({count} flagged)", "（其中 {count} 笔已标记）"),
    "aid_drive_added": (
        "{id}: drive {title!r} opened {on}",
        "{id}：捐款活动“{title}”，{on} 发起",
    ),
    "aid_drive_given": (
        "drive {id}: {emp_no} {name} gave {amount} yuan",
        "捐款活动 {id}：{emp_no} {name} 捐款 {amount} 元",
    ),
    "aid_drive_closed_ok": (
        "drive {id} ({title}) closed: {total} yuan handed over as {kind}, aid {aid}",
        "捐款活动 {id}（{title}）已结束：移交 {total} 元，记为{kind}，帮扶记录 {aid}",
    ),
    "aid_imported": (
        "imported {path}: {count} gift(s), {total} yuan",
        "已导入 {path}：{count} 笔，合计 {total} 元",
    ),
    "aid_import_checked": (
        "checked {path}: {count} gift(s), {total} yuan would be imported; nothing written",
        "已检查 {path}：将导入 {count} 笔，合计 {total} 元；未写入",
    ),
    "aid_policy_set": (
        "{kind}: standard {standard}, yearly cap {cap}",
        "{kind}：标准 {standard}，年度上限 {cap}",
    ),
    "session_added": (
        "session {code} added: {kind} held {on}",
        "已添加届次 {code}：{kind}，{on} 召开",
    ),
    "proposals_imported": (
        "imported {path}: {count} added",
        "已导入 {path}：新增 {count} 件",
    ),
    "proposals_import_checked": (
        "checked {path}: {count} would be added; nothing written (--dry-run)",
        "已检查 {path}：将新增 {count} 件；未写入（--dry-run）",
    ),
    "import_step_needs": (
        "{field} is given, so {needed} is needed too",
        "填写了{field}，还需要填写{needed}",
    ),
}


# Chinese help, keyed by command path ("members add"; "unionctl" is the top level) and by
# parameter: "--gender" for every command that has it, "members list --status" for one
# command's own, "EMP_NO" for an argument. The English stays in the code beside each option.
HELP_ZH: dict[str, str] = {
    # the top level and its options
    "unionctl": (
        "unionctl —— 医院工会的工作工具：会员、提案、帮扶、活动与报表，数据存于一个 SQLite 文件。\n\n"
        "示例：unionctl --db union.db members list --branch 内科分工会"
    ),
    "--db": "数据库文件或 SQLAlchemy URL（默认：$UNIONCTL_DB，其次 $XDG_DATA_HOME/unionctl/union.db）。",
    "--format": "table、csv、tsv、json、md、xlsx（需加 --output），或任一 tabulate 格式（github、grid…）。",
    "--lang": "zh 或 en（默认：$UNIONCTL_LANG，其次按系统语言）。",
    "--actor": "操作人，记入操作日志（默认：$USER）。",
    "--output": "写入文件 FILE（原子写入），不输出到屏幕。",
    "--bom": '供表格软件打开的 CSV/TSV：以 UTF-8 BOM 开头（Excel 正确显示中文），工号、手机号、身份证号写成 ="00123" 以保持为文本。',
    "--include-private": "显示完整的手机号和身份证号（导出时包含它们）。",
    "--version": "显示版本号并退出。",
    "--help": "显示本帮助并退出。",
    "--install-completion": "为当前 shell 安装命令补全。",
    "--show-completion": "显示当前 shell 的命令补全脚本，便于复制或自定义安装。",
    # the database
    "init": (
        "创建数据库，或升级其数据结构（升级前自动备份）。可重复运行。\n\n"
        "示例：unionctl --db union.db init"
    ),
    "demo": (
        "用 examples/ 中的样例数据在新文件里建一家演示医院，并显示概况。\n\n"
        "不会动你的正式数据库：不给 --db 时写入一个新的临时文件。\n\n"
        "示例：unionctl demo --db /tmp/demo.db"
    ),
    "demo --db": "演示数据库的位置（默认：新建的临时文件）。",
    "log": (
        "查看操作日志：每一次写入、操作人与改动内容。\n\n"
        "示例：unionctl log --entity member --key 10023 --since 2025-01-01"
    ),
    "log --entity": "member、branch、proposal、session（职代会届次）、aid、event 或 database。",
    "log --key": "工号、编码或编号。",
    "log --since": "只显示该日期及以后的记录。",
    "log --limit": "最多显示条数，最新的在前。",
    "db": "数据库文件：所在位置、安全备份、完整性检查。",
    "db path": "显示数据库所在位置（按 --db 与 $UNIONCTL_DB 确定）。\n\n示例：unionctl db path",
    "db backup": (
        "安全地复制数据库，即使另一进程正在写入。\n\n"
        "示例：unionctl db backup ~/backups/union-2025-12-31.db"
    ),
    "db backup DEST": "要创建的备份文件（不能已存在）。",
    "db check": (
        "检查完整性、外键与数据结构版本；有任何一项不通过则以状态 1 退出。\n\n"
        "示例：unionctl db check && echo ok"
    ),
    # members
    "members": "会员名册：人员、分工会、会籍变动、困难档案、荣誉。",
    "EMP_NO": "工号。",
    "--gender": "性别：M/F（男/女）。",
    "--birth": "出生日期。",
    "--dept": "科室。",
    "--branch": "分工会（见 `members branch list`）。",
    "--post": "职务/职称。",
    "--phone": "手机号（列表中打码显示）。",
    "--id-card": "身份证号；出生日期与性别由它推出。",
    "--employment": "用工性质：staff 在编、contract 合同制、trainee 规培、retired 退休。",
    "--status": "会籍状态：member 在会 或 non_member 未入会。",
    "--joined": "入会日期。",
    "--on": "发生日期：2025-03-16、2025/3/16、2025年3月16日、today。",
    "--reason": "原因（记入变动记录）。",
    "members add": (
        "把一个人加入名册（默认今天入会，除非 --status/--joined 另有说明）。\n\n"
        "示例：unionctl members add 10023 张丽 --branch 护理分工会 --id-card 330102199003071521"
    ),
    "members add NAME": "姓名。",
    "members edit": (
        "修改会员信息；分工会、用工性质与会籍状态的变动记入变动记录。\n\n"
        "只给 --joined 或 --hired 时是更正该日期（变动记录随之调整）。\n\n"
        "示例：unionctl members edit 10023 --dept 急诊科 --phone 13800001234"
    ),
    "members edit --name": "更正后的姓名。",
    "members edit --clear": (
        "清空一项：gender、birth_date、phone、id_card、dept、branch、post"
        "（可重复；给空值如 --phone '' 效果相同）。"
    ),
    "--hired": "入职日期：从该日起在册（默认：入会日期，没有则为今天）。",
    "members show": (
        "查看一名会员：基本信息、会籍与分工会变动、困难档案、荣誉。\n\n"
        "示例：unionctl members show 10023"
    ),
    "members list": (
        "列出会员；手机号打码显示，除非加 --include-private。\n\n"
        "示例：unionctl members list --branch 内科分工会 --status member --format csv > 内科.csv"
    ),
    "members list --status": (
        "会籍状态：member、non_member、left、departed、transferred、deceased（或 在会…）。"
    ),
    "members list --hardship": "只列出有在档困难档案的会员。",
    "members list --born-month": "按出生月份筛选（生日慰问）。",
    "members list --search": "在姓名、工号、科室、职务中查找；加 --include-private 时也查手机号和身份证号。% 和 _ 按普通字符处理。",
    "members join": "登记入会。\n\n示例：unionctl members join 10023 --on 2025-03-01",
    "members leave": (
        "登记退会；本人仍在本院名册上。离开本院请用 `members depart` 登记。\n\n"
        "示例：unionctl members leave 10023 --on 2025-06-30 --reason 个人申请"
    ),
    "members depart": (
        "登记离开本院（离职/调出）：当天起不在册，会籍随之终止。\n\n"
        "示例：unionctl members depart 10023 --on 2025-06-30 --reason 调出 --transfer-out"
    ),
    "members depart --reason": "离职、调出 …（记入变动记录）。",
    "members depart --transfer-out": "会籍随本人转出（转出），而不是终止。",
    "members rehire": (
        "登记已离开本院（离职/调出）的人员以原工号重新入职。\n\n"
        "自 --on 起在册；离开至回来之间仍不在册。\n\n"
        "示例：unionctl members rehire 10023 --on 2025-09-01 --branch 护理分工会 --join"
    ),
    "members rehire --on": "回到名册的日期（须晚于离开的日期）。",
    "members rehire --employment": (
        "用工性质：staff 在编、contract 合同制、trainee 规培、retired 退休（默认：同离开前）。"
    ),
    "members rehire --branch": "分工会（默认：离开前所在的分工会）。",
    "members rehire --join": "当天起为会员（默认：暂未入会）。",
    "members undo": (
        "撤销某人最近一次登记的变动，例如日期登记错误的离职。\n\n"
        "会籍状态、用工性质、分工会的任何变动都可撤销（离职、去世、退会、入会、退休、调动、"
        "重新入职，以及改动了这些的修改或导入行）；撤销后用正确日期重新登记。\n\n"
        "该变动新开的记录删除，它结束的记录恢复原样，会籍状态、用工性质、分工会、入会与入职日期"
        "恢复到变动之前。再次运行可撤销更早的一次。此后登记的帮扶与活动签到保留；"
        "如有落在不在册期间的，会给出提示。\n\n"
        "示例：unionctl members undo 10023 --dry-run"
    ),
    "members undo --dry-run": "只说明将撤销什么，不写入任何数据。",
    "members delete": (
        "删除误录的人员（仅限除添加外没有任何变动记录的）。\n\n示例：unionctl members delete 10099"
    ),
    "members renumber": (
        "更正录错的工号；所有记录随本人一起更改。\n\n示例：unionctl members renumber 10O23 10023"
    ),
    "members renumber NEW_EMP_NO": "正确的工号。",
    "members decease": (
        "登记去世：当天起不在册；记录仍保留。\n\n"
        "示例：unionctl members decease 10023 --on 2025-08-02 --reason 病故"
    ),
    "members retire": (
        "登记退休：用工性质改为退休，会籍继续保留。\n\n"
        "示例：unionctl members retire 10023 --on 2025-12-31"
    ),
    "members transfer": (
        "把会员调到另一个分工会，或登记转出（转出，同 depart --transfer-out）。\n\n"
        "示例：unionctl members transfer 10023 --branch 外科分工会 --on 2025-04-01"
    ),
    "members transfer --branch": "调入的分工会。",
    "members transfer --out": "转出本工会。",
    "members hardship": (
        "管理困难职工档案：建档、年度复核、退档。\n\n"
        "示例：unionctl members hardship 10023 --tier deep --reason 本人患重病 --on 2025-03-01"
    ),
    "members hardship --tier": "困难类别：deep 深度困难、relative 相对困难、accidental 意外致困。",
    "members hardship --review": "登记年度复核。",
    "members hardship --close": "退档，例如 --reason 脱困。",
    "members hardship --household": "家庭人口。",
    "members hardship --income": "收入情况。",
    "members honour": (
        "登记荣誉（劳模、先进工作者 …）。\n\n"
        "示例：unionctl members honour 10023 优秀护士 --level city --on 2025-05-12"
    ),
    "members honour TITLE": "荣誉称号：先进工作者、劳动模范 …",
    "members honour --level": "级别：hospital 院级、city 市级、province 省级、national 国家级。",
    "members import": (
        "导入花名册；全部成功或全部不写：有一行出错就什么都不写入。\n\n"
        "表头可用编码（emp_no、name …）或中文（工号、姓名、性别、出生日期、科室、分工会、入职日期 …）。"
        "加 --update 时，空白单元格或文件中没有的列保持原值（清空某项请用 `members edit --clear`）。"
        "--dry-run 列出每一行将做的修改。\n\n"
        "示例：unionctl members import 花名册.xlsx --sheet 在职职工 --create-branches --dry-run\n"
        "示例：unionctl members import 花名册.csv --update --status-on 2025-06-30 --dry-run"
    ),
    "members import --sheet": "要读取的 .xlsx 工作表（默认第一个）。",
    "members import --status-on": (
        "与 --update 同用：会籍状态、分工会与用工性质变动的生效日期"
        "（不给时拒绝会籍状态变动，调动记为今天）。"
    ),
    "members import FILE": "CSV/TSV 文件（UTF-8、带 BOM 的 UTF-8 或 GB18030）或 .xlsx 工作簿。",
    "members import --dry-run": "逐行检查，不写入任何数据。",
    "members import --update": "更新工号已存在的会员。",
    "members import --create-branches": "自动添加文件中出现、尚不存在的分工会。",
    "members export": (
        "把名册导出为 CSV，`members import --update` 可原样导回。\n\n"
        "不含手机号和身份证号，除非加 --include-private。\n\n"
        "示例：unionctl members export --bom --output 会员名册.csv"
    ),
    "members branch": "会员所属的分工会。",
    "members branch add": (
        "添加一个分工会，供会员选择。\n\n示例：unionctl members branch add 护理分工会"
    ),
    "members branch add NAME": "分工会名称，例如 护理分工会。",
    "members branch add --parent": "上级分工会。",
    "members branch list": (
        "列出各分工会及其在会会员数。\n\n示例：unionctl members branch list --format csv"
    ),
    "members branch rename": (
        "分工会更名；会员及其变动记录随之更新。\n\n"
        "示例：unionctl members branch rename 后勤分工会 后勤保障分工会"
    ),
    "members branch rename OLD": "现在的名称。",
    "members branch rename NEW": "新名称。",
    # reports
    "reports": "报表：目前有会员情况、提案办理情况与活动情况；帮扶、月报和年报即将提供。",
    "--month": "月份：2025-03、2025年3月、this、last。",
    "--year": "年份：2025、this、last。",
    "--from": "日期范围的第一天。",
    "--to": "日期范围的最后一天（默认：今天）。",
    "reports membership": (
        "一段期间的会员数、入会率、入会与退会人数（默认：今年）。\n\n"
        "会员数与入会率按期末当天计；入会与退会按期间内发生计。\n\n"
        "示例：unionctl reports membership --year 2025 --by branch --format csv"
    ),
    "reports membership --by": "branch（按分工会）或 month（按月）。",
    "reports events": (
        "活动次数、人次、参与人数、参与率、预算与实际支出、各级获奖数（默认：今年）。\n\n"
        "参与率：期末当天（若晚于今天则为今天）在会会员中，期间内至少参加过一次活动的比例。\n\n"
        "示例：unionctl reports events --year 2025 --by kind"
    ),
    "reports events --by": "kind（按类别）、month（按月）、branch（按主办单位）或 audience（按对象）。",
    # events
    "events": "活动：培训、竞赛、文体、疗休养等；报名、签到、获奖。",
    "events add": "添加一项活动，并显示其编号。\n\n示例：unionctl events add 护理技能竞赛 --kind competition --on 2025-05-12 --budget 8000",
    "events add TITLE": "活动名称。",
    "events add --kind": "类别：training 培训、competition 竞赛 ……（见 events list --help）。",
    "events add --until": "多日活动的最后一天。",
    "events add --place": "地点。",
    "events add --organiser": "主办单位：院工会或某个分工会。",
    "events add --audience": "对象：all 全体会员、women 女职工、retirees 退休职工、youth 青年职工（35 岁及以下）、children 职工子女。",
    "events add --eligible": "应参加人数（默认：当天该对象的在会会员数；职工子女活动须填写）。",
    "events add --budget": "预算（元）。",
    "events add --cost": "实际支出（元）。",
    "events add --external": "参加上级组织的比赛。",
    "events register": "活动前报名；重复报名只算一次。\n\n示例：unionctl events register 3 10001 10004",
    "events register EVENT": "活动编号（或完整的活动名称）。",
    "events register EMP_NOS": "工号（可多个）。",
    "events attend": (
        "登记签到：用工号，或读入签到表。\n\n"
        "同一人多次签到只算一人次。签到表中查无此人或重名的，列出行号且不写入，"
        "除非加 --skip-unmatched。\n\n"
        "示例：unionctl events attend 3 10001 10004\n\n"
        "示例：unionctl events attend 3 --file 签到表.xlsx --skip-unmatched"
    ),
    "events attend EVENT": "活动编号（或完整的活动名称）。",
    "events attend EMP_NOS": "工号（可多个）。",
    "events attend --file": "签到表（CSV/TSV/.xlsx），含工号列或姓名列。",
    "events attend --skip-unmatched": "只登记能对上的行，列出其余各行（默认：全部不写入）。",
    "events attend --sheet": "读取 .xlsx 的哪个工作表（默认：第一个）。",
    "events headcount": (
        "登记不在会员名册上的参加人数（如义诊接待群众）。\n\n"
        "人次 = 签到会员数 + 此人数。\n\n示例：unionctl events headcount 7 200"
    ),
    "events headcount EVENT": "活动编号（或完整的活动名称）。",
    "events headcount COUNT": "不在会员名册上的参加人数。",
    "events award": "登记获奖：个人或团队。\n\n示例：unionctl events award 5 --team 内四代表队 --prize 冠军 --level city",
    "events award EVENT": "活动编号（或完整的活动名称）。",
    "events award --member": "获奖者工号。",
    "events award --team": "获奖团队（如 ICU、内四代表队）。",
    "events award --prize": "奖项：一等奖、冠军 ……",
    "events award --level": "级别：hospital 院级、district 区级、city 市级、province 省级、national 国家级。",
    "events award --prize-money": "奖金（元）。",
    "events list": "列出活动及签到、人次、参与率（默认：全部活动）。\n\n示例：unionctl events list --kind training --year 2025",
    "events list --kind": (
        "类别：culture 文艺、sports 体育、training 培训、competition 竞赛、education 思想教育、"
        "volunteer 义诊/志愿、health 体检/健康、holiday 节日活动、meeting 座谈会、outing 疗休养、other 其他。"
    ),
    "events list --audience": "对象：all 全体会员、women 女职工、retirees 退休职工、youth 青年职工（35 岁及以下）、children 职工子女。",
    "events show": "查看一项活动：详情、报名与缺席、签到名单、人次、参与率、费用、获奖。\n\n示例：unionctl events show 3",
    "events show EVENT": "活动编号（或完整的活动名称）。",
    "events import": (
        "导入活动表；全部成功或全部不写入：任一行有误则不导入。\n\n"
        "列：活动名称、类别、日期、结束日期、地点、主办、对象、应参加人数、预算、实际支出、上级比赛、非会员人数"
        "（或对应的英文代码）。\n\n示例：unionctl events import 活动.csv --dry-run"
    ),
    "events import FILE": "CSV/TSV 或 .xlsx 文件。",
    "events import --dry-run": "检查每一行，不写入。",
    "events import --sheet": "读取 .xlsx 的哪个工作表（默认：第一个）。",
    # proposals
    "proposals": "提案、意见建议与职工诉求：从职代会提出到办结。",
    "CODE": "提案编号，例如 2025-001（意见建议 S2025-001，职工诉求 A2025-001）。",
    "proposals session": "提案所属的职代会届次。",
    "proposals session add": (
        "添加一次职代会；显示其届次编号（届-次，如 5-7）。\n\n"
        "示例：unionctl proposals session add --term 5 --session 7 --on 2025-03-16 --attendance 186"
    ),
    "proposals session add --term": "届，例如 5。",
    "proposals session add --session": "次，例如 7。",
    "proposals session add --on": "召开日期。",
    "proposals session add --kind": "congress 职工代表大会、member_congress 会员代表大会、joint 联席会议。",
    "proposals session add --attendance": "出席代表人数。",
    "proposals session list": (
        "列出各次职代会及其提案数。\n\n示例：unionctl proposals session list"
    ),
    "proposals add": (
        "登记一件提案、意见建议或职工诉求；显示其编号（2025-001、S2025-001、A2025-001）。\n\n"
        "提案人和每位附议人在当天都须是在会会员。\n\n"
        "示例：unionctl proposals add 增设暑期托管班 --by 10023 --cosigners 10031,10045 --session 5-7"
    ),
    "proposals add TITLE": "案由（标题）。",
    "proposals add --by": "提案人工号。",
    "proposals add --cosigners": "附议人工号，例如 10002,10004。",
    "--category": "类别（自由填写，例如 后勤保障）。",
    "--session": "职代会届次，写成 届-次，例如 5-7。",
    "--kind": "类型：proposal 提案、suggestion 意见建议、appeal 职工诉求。",
    "proposals add --on": "提交日期（默认：今天）。",
    "proposals add --text": "提案全文（内容）。",
    "proposals accept": "立案。\n\n示例：unionctl proposals accept 2025-001 --on 2025-03-20",
    "proposals reject": (
        "不予立案，并写明告知提案人的理由。\n\n"
        "示例：unionctl proposals reject 2025-002 --reason 不属于职代会提案范围"
    ),
    "proposals reject --reason": "不予立案的理由。",
    "proposals convert": (
        "把提案转为意见建议办理；编号不变。\n\n示例：unionctl proposals convert 2025-003"
    ),
    "proposals assign": (
        "把已立案的提案交办给承办部门，并定下办理期限。\n\n"
        "示例：unionctl proposals assign 2025-001 --dept 后勤保障部 --due 2025-06-30 --key"
    ),
    "proposals assign --dept": "承办部门。",
    "proposals assign --due": "办理期限：须在该日前答复。",
    "proposals assign --key": "列为重点督办。",
    "proposals reply": (
        "登记承办部门的答复及办理方式。\n\n"
        "示例：unionctl proposals reply 2025-001 --disposition resolved --text 已于6月起试行"
    ),
    "proposals reply --disposition": "resolved 已落实、explained 解释说明、urged 督促办理、scheduled 列入计划。",
    "proposals reply --text": "答复内容。",
    "proposals close": (
        "办结已答复的提案，并登记提案人的满意度。\n\n"
        "示例：unionctl proposals close 2025-001 --satisfaction satisfied"
    ),
    "proposals close --satisfaction": "提案人的评价：satisfied 满意、basic 基本满意、unsatisfied 不满意。",
    "proposals show": (
        "查看一件提案及其完整办理过程：每一步、日期与登记人。\n\n"
        "示例：unionctl proposals show 2025-001"
    ),
    "proposals list": (
        "列出提案；加 --overdue 时显示逾期天数（没有逾期时输出空表，退出状态为 0）。\n\n"
        "示例：unionctl proposals list --overdue --format csv"
    ),
    "proposals list --status": "状态：submitted、accepted、rejected、converted、assigned、replied、closed（或 已立案…）。",
    "proposals list --dept": "承办部门。",
    "proposals list --overdue": "只列出已交办、超过办理期限仍未答复的。",
    "proposals list --key": "只列出重点督办的。",
    "proposals import": (
        "按提案委员会的台账导入一次会议的提案；全部成功或全部不写。\n\n"
        "表头可用编码或中文：标题/案由、提案人工号、附议人、类型、类别、届次、提交日期、内容，"
        "以及办理进度：立案情况、立案日期、不予立案理由、承办部门、办理期限、重点督办、答复类型、"
        "答复内容、答复日期、满意度、办结日期。每一行按与命令相同的步骤办理；某一步的日期空着时"
        "取上一步的日期。\n\n"
        "示例：unionctl proposals import 五届七次提案.xlsx --dry-run"
    ),
    "proposals import FILE": "CSV/TSV 文件（UTF-8、带 BOM 的 UTF-8 或 GB18030）或 .xlsx 工作簿。",
    "proposals import --dry-run": "逐行检查，不写入任何数据。",
    "proposals import --sheet": "要读取的 .xlsx 工作表（默认第一个）。",
    "reports proposals": (
        "一段期间（默认：今年）收到的提案及其办理情况。\n\n"
        "办结率 = 已办结 ÷ 立案；满意率 =（满意 + 基本满意）÷ 已评价；逾期按期末当天（或今天）计。"
        "没有可除的数时比率显示为 —。\n\n"
        "示例：unionctl reports proposals --year 2025 --by category"
    ),
    "reports proposals --by": "kind（按类型）、category（按类别）、dept（按承办部门）或 status（按状态）。",
    # aid
    "aid": "帮扶与慰问（送温暖）：慰问金与物品、慰问金使用办法、待慰问登记。",
    "aid give": (
        "登记一次对会员（或用 --outsider 指定的外部对象）的慰问或帮扶；显示其编号。\n\n"
        "不写 --amount 时按该类别的标准金额发放。同一会员、同一类别的慰问会完成最早一条待慰问登记。\n\n"
        "示例：unionctl aid give 10023 --kind illness --amount 500 --by 工会主席 --on 2025-03-02"
    ),
    "aid give EMP_NO": "会员工号。",
    "aid give --kind": "帮扶类别：hardship 困难帮扶、illness 生病住院、bereavement 丧事、birthday 生日、wedding 结婚、childbirth 生育、retirement 退休、holiday 节日慰问、disaster 意外灾害、critical_illness 大病救助、mutual_medical 医疗互助赔付、insurance 安康/互助保险、cooling 送清凉、other 其他。",
    "aid give --outsider": "外部对象的名称（如结对帮扶的贫困户），代替工号。",
    "aid give --amount": "慰问金，单位元，例如 500 或 500.50（默认：该类别的标准金额）。",
    "aid give --goods": "慰问物品，例如 大米、棉被。",
    "aid give --goods-value": "物品价值，单位元。",
    "aid give --on": "慰问日期（默认：今天）：2025-03-16、2025年3月16日、today。",
    "aid give --by": "慰问人，例如 工会主席。",
    "aid give --source": "经费来源：union 工会经费、donation 爱心捐款、hospital 医院。",
    "aid give --note": "备注（超出上限或未建档时写明原因）。",
    "aid give --over-cap": "超出年度上限仍发放（须加 --note 写明原因）。",
    "aid give --unregistered": "对未建困难档案者发放困难帮扶（须加 --note 写明原因）。",
    "aid plan": (
        "登记报告给工会、尚待慰问的事由（住院、丧事、结婚、生育……）。\n\n"
        "之后同一会员、同一类别的 `aid give` 会完成它。\n\n"
        "示例：unionctl aid plan 10023 --kind illness --on 2025-03-01 --note 心内科住院"
    ),
    "aid plan EMP_NO": "会员工号。",
    "aid plan --kind": "帮扶类别：hardship 困难帮扶、illness 生病住院、bereavement 丧事、birthday 生日、wedding 结婚、childbirth 生育、retirement 退休、holiday 节日慰问、disaster 意外灾害、critical_illness 大病救助、mutual_medical 医疗互助赔付、insurance 安康/互助保险、cooling 送清凉、other 其他。",
    "aid plan --on": "报告日期（默认：今天）。",
    "aid plan --note": "备注，例如 心内科住院。",
    "aid list": (
        "列出慰问与帮扶记录（默认：全部），并合计慰问金与物品价值。\n\n"
        "示例：unionctl aid list --kind illness --year 2025 --format csv"
    ),
    "aid list --kind": "帮扶类别：hardship 困难帮扶、illness 生病住院、bereavement 丧事、birthday 生日、wedding 结婚、childbirth 生育、retirement 退休、holiday 节日慰问、disaster 意外灾害、critical_illness 大病救助、mutual_medical 医疗互助赔付、insurance 安康/互助保险、cooling 送清凉、other 其他。",
    "aid list --member": "只列出该会员（工号）的记录。",
    "aid due": (
        "列出某月应办的慰问（按该月月末的情况）：待慰问登记（及已等天数）、当月生日且尚未慰问的会员、当月到龄退休的职工、"
        "今年尚未帮扶（困难帮扶或大病救助）的在档困难户、脱困满一年需回访的家庭，并附今年已做的慰问。\n\n"
        "示例：unionctl aid due --month 2025-12"
    ),
    "aid due --month": "月份（默认：本月）：2025-03、2025年3月、this、last。",
    "aid due --retire-men": "男职工退休年龄（默认 60）。",
    "aid due --retire-women": "女职工退休年龄（默认 55）。",
    "aid batch": (
        "批量慰问：给发放当天（--on）在册、且符合筛选条件的每位职工各登记一笔（如春节送温暖、三八节慰问）。\n\n"
        "筛选条件同 `members list`；全部成功或全部不写，并输出签领表（序号、工号、姓名、科室、慰问金、"
        "有物品时另列物品及物品价值、签名），表头为“活动名称+签领表”及日期，附合计行。"
        "不写 --note 时，活动名称（--title）记作每笔的备注。\n\n"
        "若选中的人当天已登记过同类慰问（同一批重复执行），整批不发放并列出这些人；加 --again 则照发。"
        "若有人因此超过年度上限，整批不发放并列出这些人；加 --over-cap --note 原因 则照发并标记，"
        "与 `aid give` 相同。\n\n"
        "示例：unionctl aid batch --kind holiday --amount 200 --gender F --title 三八节慰问"
    ),
    "aid batch --kind": "帮扶类别：hardship 困难帮扶、illness 生病住院、bereavement 丧事、birthday 生日、wedding 结婚、childbirth 生育、retirement 退休、holiday 节日慰问、disaster 意外灾害、critical_illness 大病救助、mutual_medical 医疗互助赔付、insurance 安康/互助保险、cooling 送清凉、other 其他。",
    "aid batch --amount": "每人金额，单位元（默认：该类别的标准金额）。",
    "aid batch --goods": "每人的慰问物品。",
    "aid batch --goods-value": "每人物品价值，单位元。",
    "aid batch --on": "发放日期（默认：今天）。",
    "aid batch --by": "慰问人。",
    "aid batch --source": "经费来源：union 工会经费、donation 爱心捐款、hospital 医院。",
    "aid batch --note": "备注（超出上限或未建档时写明原因）。",
    "aid batch --over-cap": "对因此超过年度上限的人也照发（须加 --note 写明原因），并标记。",
    "aid batch --unregistered": "对未建困难档案者也发放困难帮扶（须加 --note 写明原因），并标记。",
    "aid batch --title": (
        "活动名称，作签领表的标题（默认：帮扶类别），例如 春节送温暖；不写 --note 时记作每笔的备注。"
    ),
    "aid batch --dry-run": "只检查并预览签领表，不写入任何数据。",
    "aid batch --again": "选中的人当天已登记过同类慰问时仍再发一次（默认拒绝，以免重复发放）。",
    "aid batch --status": "会籍状态：member 在会、non_member 未入会、left 退会等。",
    "aid batch --hardship": "只选有在档困难档案的会员。",
    "aid batch --born-month": "生于该月的会员（生日慰问）。",
    "aid batch --search": "姓名、工号、科室或职务中含有该文字。",
    "aid drive": "爱心捐款：会员为遭遇困难的同事或外部对象捐款，结束时移交。",
    "aid drive add": (
        "为一名会员（或外部对象）发起爱心捐款；显示其编号。\n\n"
        "示例：unionctl aid drive add 为张丽爱心捐款 --for 10001 --on 2025-05-01"
    ),
    "aid drive add TITLE": "捐款活动名称，例如 为张丽爱心捐款。",
    "aid drive add --for": "受助会员工号。",
    "aid drive add --for-outsider": "或外部受助对象的名称。",
    "aid drive add --on": "发起日期（默认：今天）。",
    "aid drive give": (
        "登记一名会员对进行中捐款活动的捐款。\n\n"
        "示例：unionctl aid drive give 1 10004 --amount 200 --on 2025-05-03"
    ),
    "DRIVE": "捐款活动编号或名称（见 `aid drive list`）。",
    "aid drive give EMP_NO": "捐款人工号。",
    "aid drive give --amount": "捐款金额，单位元，例如 200。",
    "aid drive give --on": "捐款日期（默认：今天）。",
    "aid drive close": (
        "结束捐款活动：把捐款合计移交受助人，记为一条经费来源为爱心捐款的帮扶记录。\n\n"
        "示例：unionctl aid drive close 1 --kind critical_illness --on 2025-05-20 --by 工会主席"
    ),
    "aid drive close --kind": "移交记为哪一帮扶类别（默认：other 其他）。",
    "aid drive close --on": "移交日期（默认：今天）。",
    "aid drive close --by": "移交人。",
    "aid drive list": "列出各次爱心捐款及捐款人数与金额。\n\n示例：unionctl aid drive list",
    "aid drive show": "查看一次爱心捐款及每一笔捐款。\n\n示例：unionctl aid drive show 1",
    "aid import": (
        "从表格导入慰问与帮扶记录；全部成功或全部不写，每一行按 `aid give` 的规则办理。\n\n"
        "表头可用编码或中文：工号、受助人（没有工号时为外部对象）、帮扶类别、慰问金/金额、物品、"
        "物品价值、日期、慰问人、经费来源、备注、标记。`aid list --format csv` 的输出可直接导回。\n\n"
        "已有相同一笔记录（同一人、类别、日期、金额与物品：同一张表导入两次）的行不予导入，除非加 --again。\n\n"
        "示例：unionctl aid import 2025年慰问台账.xlsx --dry-run"
    ),
    "aid import --again": "已有相同一笔记录时仍然再记一笔（否则不予导入）。",
    "aid import FILE": "CSV/TSV 文件（UTF-8、带 BOM 的 UTF-8 或 GB18030）或 .xlsx 工作簿。",
    "aid import --dry-run": "逐行检查，不写入任何数据。",
    "aid import --sheet": "要读取的 .xlsx 工作表（默认第一个）。",
    "aid show": "查看一条慰问或帮扶记录，以及它完成的待慰问登记。\n\n示例：unionctl aid show 12",
    "aid show AID_ID": "帮扶记录编号。",
    "aid policy": "慰问金使用办法：各类别的标准金额与年度上限。",
    "aid policy set": (
        "设定某一类别的标准金额和每人每年的上限（慰问金使用办法）。\n\n"
        "示例：unionctl aid policy set illness --standard 500 --yearly-cap 1000"
    ),
    "aid policy set KIND": "帮扶类别，例如 illness 或 生病住院。",
    "aid policy set --standard": "标准金额，单位元。",
    "aid policy set --yearly-cap": "每名会员每年最多可领的金额，单位元。",
    "aid policy list": "列出各帮扶类别的标准金额与年度上限。\n\n示例：unionctl aid policy list",
    "reports aid": (
        "一段期间（默认：今年）的帮扶慰问：人数、人次、慰问金、物品价值、合计。\n\n"
        "人数按人计，不论帮扶几次；分工会按慰问当天所在的分工会计。下方是困难职工档案情况：期间内在档户数、"
        "已帮扶户数与未帮扶户数。\n\n"
        "示例：unionctl reports aid --year 2025 --by kind"
    ),
    "reports aid --by": "kind（按类别）、month（按月）、branch（按分工会）或 source（按经费来源）。",
}

# Click's own words in a help page.
HELP_WORDS_ZH: dict[str, str] = {
    "Usage: ": "用法：",
    "Options": "选项",
    "Arguments": "参数",
    "Commands": "命令",
    "default: ": "默认：",
    "required": "必填",
    "env var: ": "环境变量：",
}

# Click's and Typer's own sentences (usage errors) -> a message key above; the named groups
# are its parameters. unionctl.cli.usage says the rest from the exception's fields.
USAGE_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"Missing command\.", "usage_missing_command"),
    (
        r"No such command '(?P<name>.*)'\. Did you mean (?P<names>.*)\?",
        "usage_no_such_command_suggest",
    ),
    (r"No such command '(?P<name>.*)'\.", "usage_no_such_command"),
    (r"Got unexpected extra arguments?(\(s\))? \((?P<args>.*)\)", "usage_extra_arguments"),
    (r"Option '(?P<option>.*)' requires (an argument|\d+ arguments)\.", "usage_needs_value"),
    (r"Option '(?P<option>.*)' does not take a value\.", "usage_takes_no_value"),
    (r"Input should be less than or equal to (?P<limit>\S+)", "usage_at_most"),
    (r"Input should be greater than or equal to (?P<limit>\S+)", "usage_at_least"),
    (r"Input should be a valid integer.*", "usage_not_integer"),
    (r"Input should be a valid number.*", "usage_not_number"),
    (r"Value (?P<value>.*) is not a valid (?P<kind>\w+)\.", "usage_not_valid"),
)


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
    if group == "header":
        return header(code, lang)
    pair = CODES[group].get(code)
    return _pick(pair, lang) if pair else code


def header(key: str, lang: str) -> str:
    pair = HEADERS.get(key)
    return _pick(pair, lang) if pair else key


class Term(NamedTuple):
    """A code to be named in the reader's language when a message is rendered.

    group "what" names a code group itself ("employment" -> 用工性质); group "header"
    names a field by its column header ("title" -> 称号)."""

    group: str
    code: str


def os_reason(error: OSError | int) -> Term | str:
    """Why the system refused a file, to be said in the reader's language (the system's own
    text is English whatever --lang says); an errno not listed keeps the system's text."""
    import errno as _errno
    import os as _os

    number = error if isinstance(error, int) else error.errno
    code = _errno.errorcode.get(number or 0)
    if code in CODES["os_error"]:
        return Term("os_error", code)
    if isinstance(error, int):
        return _os.strerror(error)
    return error.strerror or str(error)


class Phrase:
    """A message kept as key and parameters until the language is known."""

    def __init__(self, key: str, /, **params: object) -> None:
        self.key = key
        self.params = params


class Words(NamedTuple):
    """Several Terms or Phrases shown as one list: 入会、退会 / join, leave."""

    items: tuple[object, ...]


def _render(value: object, lang: str) -> object:
    if isinstance(value, Words):
        return ("、" if lang == "zh" else ", ").join(str(_render(v, lang)) for v in value.items)
    if isinstance(value, Term):
        if value.group == "header":
            return header(value.code, lang)
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
    "aid_source": ("fund source", "经费来源"),
    "aid_flag": ("flag", "标记"),
    "event_kind": ("event kind", "活动类别"),
    "event_audience": ("audience", "活动对象"),
    "award_level": ("award level", "获奖级别"),
    "entity": ("entity", "对象"),
    "proposal_kind": ("proposal kind", "提案类型"),
    "proposal_status": ("proposal status", "提案状态"),
    "proposal_decision": ("decision", "立案情况"),
    "disposition": ("disposition", "答复类型"),
    "satisfaction": ("satisfaction", "满意度"),
    "session_kind": ("session kind", "会议类型"),
    "report_by": ("grouping (--by)", "分组方式 --by"),
}


def what(group: str, lang: str) -> str:
    return _pick(WHAT.get(group, (group, group)), lang)
