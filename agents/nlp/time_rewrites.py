"""Spoken shorthands of the time grammar rewritten into forms it already resolves (ADR 0010,
events-robust10), so that no new semantics are added for them: 10-12点 → 10点-12点, 3-5号 → 3号-5号,
去年同期 → 去年本月, 几天前 → 近几天, A截至B → A 至B; since events-robust13 also Wu day words (今朝 →
今天, 下昼 → 下午, 夜里向 → 夜里; since events-robust14 夜快 → 傍晚, 早浪向 → 早上), eight-digit dates (20261203 → 2026-12-03) and the Nth day of a week
(本周第一天 → 本周一); since events-robust17, with ``now``, a holiday's Nth day, lunar new-year days and a
month's Nth weekend (``festival_days``); since events-robust18 holiday and new-year days said other ways
(``holiday_words``: 黄金周, 收假第一天, 大年夜, 年初N, 正月里, 初一、初二两天); since events-robust22 work and
shift hours (``shift_times``: 白班, 交班前1小时, 下班前1小时, 上班以来, 收假以后); since events-robust23
review and night-shift periods (``duty_periods``: 考核周期, 季度末, 国庆前后3天, 1个多小时以前, 天亮之前, 上周六或者今天); since events-robust24 clock words and
night-time events (``clock_words``: 差10分9点, 9点过5分, 2点整, 12-28, 跨年夜, 交接班的时候); since events-robust27 English
and ISO time words (``english_times``: last night, 2pm, last 24h, 2026-11-20T08:00, from=…to=…, 20/11) and the sky
(``sky_times``: 天刚亮, 天黑以后, 太阳落山后, 1个半钟头); since events-robust28 day.month dates with a dot
(``dotted_dates``: 20.12); since events-robust30 written-style windows (三天来 → 近3天, 这半个月 →
近半个月, 上半个月 → 上半月); since events31 年前, 一年来, 前半个月 and 十二点以后 said before noon
(``year_words``); since events44 a calendar date with 前后/左右/上下 = ± 3 days (``date_windows``: 6月18日前后,
18号左右, 前后2天). Each rewrite keeps ``index`` (output character → input character) so spans still
point at the words the user typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

from agents.nlp.almanac_days import almanac_rules
from agents.nlp.clock_words import clock_word_rules
from agents.nlp.date_windows import date_window_rules
from agents.nlp.dotted_dates import dotted_date_rules
from agents.nlp.duty_periods import duty_period_rules
from agents.nlp.english_times import ENGLISH_TIME_RULES
from agents.nlp.everyday_times import EVERYDAY_RULES, rules_at
from agents.nlp.festival_days import festival_rules
from agents.nlp.holiday_words import holiday_word_rules
from agents.nlp.house_numbers import house_number_rules
from agents.nlp.lunar_festivals import lunar_festival_rules
from agents.nlp.named_day_words import named_day_rules, same_day_rules
from agents.nlp.new_year_words import new_year_word_rules
from agents.nlp.numerals import chinese_to_int, normalise_numerals
from agents.nlp.rough_times import rough_time_rules
from agents.nlp.season_words import season_word_rules
from agents.nlp.shift_times import shift_rules
from agents.nlp.sky_times import sky_time_rules
from agents.nlp.time_patterns import _NOT_A_FACILITY
from agents.nlp.winter_nines import winter_nine_rules
from agents.nlp.work_days import work_day_rules
from agents.nlp.year_words import year_word_rules

_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]

_WU_TIME_WORDS: dict[str, str] = {
    "今朝": "今天",
    "上昼": "上午",
    "中昼": "中午",
    "下昼": "下午",
    "夜里向": "夜里",
    "夜快": "傍晚",
    "夜快头": "傍晚",
    "早浪": "早上",
    "早浪向": "早上",
    "早浪头": "早上",
}

_WINDOW_UNITS = {"月": "个月", "小时": "小时", "钟头": "小时"}
# Not the tail of a longer number, a code or a decimal (6180, A618, 1.618).
_NOT_IN_A_NUMBER = r"(?<![\d.:/A-Za-z-])"

_RULES: list[_Rule] = [
    # A bare first number of an hour or day range takes the unit of the second (10-12点, 3到5号): the
    # grammar reads a range only between two clock times or two days, and a bare 10 is neither. Not after
    # 周/星期/礼拜 (周一到3号 starts on a weekday), nor the minutes after 点 (五点五十到六点).
    (
        re.compile(
            r"(?<![\d:：./\-—~～一二两三四五六七八九十周期拜点时])(\d{1,2}|[一二两三四五六七八九十]{1,3})"
            rf"(\s*(?:-|—|~|～|到|至)\s*\d{{1,2}})([点时日号])(?![\d位个次]){_NOT_A_FACILITY}"
        ),
        lambda m: _arabic(m.group(1)) + m.group(3) + m.group(2) + m.group(3),
    ),
    # 一点五公里 (normalised 1点五公里) is a distance, not one o'clock: written as the decimal 1.5公里, which no
    # clock pattern reads (events-robust28).
    (
        re.compile(r"(?<![\d.])(\d{1,3})点([零一二三四五六七八九]{1,2})(?=\s*(?:公里|千米|米|km|KM|里))"),
        lambda m: m.group(1) + "." + "".join(str("零一二三四五六七八九".index(c)) for c in m.group(2)),
    ),
    # 去年同期 (the same time last year) = this calendar month one year back, as 去年这个月 (ADR 0010);
    # 今年同期, said to set this year against an earlier one, is then this calendar month.
    (
        re.compile(r"(?<=去年|前年|今年)(的?)同期|(?<=\d{4}年)(的?)同期"),
        lambda m: (m.group(1) or m.group(2) or "") + "本月",
    ),
    # 这两周/这三个星期/这两个月 = 近两周/近3个月, as 这两天/这三天 are already 近N天 (events-robust28 probes); N ≥ 2,
    # since 这一周/这个月 are the calendar periods 本周/本月.
    # 这两个钟头 / 这三个小时 likewise = 近N小时 (events38: voice dictation).
    (
        re.compile(r"这([2-9]|[两二三四五六七八九])个?(周|星期|礼拜|月|小时|钟头)"),
        lambda m: f"近{_arabic(m.group(1)).replace('两', '2')}{_WINDOW_UNITS.get(m.group(2), '周')}",
    ),
    # 最近这一个礼拜 / 最近这1个月: 最近 makes the calendar 这一周 a rolling window, as 最近一周 (events38).
    (
        re.compile(r"(?:最近|近)这(?:1|一)个?(周|星期|礼拜|月)"),
        lambda m: f"近1{_WINDOW_UNITS.get(m.group(1), '周')}",
    ),
    # 三天来, 一周来, 48小时来 (written style) = 近3天, 近1周, 近48小时, as 近半个月来 and 这三天来 already were; not 两天来一次
    # (how often) nor 3月来 (a month needs 个 here). 这半个月 = 近半个月; 上/下半个月 = 上/下半月 (events-robust30 probes).
    (
        re.compile(
            r"(?<![近这去\d.])(\d+|半)(个(?:月|小时|钟头|星期|礼拜)|天|日|周|星期|礼拜|小时)来(?![了过回一\d])"
        ),
        lambda m: f"近{m.group(1)}{m.group(2)}",
    ),
    (re.compile(r"这半个?月"), lambda m: "近半个月"),
    (re.compile(r"(?<![近这])([上下])半个月"), lambda m: m.group(1) + "半月"),
    # 几天前 is vague: the same rolling window as 前几天/这几天 (近3天), not the single day 三天前 is.
    (re.compile(r"(?<![\d一二三四五六七八九十])几个?(天|日)(?:以|之)?前"), lambda m: "近几天"),
    # The shopping days 双十一 / 双11 and 双十二 / 双12 name their dates, 11 November and 12 December (events42). Said
    # as a season (期间, 那几天, 前后, 购物节, 大促) they are still their day, as 元宵前后 is (events43); 618 is one
    # only before such a word or 当天, never as a bare number (618号, 618米).
    (
        re.compile(r"双(十一|11|十二|12)(?:购物节|大促|活动)?(?:期间|那几天|前后)?(?![\d月号日])"),
        lambda m: "11月11日" if m.group(1) in ("十一", "11") else "12月12日",
    ),
    (
        re.compile(
            _NOT_IN_A_NUMBER
            + r"618(?:(?:购物节|大促|活动)?(?:期间|那几天|前后)|购物节|大促|(?=当天|当日|那天))"
        ),
        lambda m: "6月18日",
    ),
    # Jiangyin/Wu speech (events-robust13): 今朝 = 今天, 上昼/中昼/下昼 = 上午/中午/下午, 夜里向 = 夜里 (晚上);
    # events-robust14: 夜快/夜快头 = 傍晚, 早浪/早浪向 = 早上 (not 夜快递, a night courier).
    (re.compile(r"今朝|[上中下]昼|夜里向|夜快头?(?!递)|早浪[向头]?"), lambda m: _WU_TIME_WORDS[m.group()]),
    # A date typed as eight digits (20261203, 20261201-20261203), as report tables and file names write it;
    # not inside an event number (EV-20261103-00012) or a longer number.
    (
        re.compile(
            r"(?<![\dA-Za-z_/.])(?<![A-Za-z]-)((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])"
            r"(?![\dA-Za-z_])(?!-(?!(?:19|20)\d{6}(?!\d)))"
        ),
        lambda m: f"{m.group(1)}-{m.group(2)}-{m.group(3)}",
    ),
    # Minutes said as a numeral after 点 without 分 (两点二十, 零点二十, 八点零五): the grammar reads digits. Only
    # numerals with 十 or a leading 零, so 两点一刻 and 三点一起火 keep their words.
    (
        re.compile(
            r"(?<=\d[点时])((?:[一二三四五]?十[一二三四五六七八九]?)|零[一二三四五六七八九])(?![\d一二三四五六七八九十刻分])"
        ),
        lambda m: f"{chinese_to_int(m.group(1).lstrip('零')) or 0:02d}",
    ),
    # 本周第一天, 上周的第3天, 这个礼拜最后一天: the Nth day of a Monday-based week is that weekday (上周一);
    # not a holiday's 黄金周 (五一黄金周第三天 is the holiday's day, ``holiday_words``).
    (
        re.compile(
            r"((?:上上|大上|上|本|这|下)?个?)(?<!黄金)(?:周|星期|礼拜)的?(?:第([1-7])|最后1?)(?:天|日)"
        ),
        lambda m: m.group(1) + "周" + "一二三四五六日"[int(m.group(2) or 7) - 1],
    ),
    # A hedge before a clock time (晚上大概9点多, 差不多10点): the clock is read as said, 大概 adds nothing
    # (events-robust22; 9点左右/九点多 are that hour already).
    (re.compile(r"(?:大概|大约|差不多|约莫|估计)(?=\d{1,2}[点:：时])"), lambda m: ""),
    # A截至B / A截止到B: 截至 between two time phrases is a range connector (截至目前 stays "up to now").
    (
        re.compile(r"(?<=\S)截(?:至|止到?)(?!\s*(?:目前|现在|当前|此刻|如今|今(?![天日早晚])))"),
        lambda m: " 至",
    ),
]


def _arabic(numeral: str) -> str:
    return numeral if numeral.isdigit() else str(chinese_to_int(numeral) or numeral)


def prepare(text: str, now: datetime | None = None) -> tuple[str, list[int]]:
    """``normalise_numerals`` and then the rewrites (with ``now``, also those that need it, such as
    昨天这个时候); ``index`` has one entry per output character plus the trailing end entry, as
    ``normalise_numerals`` gives."""
    norm, index = normalise_numerals(text)
    at_now = [*rules_at(now), *holiday_word_rules(now), *festival_rules(now)] if now is not None else []
    # 汛期, 入冬以来, 冬至, 腊月初八, 去年腊月, 年后1周, 本周上班时间 (events33): before 上班时间 and 年后 alone
    # 11月20日当天, 10月5日次日凌晨 (events37): first, before any rule reads 当天 alone
    shifts = named_day_rules(now) if now is not None else []
    shifts += same_day_rules(now) if now is not None else []  # 11月4日接报，当日凌晨 (events41)
    shifts += season_word_rules(now) if now is not None else []
    # 6月18日前后, 18号左右, 农历九月二十前后 (written out just above): ± 3 days, before 18日前 reads "ago" (events44)
    shifts += date_window_rules(now) if now is not None else []
    shifts += lunar_festival_rules(now) if now is not None else []  # 腊八, 七夕, 重阳, 汛前, 汛后 (events34)
    shifts += almanac_rules(now) if now is not None else []  # 三伏, 入伏以来, 梅雨季, 出梅后 (events35)
    shifts += winter_nine_rules(now) if now is not None else []  # 数九寒天, 三九天, 进九以来 (events36)
    shifts += shift_rules(now) if now is not None else []  # before EVERYDAY_RULES: 上班前1小时 is not 上班前
    shifts += work_day_rules(now) if now is not None else []  # 上班时间, 下班前, 国庆节前1天, 节后第1个工作日
    shifts += house_number_rules()  # 长寿路12号: a house number, not the 12th (events-robust25)
    shifts += rough_time_rules()  # 2个来小时前, 10点前后半小时, 天快亮的时候 (events-robust25)
    shifts += duty_period_rules(now) if now is not None else []  # 考核周期, 天亮之前, 1个多小时以前
    shifts += clock_word_rules(now) if now is not None else []  # 差10分9点, 2点整, 12-28, 跨年夜, 交班的时候
    shifts += sky_time_rules()  # 天刚亮, 天黑以后, 太阳落山后, 1个半钟头 (events-robust27)
    shifts += dotted_date_rules()  # 20.12 = 20 December (events-robust28)
    # 年前, 一年来, 前半个月, 十二点以后 said at 00:40 (events31)
    # 年后, 腊月, 一年多来, 年前1个礼拜, 春节前半个月 (events32): before 年前 alone and 前半个月
    shifts += new_year_word_rules(now) if now is not None else []
    shifts += year_word_rules(now) if now is not None else []
    # English and ISO words first: later rules read the Chinese forms they become (events-robust27)
    for pattern, replace in [*ENGLISH_TIME_RULES, *_RULES, *shifts, *EVERYDAY_RULES, *at_now]:
        norm, index = _apply(pattern, replace, norm, index)
    return norm, index


def _apply(
    pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str], norm: str, index: list[int]
) -> tuple[str, list[int]]:
    out: list[str] = []
    out_index: list[int] = []
    pos = 0
    for m in pattern.finditer(norm):
        new = replace(m)
        out.append(norm[pos : m.start()])
        out_index.extend(index[pos : m.start()])
        width = max(m.end() - m.start(), 1)
        # spread the new characters over the old ones, so a span's ends map back inside the match; the
        # last new character stands for the last old one (本周第一天 → 本周一 still ends after 天)
        out.append(new)
        out_index.extend(
            index[m.start() + (width - 1 if i == len(new) - 1 else min(i * width // len(new), width - 1))]
            for i in range(len(new))
        )
        pos = m.end()
    if pos == 0:
        return norm, index
    out.append(norm[pos:])
    out_index.extend(index[pos:])
    return "".join(out), out_index
