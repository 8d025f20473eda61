"""The patterns of the time grammar in ``agents.nlp.timeexpr``: parts of the day, connectors and
one ordered regular expression per kind of time phrase (earlier kinds win on the same characters).
What each kind means is resolved in ``timeexpr`` and ``calendar_days`` (semantics: ADR 0010).
"""

from __future__ import annotations

import re

from agents.nlp.calendar_days import DAY_PART_WORDS, DAY_WORDS
from agents.nlp.month_weeks import MONTH_EDGE_DAY, MONTH_WEEK, WEEK_EDGE_DAY, YEAR_EDGE_DAY
from agents.nlp.week_numbers import WEEK_NUMBER

PARTS = {
    "凌晨": (0, 6),
    "早上": (6, 9),
    "早晨": (6, 9),
    "清晨": (6, 9),
    "上午": (6, 12),
    "中午": (11, 13),
    "午间": (11, 13),
    "下午": (12, 18),
    "午后": (12, 18),
    "傍晚": (17, 19),
    "晚上": (18, 24),
    "晚间": (18, 24),
    "夜里": (18, 24),
    "夜间": (18, 24),
    "深夜": (22, 24),
    "半夜": (23, 27),  # around midnight: 23:00 → 03:00 the next day
    "上半夜": (18, 24),  # the night's halves: before midnight (= 晚上) and after it (= the next 凌晨)
    "前半夜": (18, 24),
    "下半夜": (24, 30),
    "后半夜": (24, 30),
    "午夜": (23, 27),
    "白天": (6, 18),
    "夜班时段": (20, 32),  # a night shift, 20:00 → the next day's 08:00 (everyday_times writes 夜班期间 so)
    "白班时段": (8, 20),  # a day shift, 08:00–20:00 (shift_times writes 白班/早班 so)
}
PM_PARTS = {
    "中午",
    "午间",
    "下午",
    "午后",
    "傍晚",
    "晚上",
    "晚间",
    "夜里",
    "夜间",
    "深夜",
    "上半夜",
    "前半夜",
}
AFTER_MIDNIGHT_PARTS = {"半夜", "午夜", "下半夜", "后半夜"}  # 半夜2点 = 02:00 of the next day
# An evening word with a small hour is the small hours after that evening (昨晚两点 = today 02:00, events-robust30);
# up to 4 after 晚上 (晚上五点 is still said for 17:00), up to 5 after 夜里/深夜.
SMALL_HOURS = {"晚上": 4, "晚间": 4, "夜里": 5, "夜间": 5, "深夜": 5}

# 起至/开始到 (自3日起至5日止, 从8点开始到10点): the start marker belongs to the range, not "up to now".
CONNECT = r"\s*(?:(?:起|开始)\s*)?(?:到|至|~|～|-|—|－)\s*"
# 十点多/8点左右 (approximately) are that hour, also at one end of a range (十点多到十一点).
_CLOCK = r"(\d{1,2})(?:[:：](\d{2})|[点时](?:(\d{1,2})(?!刻)分?|(半)|(一刻|1刻)|(三刻|3刻))?)(?:多|许|左右)?"
# 月初/月头 = days 1–10 (上旬), 月中 = 11–20 (中旬), 月底/月末 = 21st to the end (下旬).
# A bare 中 only after a month said twice (本月月中; 本月中 is "during this month").
_EDGE = r"(?P<edge>初|头|中旬|(?<=[月的]月)中|底|末|上旬|下旬|上半月|下半月)?"
# 这个月月底, 上个月的月初: the month said twice, once as the period and once with its part.
_MONTH_AGAIN = r"(?:的?月(?=初|头|中|底|末|上旬|下旬|上半月|下半月))?"
# 上/下/这 … before 周/月, but not the 上 of 晚上/早上/楼上 (晚上月城 is 晚上 + 月城镇).
_REL = r"((?<![晚早马楼路街线])上上|大上|(?<![晚早马楼路街线])上|本|这|(?<![午])下)"
# Count units; h/H is hours (24h, 48H).
_UNIT = r"(天|日|周|星期|礼拜|月|小时|钟头|分钟|年|[hH](?![A-Za-z]))"
# After N号, a facility noun makes it a number, not a day: 3号楼, 2号罐区, 1号仓库, 5号储罐, 3号探头, 3号卸车位, 2号泊位.
_NOT_A_FACILITY = r"(?![楼线门库机车院栋罐仓储厂房层站台塔釜炉泵阀柜井池岗区位桶窑棚探摄监卸装泊])"
# Report style: 上一自然月, 本自然周 (a calendar period, which these already are); 本年度 = 今年.
_NATURAL = r"(?:自然)?"
_DATE_ABS = r"(?:(\d{4}|\d{2})年)?(\d{1,2})月(\d{1,2})[日号]?|(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # Lunar dates and festivals outside the holiday table (农历十月十二, 阴历冬月初八, 腊八, 七夕): matched
    # first so that no Gregorian reading is invented from them; ``parse_time_range`` gives None.
    (
        "lunar",
        re.compile(
            r"(?:农历|阴历|旧历)的?(?:(?:\d{1,2}|[正冬腊一二三四五六七八九十]{1,2})月)?(?:[初廿]?[\d一二三四五六七八九十]{1,3}[日号]?)?"
            r"|腊八|七夕|重阳|小年|中元节?|龙抬头|寒衣节"
        ),
    ),
    ("recent", re.compile(r"刚才|刚刚|方才")),
    # 11月第2周, 本月最后一周, 2026年最后一天, 上个月第一天: before the month or year alone is read (month_weeks)
    ("month_week", re.compile(MONTH_WEEK)),
    ("month_edge_day", re.compile(MONTH_EDGE_DAY)),
    ("year_edge_day", re.compile(YEAR_EDGE_DAY)),
    ("week_edge_day", re.compile(WEEK_EDGE_DAY)),
    ("iso_week", re.compile(WEEK_NUMBER)),  # 第48周: before 48周 could read as a count of weeks
    # 这阵子/这段时间 are too vague for a range (events-robust15): no time, rather than a guessed window.
    ("these_days", re.compile(r"这(\d+|几)天|这些天|前些天|前些日子|这些日子")),
    (
        "rolling",
        re.compile(
            rf"(?:(?:近|最近|过去)的?(\d+(?:\.\d+)?|几|半)?|前(\d+|几))个?{_UNIT}(?:内|以内|之内|里|来)?"
        ),
    ),
    # 3个月以来 is a span, but 3月以来 / 2025年以来 / 11月1日以来 start at a calendar point (month, date, year),
    # and 下半年以来 is the calendar half (half_year) since its start, not "the last half year"
    (
        "within",
        re.compile(
            rf"(?<![\d.月上下])(?!\d{{1,2}}月份?以来|\d{{4}}年以来)(\d+(?:\.\d+)?|半)(?:个)?{_UNIT}(?:内|以内|之内|以来)"
        ),
    ),
    (
        "ago",
        re.compile(rf"(?<![\d.])(\d+(?:\.\d+)?|半|几)个?{_UNIT}(?:以|之)?前(?![\d天日周月年])"),
    ),
    (
        "holiday",
        re.compile(
            r"(?:(今年|去年|\d{4}年)的?)?(国庆|五一|劳动节|元旦|春节|过年|除夕|元宵|清明|端午|中秋|春运)(?:节|假期|长假|小长假|期间|那几天)*"
            r"(当天|当日|那[一1]?天)?"  # 除夕那天晚上: 那天 names the festival day as 当天 does
        ),
    ),
    # B is a day (3月5日至8日), not the first digits of a full date: 2026-11-27 到 2026-11-29 is two dates, joined as A到B.
    (
        "date_range",
        re.compile(f"(?:{_DATE_ABS}){CONNECT}(?:(\\d{{1,2}})月)?(\\d{{1,2}})[日号]?(?![\\d年/.-])"),
    ),
    ("date", re.compile(_DATE_ABS)),
    # 3/5, 3.5 (month/day); not a decimal such as 3.5公里 or 2.5小时. 11-03 only with a clock time after a
    # space, as a report writes it (11-03 14时): 10-12点 and 15-17点 stay ranges of hours.
    (
        "date_md",
        re.compile(
            r"(?<![\d./:：])(1[0-2]|0?[1-9])(?:[/.]|-(?=(?:3[01]|[12]\d|0?[1-9])\s+\d{1,2}(?:[:：]\d{2}|[点时])))"
            r"(3[01]|[12]\d|0?[1-9])(?![\d./]|\s*(?:公里|千米|米|km|m|小时|个|天|倍|%))"
        ),
    ),
    (
        "year_month",
        re.compile(rf"(?:(\d{{4}}|\d{{2}})年|(今年|去年))(\d{{1,2}})月(?:份)?(?![\d日号]){_EDGE}"),
    ),
    ("month", re.compile(rf"(?<![\d个年])(\d{{1,2}})月份?(?![\d日号]){_EDGE}")),
    # 上个月25号, 这个月的4号 (before 4号 alone)
    (
        "month_rel_day",
        re.compile(rf"{_REL}(?:一|1)?(?:个)?月(?:份)?的?(\d{{1,2}})[日号]{_NOT_A_FACILITY}"),
    ),
    # 20号-25号, but not the 5 of 2026-3-5号
    ("day_of_month", re.compile(rf"(?<![\d月/.])(?<!\d-)(\d{{1,2}})[日号]{_NOT_A_FACILITY}")),
    # not 上周一级 (上周 + 一级), nor the 一 of 一共/一般/一直 (上上周一共 = 上上周 + 一共)
    (
        "week_day",
        re.compile(rf"{_REL}?(?:一|1)?个?(?:周|星期|礼拜)([一二三四五六日天1-7])(?!级|(?<=一)[共般直])"),
    ),
    (
        "week",
        re.compile(
            rf"{_REL}?(?:一|1)?(?:个)?{_NATURAL}(?:周|星期|礼拜)(末)|{_REL}(?:一|1)?(?:个)?{_NATURAL}(?:周|星期|礼拜)"
        ),
    ),
    ("month_rel", re.compile(rf"{_REL}(?:一|1)?(?:个)?{_NATURAL}月(?:份)?{_MONTH_AGAIN}{_EDGE}")),
    ("month_edge", re.compile(r"月(初|头|中旬|中|底|末|上旬|下旬)|([上中下])旬|([上下])半月")),
    ("half_year", re.compile(r"(?:(\d{4})年|(今年|去年|前年))?的?(上|下)半年")),
    ("quarter_rel", re.compile(rf"{_REL}(?:一|1)?(?:个)?季度")),
    ("quarter", re.compile(r"(?:(\d{4})年度?|(今年|本年|去年)度?)?的?第?([1-4一二三四])季度")),
    ("year", re.compile(r"(?:(\d{4})年(?!\d)|(今年|本年|去年|前年|明年))度?(?:年?(初|底|末))?")),
    ("year_edge", re.compile(r"年(初|底|末)")),
    ("day_part_word", re.compile("|".join(DAY_PART_WORDS))),
    ("day_word", re.compile("|".join(sorted(DAY_WORDS, key=len, reverse=True)))),
    ("part", re.compile("|".join(sorted(PARTS, key=len, reverse=True)))),
    # 晚8点, 早8点, 3月5日晚: one character, only next to a clock time or a date
    # 周六晚 too: a weekday is a day word like 3号 (晚上 itself is matched earlier as a part).
    # 周日早 / 昨天早 likewise its 早上 (events-robust11), but not 早点/早饭/早些 or 早上/早晨 (parts).
    (
        "short_part",
        re.compile(
            r"[早晚](?=\d)|(?:(?<=[日号天])|(?<=[周期拜][一二三四五六]))(?:晚(?![上间点饭])|早(?![上晨点饭餐些班]))"
        ),
    ),
    ("clock_range", re.compile(f"{_CLOCK}{CONNECT}{_CLOCK}")),
    # 十点前后 is around ten (前后 = about, as 中午前后), not "before ten"
    ("clock", re.compile(f"{_CLOCK}(以后|之后|后|以前|之前|前(?!后))?")),
]


# Right before a time phrase, report style: 截至目前本月内 = 本月截至目前 (its start, ending at ``now``).
# 到目前为止 本月 (events-robust25): the bare 到/直到 form only with 为止, so 到现在 after a phrase stays SINCE's.
UNTIL_NOW_BEFORE = re.compile(
    r"(?:(?:截至|截止到?)\s*(?:目前|现在|当前|此刻)(?:为止)?|(?:到|直到)\s*(?:目前|现在)为止)[\s,，的]*$"
)
# Right after a time phrase: "up to now" (its start stays, its end becomes ``now``); 11月18日之后/以后
# too (a clock time takes its own 以后 first: 8点以后 runs to the end of its part of the day). 起 only when it
# does not start an event word (昨天起火).
SINCE = re.compile(
    r"\s*(?:一直)?(?:(?:到|至|直到|截至|截止到?)\s*(?:现在|目前|此刻|当前|如今|今)(?:为止)?|至今|迄今|以来|之后|以后"
    r"|开始|起(?![火烟]))"
)
