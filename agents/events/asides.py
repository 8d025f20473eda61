"""Words of a filter field said for something else (ADR 0011, events-robust14), blanked before the tokens
are read, as ``device_faults`` blanks a broken detector:

* a colour glued to a thing it describes (蓝色彩钢棚那边冒烟, 穿红色衣服的人翻墙, 黄色的货车) is no alarm
  level: levels are said on their own or next to an alarm word (红色 火焰, 红色预警, 橙色以上). Only the
  colour is blanked; the thing stays (蓝色电瓶车 is still an e-bike). Helmets and reflective vests are not
  in the list: 黄色安全帽 is the detector's own vocabulary. A shaded colour (亮黄色的马甲) always describes.
* a yes/no question about a status (处置了没有, 派下去了吗, 核实了没) asks what the status is; the answer is
  the status column of every event found, so filtering on the status would hide the ones that say "no".
  A status said as a condition (没处置的, 已处置的, 有没有误报) is untouched, and so is a negated verb asked
  about (还没处置吗: the open ones are what is asked for).
* a whether-question about a verdict (是不是误报, 是否误报, 是不是真的) asks the same of the status column
  (events-robust23); 不是误报的 on its own stays a negated status.
* hot weather said as a time (高温天, 高温天里, 高温天气, 高温期间, 高温季节, 高温时段; events33) is no 温度超限:
  it says when, not what was measured, and gives no time either (weather the grammar cannot date). 高温报警,
  高温 alone and 温度高 stay 温度超限.
* a person phoning on site (有人打电话, 车间里有人在打电话, 接打电话, 打手机; events34) is a behaviour no detector of
  the closed vocabulary reports, not how the event came in: no source. 打电话报的 / 打电话反映 / 打电话来 stay 人工上报.
"""

from __future__ import annotations

import re


def _words(text: str) -> list[str]:
    return text.split()


_THINGS = _words(
    "彩钢棚 彩钢瓦 彩钢房 彩钢板 钢棚 铁皮房 铁皮棚 铁皮 棚子 雨棚 遮阳棚 大棚 篷布 帐篷 厂房 房子 屋顶 屋面 板房 活动房"
    " 集装箱 大门 卷帘门 铁门 门 围挡 围墙 外墙 墙 大楼 楼 招牌 广告牌 牌子 横幅 货车 卡车 轿车 小车 车子 面包车 三轮车"
    " 电动车 电瓶车 汽车 车(?!间) 油桶 塑料桶 铁桶 桶 罐子 罐车 管子 水管 箱子 纸箱 袋子 编织袋 塑料袋 衣服 外套 上衣"
    " 烟囱 油漆 房顶"
)
# 黄色大货车, 蓝色旧铁皮房: a size or age word may come between the colour and the thing
_DESCRIBING_COLOUR = re.compile(r"[红橙黄蓝](?:颜)?色的?(?=(?:大|小|旧|新|破)?(?:" + "|".join(_THINGS) + "))")

_STATUS_VERBS = _words("处置 处理 闭环 结案 办结 解决 派发 派单 下发 派出去 派下去 转派 研判 核实 核查 确认")
# the question's end: the sentence's end, a space, punctuation or a closing particle
_STATUS_QUESTION = re.compile(
    r"(?<![没未])(?<!没有)(?:"
    + "|".join(_STATUS_VERBS)
    + r")(?:完|好|掉|过)?了?(?:没有|了没|没呢|没|吗|么|与否)"
    r"(?=$|[\s，。,.!！?？呢啊呀])"
)

_VERDICT_QUESTION = re.compile(
    r"(?:是不是|是否为?|是不是个)(?:误报|误报警|虚警|假警报?|正报|真的|假的|误触发)的?"
    r"(?=$|[\s，。,.!！?？呢啊呀吗])"
)


# 亮黄色, 深蓝色, 浅红色: a shade is how a thing looks; levels are never said with one (events-robust19).
_HOT_WEATHER = re.compile(r"(?:持续)?高温(?:天气?|季节|期间|时段|日子)(?:里|时|的时候|期间)?")
_PHONE_USE = re.compile(r"(?:人在?|在|接)(?:打电话|打手机|玩手机)(?!报|来|反映|举报|上报|过来|进来|说)")
_SHADED_COLOUR = re.compile(r"(?<=[亮深浅淡鲜艳])[红橙黄蓝](?:颜)?色")


def aside_spans(text: str) -> list[tuple[int, int]]:
    """Spans of describing colours, status and verdict questions, hot-weather words and phoning on site to blank."""
    return [
        m.span()
        for pattern in (
            _DESCRIBING_COLOUR,
            _SHADED_COLOUR,
            _STATUS_QUESTION,
            _VERDICT_QUESTION,
            _HOT_WEATHER,
            _PHONE_USE,
        )
        for m in pattern.finditer(text)
    ]
