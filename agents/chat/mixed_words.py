"""English duty words, pinyin initials and 大写 numerals inside a Chinese question, written the usual way (chat round 22).

Officers who type in a hurry mix in the English words of their systems ("lingang 这周 alarm 几次",
"帮我check一下", "A类企业 list") and write amounts the way a penalty notice does ("罚款超过伍万元").
The rules and the number grammar read Chinese words and ordinary numerals, so the English duty
words become their Chinese terms and the 大写 numerals (壹贰叁…拾佰仟) of a number become 一二三…十百千.
Only ASCII words of the list are touched (pinyin place names such as lingang stay for the town
matcher), and a 大写 digit only inside a number (next to 万/元/条… or another numeral), so a surname
such as 陆 stays.
"""

from __future__ import annotations

import re

_ENGLISH: dict[str, str] = {
    "alarm": "报警", "alarms": "报警", "alert": "报警", "alerts": "报警",
    "hazard": "隐患", "hazards": "隐患", "overdue": "逾期",
    "sensor": "传感器", "sensors": "传感器", "camera": "摄像头", "cameras": "摄像头",
    "offline": "离线", "online": "在线", "penalty": "罚款", "penalties": "罚款", "fine": "罚款", "fines": "罚款",
    "check": "查", "list": "清单", "count": "数量", "total": "总数",
}  # fmt: skip
# Pinyin initials of duty terms, typed as in the supervision systems' menus ("zdwxy" = 重大危险源,
# "YHZG逾期" = 隐患整改逾期, "wh企业" = 危化企业), case ignored; only whole ASCII words of the table.
_PINYIN_INITIALS: dict[str, str] = {
    "wh": "危化", "whp": "危化品", "zdwxy": "重大危险源", "wxy": "危险源", "zdyh": "重大隐患",
    "ybyh": "一般隐患", "yhzg": "隐患整改", "yqyh": "逾期隐患", "tszy": "特殊作业", "dhzy": "动火作业",
    "yxkj": "有限空间", "czc": "厂中厂",
}  # fmt: skip
_WORD = re.compile(r"\s*(?<![A-Za-z])([A-Za-z]+)(?![A-Za-z])\s*")  # with the spaces typed around it
_CAPITAL = str.maketrans("零壹贰叁肆伍陆柒捌玖拾佰仟", "零一二三四五六七八九十百千")
_NUMERAL = "零壹贰叁肆伍陆柒捌玖拾佰仟一二两三四五六七八九十百千万0-9"
# A run of numerals holding a 大写 digit: two characters or more (伍万, 壹拾), or one before 元/块 (伍元).
# Never after 队/落/入/行/退 (队伍, 落伍), and a lone 陆 before 家 is a name (陆家), not six.
_CAPITAL_RUN = re.compile(
    rf"(?<![队落入行退{_NUMERAL}])(?:[{_NUMERAL}]*[壹贰叁肆伍陆柒捌玖拾佰仟][{_NUMERAL}]*(?<=[{_NUMERAL}]{{2}})"
    r"|[壹贰叁肆伍陆柒捌玖拾佰仟](?=[元块]))"
)
_HAN = re.compile(r"[\u4e00-\u9fff]")


def _english(m: re.Match[str]) -> str:
    word = m.group(1).lower()
    if word in _PINYIN_INITIALS:
        full = _PINYIN_INITIALS[word]
        # "wh危化企业": the initials typed before the word itself add nothing
        return "" if m.string.startswith(full, m.end()) else full
    return _ENGLISH.get(word, m.group(0))


def normalise(text: str) -> str:
    """``text`` with its English duty words in Chinese and its 大写 numerals plain ("伍万元" → "五万元")."""
    if not _HAN.search(text):
        return text  # an all-English or all-pinyin line is no mixed question
    text = _CAPITAL_RUN.sub(lambda m: m.group(0).translate(_CAPITAL), text)
    return _WORD.sub(_english, text)


__all__ = ["normalise"]
