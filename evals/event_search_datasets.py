"""The registry of one-sentence event-search datasets: the original set, then each round's dev and held-out
robustness sets, with what each round stressed and how it was used (dev data for general fixes, or measured
once before and once after and never used to change the parser). ``evals.event_search`` runs every set in
``DATASETS`` in this order, one report row each; add a round by appending its names here.
"""

from __future__ import annotations

DATASET = "event_search.jsonl"
# Written after the parser was first frozen; its misses (烟/火 alone, 堵通道, 凌晨到现在) were then
# fixed by general rules, so it is development data now, like DATASET.
HOLDOUT = "event_search_holdout.jsonl"
# Held-out 2: 60 sentences by a writer who never saw the parser, `now` varied (month/year ends, Mondays,
# before dawn); reported on its own row and never used to change the parser.
HOLDOUT2 = "event_search_holdout2.jsonl"
# Robustness sets (events-robust): 80 sentences typed the way duty officers type (homophone typos,
# 两三点, 过去48小时, station and registered names), written before reading the parser rules. The
# first 50 (holdout3) were measured, then used as dev data for general fixes; the last 30
# (holdout4) were measured once after those fixes and are never used to change the parser.
HOLDOUT3 = "event_search_holdout3.jsonl"
HOLDOUT4 = "event_search_holdout4.jsonl"
# Robustness sets 2 (events-robust2): 80 more sentences written before reading the parser rules, with
# ranges at both ends, holidays, quarters, half nights, exclusions, pinyin and traditional characters.
# holdout5 (50) was measured first and then used as dev data for general fixes; holdout6 (30) was
# measured once before and once after those fixes and is never used to change the parser.
HOLDOUT5 = "event_search_holdout5.jsonl"
HOLDOUT6 = "event_search_holdout6.jsonl"
# Robustness sets 3 (events-robust3): 80 more sentences written before reading the parser rules, weighted
# to colloquial event words for every type, number and weekday forms (两点一刻, 8:30, 20:00后, 前3天,
# 礼拜三, 上礼拜天), filler, short enterprise and camera names, several statuses or levels at once, no
# time or no place, and `now` on a Sunday night, a month's first day, 28/29 February, 00:05 and noon.
# holdout7 (50) was measured first and then used as dev data for general fixes; holdout8 (30) was
# measured once before and once after those fixes and is never used to change the parser.
HOLDOUT7 = "event_search_holdout7.jsonl"
HOLDOUT8 = "event_search_holdout8.jsonl"
# Robustness sets 4 (events-robust4): 80 more sentences written before reading the parser rules, in styles
# earlier sets did not use: phone voice input (homophones such as 花市/林港/眼雾, no punctuation, 那个/就是,
# numbers as words), formal report-style queries (请检索…期间…范围内, 上一自然月, 截至目前, Ⅱ级及以上), bare
# keywords (周庄 烟), two clauses where the second narrows the first (…，只看城东的) and times close to
# `now` (刚才, 半小时前, 今早到现在) at 04:20, noon, 23:59, a Monday 00:30 and the 1st of a month.
# holdout9 (50) was measured first and then used as dev data for general fixes; holdout10 (30) was
# measured once before and once after those fixes and is never used to change the parser.
HOLDOUT9 = "event_search_holdout9.jsonl"
HOLDOUT10 = "event_search_holdout10.jsonl"
# Robustness sets 5 (events-robust8): 80 more sentences written before reading the parser rules: shift-handover
# narratives, two periods of which only one is the filter (上周报过的，今天又…), relative days across month,
# year and week ends (大前天, 上上周, 这个月头, 上月底, 年初到现在, 前几天), lunar dates (not resolved), levels
# as 严重/紧急/1级/二级及以上, spoken statuses and sources, English algorithm names (smoke, helmet识别).
# holdout11 (50) was measured first and then used as dev data for general fixes; holdout12 (30) was
# measured once before and once after those fixes and is never used to change the parser.
HOLDOUT11 = "event_search_holdout11.jsonl"
HOLDOUT12 = "event_search_holdout12.jsonl"
# Robustness sets 6 (events-robust9): 80 more sentences written before reading the parser rules, by five
# personas (a bureau chief dictating formal requests, a night dispatcher typing fragments with typos, an
# enterprise safety officer searching only their own site, a grid worker describing what they saw, a pasted
# report fragment with event numbers and 2026/11/3 14:05-style times), `now` on a Sunday night, 28 February
# 2027, New Year's Eve 23:50, a Monday 00:10 and a workday 15:00. holdout13 (50) was measured first and then
# used as dev data for general fixes; holdout14 (30) was measured once before and once after those fixes and
# is never used to change the parser.
HOLDOUT13 = "event_search_holdout13.jsonl"
HOLDOUT14 = "event_search_holdout14.jsonl"
# Robustness sets 7 (events-robust10): 80 more sentences written before reading the parser rules, on time said
# every way a duty officer might (上半年, 年初至今, 去年同期, holidays with 当天/期间/前后, hyphen ranges, 八点整/两点多,
# 三天前那天, 11月3日（周二）, 截至/以来/之前 after dates and times, time at the end, two narrowing phrases), `now` at
# Monday 00:10, New Year's Eve, during 国庆, 1 March 2027, a Friday afternoon and a quarter's end. holdout15 (50) was
# measured first and then used as dev data for general fixes; holdout16 (30) was measured once before and once
# after those fixes and is never used to change the parser.
HOLDOUT15 = "event_search_holdout15.jsonl"
HOLDOUT16 = "event_search_holdout16.jsonl"
# Robustness sets 8 (events-robust11): 80 more sentences written before reading the parser rules, on the fields
# earlier rounds varied least: places (附近/周边/旁边/一公里内 around enterprises, cameras and villages; villages named
# after their town; roads; two places joined; enterprises by full name, short name, 字号 or with 的那个), every event
# type said two new ways, levels as 高/中/低风险, 较大/重大, 一到二级, Ⅱ级以下, statuses and sources with 只要/不要/不是,
# device faults that are no event type (烟感坏了), and the time phrases left by round 10 (a date with 以前/之前,
# 上月同期/今年同期, 周日早, 国庆节后). holdout17 (50) was measured first and then used as dev data for general fixes;
# holdout18 (30) was measured once before and once after those fixes and is never used to change the parser.
HOLDOUT17 = "event_search_holdout17.jsonl"
HOLDOUT18 = "event_search_holdout18.jsonl"
# Robustness sets 9 (events-robust12): 80 more sentences written before reading the parser rules, weighted to round 11's
# leftovers (上个月同一时期, 一般 alone as a level, 只看二到三级, a radius after a short enterprise name with 那边, open starts
# with 截至/之前) and new styles: messages forwarded from WeChat groups (【转】, @值班员, emoji), mixed Chinese/English/digits
# (AI报警, IOT, 5F, 3#罐区), questions with counting words, negated places, former or clipped enterprise names, towns with the
# wrong suffix and the 2027 holidays. holdout19 (50) was measured first and then used as dev data for general fixes;
# holdout20 (30) was measured once before and once after those fixes and is never used to change the parser.
HOLDOUT19 = "event_search_holdout19.jsonl"
HOLDOUT20 = "event_search_holdout20.jsonl"
# Robustness sets 10 (events-robust13): 80 more sentences in styles no earlier round used: local Wu speech (今朝, 昨日,
# 夜里向, 上昼/下昼, 嗰/格/伐), full-width digits, traditional characters, report-table rows (字段：值, tab-separated),
# long narratives with the request at the end, 最近一次/上一次, ISO week numbers (第48周, 本周第一天), ranges across
# midnight, 20261203 / 2026-12-03 / 12.3, level words joined to types, two enterprises in two towns. holdout21 (50) was
# measured first and then used as dev data; holdout22 (30) was measured once before and once after those fixes.
HOLDOUT21 = "event_search_holdout21.jsonl"
HOLDOUT22 = "event_search_holdout22.jsonl"
# Robustness sets 11 (events-robust14): 80 more sentences as an ordinary week's MIX (city and town duty officers, enterprise
# safety officers, leaders), each combining 2–4 fields, with round 13's leftovers in new wording (2026年最后一天, 11月第2周,
# 夜快/早浪向/晏歇), villages with enterprises, cameras by spot, and words that look like filters but are not (3号罐区, 2号门,
# 5楼, a town inside a gas station's name, 处置一下). holdout23 (50) was measured first and then used as dev data;
# holdout24 (30) was measured once before and once after those fixes.
HOLDOUT23 = "event_search_holdout23.jsonl"
HOLDOUT24 = "event_search_holdout24.jsonl"
# Robustness sets 12 (events-robust15): 80 sentences typed by five users on ordinary days, 2–4 fields each, weighted
# to time forms no earlier round listed (前半夜/后半夜, 一早/大清早, 中饭前后, 上班前/下班后, 夜班期间, 月中/年中/年底,
# 节前/节后, 昨天这个时候, 一小时以内, 半天内, 刚刚, 周一到周五/工作日/双休日, 这阵子) and to X报的不要 with a source word
# the vocabulary lacked. holdout25 (50) was measured first and then used as dev data; holdout26 (30) was measured
# once before and once after those fixes and is never used to change the parser.
HOLDOUT25 = "event_search_holdout25.jsonl"
HOLDOUT26 = "event_search_holdout26.jsonl"
# Robustness sets 13 (events-robust16): 80 sentences written as 16 search sessions (a first sentence and four rewordings:
# shorter, a typo, fields reordered, one field added, removed or negated) by five users (a night-shift city duty officer,
# a town clerk, a chemical-park control room, an integrator typing keyword strings, a leader voice-typing on the phone),
# combining the time forms of every earlier round (ranges with a part of the day at both ends, a holiday with a part of
# the day, a relative week + weekday + clock time, open ends) with radii, cameras, villages and short enterprise names.
# holdout27 (50) was measured first and then used as dev data; holdout28 (30) was measured once before and once after.
HOLDOUT27 = "event_search_holdout27.jsonl"
HOLDOUT28 = "event_search_holdout28.jsonl"
# Robustness sets 14 (events-robust17): the families probes still missed after round 16 (a day of a holiday with a part
# of the day, lunar new-year days, a month's first/last weekend, a period with a recurring part of the day, radius words)
# plus ordinary mixed filters in new wording. holdout29 (50) was measured first and then used as dev data; holdout30 (30)
# was measured once before and once after.
HOLDOUT29 = "event_search_holdout29.jsonl"
HOLDOUT30 = "event_search_holdout30.jsonl"
# Robustness sets 15 (events-robust18): holiday days said other ways (黄金周, 收假/开工第一天, 调休), 正月里 / 大年夜 /
# 年初N / two listed lunar days, radii in 里 and Chinese-numeral 米, a time between two places, a report time beside the
# event time, durations and counts, 最近一次/第一次, times anchored on an unnamed event, and enterprise-user and
# integrator keyword strings. holdout31 (50) was measured first and then used as dev data; holdout32 (30) was measured
# once before and once after.
HOLDOUT31 = "event_search_holdout31.jsonl"
HOLDOUT32 = "event_search_holdout32.jsonl"
# Robustness sets 16 (events-robust19): no time theme; 60 % of the sentences stress places, types, levels, statuses and
# sources as said by users who do not know the vocabulary (descriptions instead of type names, outcomes instead of
# statuses, urgency instead of levels, landmarks instead of places), 40 % ordinary mixed sentences with round 18's
# leftovers (收假第一天 alone, 十一黄金周, 半里地, 国庆七天里的第三天, 正月十五前后). holdout33 (50) was measured first and
# then used as dev data; holdout34 (30) was measured once before and once after.
HOLDOUT33 = "event_search_holdout33.jsonl"
HOLDOUT34 = "event_search_holdout34.jsonl"
# Robustness sets 17 (events-robust20): a source said with its channel (微信群, 12345, 热线, 电话), a distance opening the
# sentence with a bare 内, a named gas beside a generic 气体报警, clock times on lunar days, and ordinary mixed sentences.
# holdout35 (40) was measured first and then used as dev data; holdout36 (20) was measured once before and once after.
HOLDOUT35 = "event_search_holdout35.jsonl"
HOLDOUT36 = "event_search_holdout36.jsonl"
# Robustness sets 18 (events-robust21): sentences typed fast on a phone (no punctuation, 3点半/15:30, 两/俩), relative days
# with parts of the day across midnight (前天夜里到昨天凌晨, 昨儿后半夜), weeks and months said colloquially (这礼拜一,
# 上个月中旬, 月初那几天, 上旬), places with direction words (东门口, 北面那个卡口, 靠近X路的), types joined by 或/还是/以及,
# statuses said negatively, levels as 严重的/一般的, and ordinary mixed sentences. holdout37 (40) was measured first and
# then used as dev data; holdout38 (20) was measured once before and once after.
HOLDOUT37 = "event_search_holdout37.jsonl"
HOLDOUT38 = "event_search_holdout38.jsonl"
# Robustness sets 19 (events-robust22), deliberately hard: long dictated or tired sentences (voice slips, fillers, a
# self-correction 不对/说错了), times relative to work and shift hours (下班以后, 交班前一小时, 早班那会儿, 夜班), negated
# types and statuses, counts and sorting words that are no filters, landmark + direction + distance, types said by
# effect, misspelled enterprise names. holdout39 (40) was measured first and then used as dev data; holdout40 (20) was
# measured once before and once after.
HOLDOUT39 = "event_search_holdout39.jsonl"
HOLDOUT40 = "event_search_holdout40.jsonl"
# Robustness sets 20 (events-robust23), hard, from users earlier rounds did not model: a chemical-park control room
# (unit and tank names, DCS, tagged detectors), a town grid worker (村口, 菜场旁边, two villages), a leader asking for
# review periods (考核周期, 季度末那几天, 国庆前后三天, 今年以来每个月), a night-shift officer with relative times
# (两个钟头前, 一个多小时以前, 天亮之前, 零点以后), two places or two times, Chinese and mixed clock numerals (两点一刻,
# 十四点三十). holdout41 (40) was measured first and then used as dev data; holdout42 (20) was measured once before and
# once after.
HOLDOUT41 = "event_search_holdout41.jsonl"
HOLDOUT42 = "event_search_holdout42.jsonl"
# Robustness sets 21 (events-robust24), hard, weighted to time: ranges across month and year ends, open-ended ranges
# (从上周五开始, 截止到今天中午, 三号以后), 上上周/这周末/上个周末, 整点 and fractional clocks (八点整, 差十分九点,
# 九点过五分), dates typed 11.3 / 12-28 / 2026/11/3, times anchored to events (开会那会儿, 台风过境期间, 跨年夜) and
# durations that are no filter. holdout43 (40) was measured first and then used as dev data; holdout44 (20) was
# measured once before and once after.
HOLDOUT43 = "event_search_holdout43.jsonl"
HOLDOUT44 = "event_search_holdout44.jsonl"
# Robustness sets 22 (events-robust25), hard: the leftover probes of round 24 (截止到 a clock time, 到目前为止 before a
# period, 前后半小时, 一带, 一个来小时前, 天快亮的时候, bare detector tags, SIS联锁), sort/limit words that are no
# filter (最近的三条, 最早的那次), 分别 over two towns and two types, addresses and coordinates, traditional characters
# and English words. holdout45 (40) was measured first and then used as dev data; holdout46 (20) was measured once
# before and once after.
HOLDOUT45 = "event_search_holdout45.jsonl"
HOLDOUT46 = "event_search_holdout46.jsonl"
# Robustness sets 24 (events-robust27), weighted to time words no earlier row lists: dusk and dawn said by the sky
# (天刚亮, 天黑以后, 太阳落山后, 傍晚时分, 午夜前后), English and ISO time words from integrators (yesterday, last night,
# 2pm, last 24h, 2026-11-20T08:00, from=…to=…), numeric dates 11/20, 20/11, 2026.11.20, 这星期/上星期/礼拜天 and hours
# said in words (三个钟头前到现在, 一个半钟头前). holdout47 (50) was measured first and then used as dev data; holdout48
# (30) was measured once before and once after.
HOLDOUT47 = "event_search_holdout47.jsonl"
HOLDOUT48 = "event_search_holdout48.jsonl"
# Robustness sets 25 (events-robust28): 100 sentences written before reading the parser rules as a month of
# ordinary traffic, not hunting one family: city and town duty officers by day and night, enterprise safety
# officers, leaders voice-typing (same-sound slips) and integrators sending key=value strings, every field in
# play, a third with no time, `now`s over the year. holdout49 (60) was measured first and then used as dev
# data for general fixes; holdout50 (40) was measured once before and once after those fixes and is never
# used to change the parser.
HOLDOUT49 = "event_search_holdout49.jsonl"
HOLDOUT50 = "event_search_holdout50.jsonl"
# Robustness sets 26 (events-robust28, second round): 100 sentences written before reading the parser rules,
# stressing slash- and range-listed values (烟雾/火焰, 3-5号, 周一至周三), clock ranges across midnight
# (晚十点到早六点), holiday eves and the first working day after a holiday, work-hour words (上班时间, 午饭后,
# 下班前), fractional distances (一公里半, 1.5公里), mixed numerals and same-sound town slips; a third ordinary.
# holdout51 (60) was measured first and then used as dev data; holdout52 (40) was measured once before and once
# after and is never used to change the parser.
HOLDOUT51 = "event_search_holdout51.jsonl"
HOLDOUT52 = "event_search_holdout52.jsonl"
# Robustness sets 27 (events-robust29): 100 sentences written before reading the parser rules, stressing events
# said by consequence or equipment (反应釜, 储罐, 配电房, 叉车, 行车, 脚手架), two places in one sentence, exclusions
# (不要误报, 除了烟雾), loosely numbered cameras, relative references (上次那个, 和昨天一样的时间段), times said by
# shift or event (交班前后, 台风那几天, 停电那会儿), English/pinyin mixes and long rambling questions; a third ordinary.
# holdout53 (60) is dev data; holdout54 (40) is measured once before and once after the holdout53 fixes.
HOLDOUT53 = "event_search_holdout53.jsonl"
HOLDOUT54 = "event_search_holdout54.jsonl"
# Robustness sets 28 (events-robust30): 100 sentences written before reading the parser rules, weighted to TIME: half
# nights, 凌晨两三点, weekends and weeks back, 这周一到现在, ten-day parts, holidays, rolling hours and half months, 8点多,
# 十点半左右, clock ranges, typed dates (3.5, 2026/3/5), a bare weekday with a part of the day, 昨晚两点; `now`s just after
# midnight, at weekends, on holidays and at month and year edges; a third ordinary. holdout55 (60) is dev data;
# holdout56 (40) is measured once before and once after the holdout55 fixes.
HOLDOUT55 = "event_search_holdout55.jsonl"
HOLDOUT56 = "event_search_holdout56.jsonl"
# Robustness sets 29 (events31): 100 sentences written before reading the parser rules by users not modelled much: a
# park control-room operator (gates, tank farms, unloading bays, 周边500米), a town 应急办 clerk filtering by loose
# statuses (还没处理的, 确认是真的, 虚警, 处理完了, 不是误报的), a 12345 hotline operator (冒烟, 有异味, 漏水, 消防通道被车堵了)
# and enterprise users; round 30's open words (年前, 一年来, 前半个月, 十二点以后 just after midnight); a third ordinary.
# holdout57 (60) is dev data; holdout58 (40) is measured once before and once after the holdout57 fixes.
HOLDOUT57 = "event_search_holdout57.jsonl"
HOLDOUT58 = "event_search_holdout58.jsonl"
# Robustness sets 30 (events32): 100 sentences written before reading the parser rules: long sentences with several
# conditions and exclusions, two towns or two types, places by landmark or road with a town, level words, voice-typed
# sentences (no punctuation, 华仕/周壮, 嗯 那个), commands and questions; round 31's open words (年后, 腊月, 一年多来,
# 多年来, 年前一个礼拜, 春节前半个月); a third ordinary. holdout59 (60) is dev data; holdout60 (40) is measured once
# before and once after the holdout59 fixes.
HOLDOUT59 = "event_search_holdout59.jsonl"
HOLDOUT60 = "event_search_holdout60.jsonl"
# Robustness sets 31 (events33): 100 sentences written before reading the parser rules around seasons and the work
# calendar of emergency management (汛期, 主汛期, 梅雨, 台风期间, 高温天, 夏天, 入冬以来, 开春以来, 冬至, 两会期间, 节假日,
# 双休日, 工作日, 夜间, 上班时间), lunar dates (腊月初八, 农历八月十五, 去年腊月) and 年后 + a length; a third ordinary.
# holdout61 (60) is dev data; holdout62 (40) is measured once before and once after the holdout61 fixes.
HOLDOUT61 = "event_search_holdout61.jsonl"
HOLDOUT62 = "event_search_holdout62.jsonl"
# Robustness sets 32 (events34): 70 sentences written before reading the parser rules, weighted to places and types:
# villages and 社区, enterprise short names and 字号 with same-sound slips, camera and point names, 临港 / 高新区,
# 附近/周边 with distances in words, two or three towns with 和/及/、, the public's type words (着火, 冒烟, 翻越围栏,
# 人员聚集, 车辆违停, 打电话); round 33's open words (腊八, 小年, 七夕, 重阳, 去年冬天 in January, 汛期前, 汛后).
# holdout63 (40) is dev data; holdout64 (30) is measured once before and once after the holdout63 fixes.
HOLDOUT63 = "event_search_holdout63.jsonl"
HOLDOUT64 = "event_search_holdout64.jsonl"
# Robustness sets 33 (events35): 70 sentences written before reading the parser rules as a duty officer or hotline
# operator types them: statuses and levels in words, typos, pinyin and English (hsz, cam3, IoT), shift-anchored times
# (上个班次, 这个班, 今早交班后), ranges, two types; the calendar words round 34 left open (闰月, 中元节 / 七月半, 去年冬天
# said in spring, 南方 / 北方小年, 三伏 / 入伏 / 中伏, 梅雨季 / 入梅 / 出梅). holdout65 (40) is dev data; holdout66 (30) is
# measured once before and once after the holdout65 fixes.
HOLDOUT65 = "event_search_holdout65.jsonl"
HOLDOUT66 = "event_search_holdout66.jsonl"
# Robustness sets 34 (events36): 70 sentences written before reading the parser rules as subsystems and citizens send
# them: IoT alarm wording (可燃气体浓度超标, 液位高高报, 压力低报, 有毒气体报警), vision algorithms said loosely (有人没穿
# 反光衣, 睡岗, 离岗, 明火, 区域入侵), enterprise short names with a point (XX化工罐区, 3号库), clock ranges across
# midnight, 上周五下午, 'since' forms (从周一开始, 自本月3日起), counts that are no filter (最近的十条) and round 35's
# open words (确认误报的, 小年夜, 龙抬头 / 二月二, 寒衣节, 数九 / 一九…九九, 冬至前后); a third ordinary. holdout67 (40)
# is dev data; holdout68 (30) is measured once before and once after the holdout67 fixes.
HOLDOUT67 = "event_search_holdout67.jsonl"
HOLDOUT68 = "event_search_holdout68.jsonl"
# Robustness sets 35 (events37): 55 sentences written before reading the parser rules as a leader dictates them or
# pastes them from a WeChat group: a context clause (领导问一下, 帮我看看, 汇报用), several conditions with 但是 / 除了 /
# 不要, levels and statuses in colloquial words (严重的, 小事, 还没人管的, 已经搞定的), roads and landmarks (芙蓉大道,
# 澄杨路, 高铁站附近), enterprise full legal names, holiday periods (国庆七天, 五一假期, 春节期间, 中秋那几天) and
# 当天 / 次日 after a named date; a third ordinary. holdout69 (30) is dev data; holdout70 (25) is measured once before
# and once after the holdout69 fixes.
HOLDOUT69 = "event_search_holdout69.jsonl"
HOLDOUT70 = "event_search_holdout70.jsonl"
# Robustness sets 36 (events38): 55 sentences written before reading the parser rules as dictated by voice to a phone:
# no punctuation, fillers (那个, 就是, 嗯), homophone slips (烟物, 火苗子, 安全冒), numbers in words (三点到五点半, 两点一刻,
# 十一点前后, 二号), times relative to now (刚才, 半小时内, 这两个钟头, 最近这一个礼拜), cameras and villages inside a town,
# types joined by 或者 / 还有 / 以及, colloquial statuses and levels, and round 37's open words (国庆次日, 周五次日,
# 事发当天, 入梅 on an announced date, 今年小年夜 after 春节); a third ordinary. holdout71 (30) is dev data; holdout72
# (25) is measured once before and once after the holdout71 fixes.
HOLDOUT71 = "event_search_holdout71.jsonl"
HOLDOUT72 = "event_search_holdout72.jsonl"
# Robustness sets 37 (events39): 50 sentences written before reading the parser rules as a subsystem operator and a
# night-shift leader type them: roads, stations, a park, industrial parks and 村/社区 as places, English and pinyin
# (AI告警, IoT, yanwu), ranges across midnight, 周末/工作日/上班时间/夜里, several statuses, 一级/红色/最高级, and round
# 38's open words (a bare clock range said in the afternoon, 梅雨季 with its 入梅 and 出梅 said, 去年小年夜 after 春节);
# a third ordinary. holdout73 (25) is dev data; holdout74 (25) is measured once before and once after the fixes.
HOLDOUT73 = "event_search_holdout73.jsonl"
HOLDOUT74 = "event_search_holdout74.jsonl"
# Robustness sets 38 (events40): 50 sentences written before reading the parser rules as pasted from a subsystem's
# free-text 事件描述 field and from a 网格员's report: times inside long descriptions (于…22时许, 当日凌晨, 11.3晚,
# 11-03 22:15), full addresses (…镇…路N号, …村N组), types named indirectly, 已核实/经核实为误报/正在处理, and round
# 39's open words (梅雨季 with only 入梅 said, a bare range said in the morning); a third ordinary. holdout75 (25) is
# dev data; holdout76 (25) is measured once before and once after the fixes.
HOLDOUT75 = "event_search_holdout75.jsonl"
HOLDOUT76 = "event_search_holdout76.jsonl"
# Robustness sets 39 (events41): 50 sentences written before reading the parser rules as a 12345 hotline operator
# transcribes a call (市民反映…附近…好像…冒烟), a camera-grid operator types point and algorithm names, a night shift
# hands over (昨晚十一点到今天凌晨两点, 前半夜, 后半夜, 刚才, 半小时前, 一小时以内) and a weekly report is drafted
# (本周一至今, 上周同期, 本月上旬/中旬/下旬, 近两周, 第47周), with round 40's open words (当日凌晨 after a date,
# 梅雨季 with only 入梅 said, pinyin event words); a quarter ordinary. holdout77 (25) is dev data; holdout78 (25) is
# measured once before and once after the fixes.
HOLDOUT77 = "event_search_holdout77.jsonl"
HOLDOUT78 = "event_search_holdout78.jsonl"
# Robustness sets 40 (events42): 50 sentences written before reading the parser rules as a leader's transcribed WeChat
# voice message (嗯/那个/就是, 不对是昨天), a report quoting several places with a negation (除了临港以外, 不含误报的,
# 不要已处置的), dates in other written forms (2026.11.3, 11/3, 十一月三号, 上上周, 大前天, 前天夜里, 月初, 年底前,
# 国庆期间, 双十一当天) and levels/statuses in many wordings (Ⅰ级, 最高级, 还没处理的, 核实为假的); ten ordinary.
# holdout79 (25) is dev data; holdout80 (25) is measured once before and once after the fixes.
HOLDOUT79 = "event_search_holdout79.jsonl"
HOLDOUT80 = "event_search_holdout80.jsonl"
# Robustness sets 41 (events43): 50 sentences written before reading the parser rules as SMS/IM messages with homophone
# typos (烟物, 安全貌, 消防通到), cameras by id or spot with 附近/周边N公里 radii, weekdays across a week boundary and clock
# words (上周日 on a Monday, 这周一 on a Sunday, 凌晨两点半, 傍晚, 午饭前后, 下班后, 半夜), type lists joined by
# 和/或/以及/、/还有 and negated types (除了烟雾以外的告警, 不要安全帽的); ten ordinary, with round 42's leftovers (双十一期间, a
# town excluded before its list). holdout81 (25) is dev data; holdout82 (25) is measured once before and once after.
HOLDOUT81 = "event_search_holdout81.jsonl"
HOLDOUT82 = "event_search_holdout82.jsonl"
# Robustness sets 42 (events44): 50 sentences written before reading the parser rules, weighted to a calendar date
# with 前后/左右/上下 (6月18日前后, 18号前后, 12月25日上下, 前后两天, a lunar date with 前后) beside holidays with 前后,
# 上上周, 上个月底, clock ranges in words, 人员聚集 (no type) and negated statuses, with N天前 and a date with a bare 前
# as controls. holdout83 (25) is dev data; holdout84 (25) is measured once before and once after.
HOLDOUT83 = "event_search_holdout83.jsonl"
HOLDOUT84 = "event_search_holdout84.jsonl"
DATASETS = (
    DATASET, HOLDOUT, HOLDOUT2, HOLDOUT3, HOLDOUT4, HOLDOUT5, HOLDOUT6, HOLDOUT7, HOLDOUT8, HOLDOUT9, HOLDOUT10,
    HOLDOUT11, HOLDOUT12, HOLDOUT13, HOLDOUT14, HOLDOUT15, HOLDOUT16,
    HOLDOUT17, HOLDOUT18, HOLDOUT19, HOLDOUT20, HOLDOUT21, HOLDOUT22, HOLDOUT23, HOLDOUT24,
    HOLDOUT25, HOLDOUT26, HOLDOUT27, HOLDOUT28, HOLDOUT29, HOLDOUT30, HOLDOUT31, HOLDOUT32,
    HOLDOUT33, HOLDOUT34, HOLDOUT35, HOLDOUT36, HOLDOUT37, HOLDOUT38, HOLDOUT39, HOLDOUT40,
    HOLDOUT41, HOLDOUT42, HOLDOUT43, HOLDOUT44, HOLDOUT45, HOLDOUT46, HOLDOUT47, HOLDOUT48,
    HOLDOUT49, HOLDOUT50, HOLDOUT51, HOLDOUT52, HOLDOUT53, HOLDOUT54, HOLDOUT55, HOLDOUT56,
    HOLDOUT57, HOLDOUT58, HOLDOUT59, HOLDOUT60, HOLDOUT61, HOLDOUT62, HOLDOUT63, HOLDOUT64,
    HOLDOUT65, HOLDOUT66, HOLDOUT67, HOLDOUT68, HOLDOUT69, HOLDOUT70, HOLDOUT71, HOLDOUT72,
    HOLDOUT73, HOLDOUT74, HOLDOUT75, HOLDOUT76, HOLDOUT77, HOLDOUT78, HOLDOUT79, HOLDOUT80,
    HOLDOUT81, HOLDOUT82, HOLDOUT83, HOLDOUT84,
)  # fmt: skip
