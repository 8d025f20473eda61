"""The closed resource type (``ResourceType``) of a stock, team or place name: 专家, 医疗机构, 避难场所,
救援队伍, 通信, 资金, 装备 (what is used again) or 物资 (what is used up), else the default."""

from __future__ import annotations

import re


def resource_type(text: str, *, default: str = "其他") -> str:
    if _USED_UP_NAME.search(text.strip()):
        return "物资"  # 堵漏材料 / 堵漏胶带: what a 堵漏 kit uses up, not the kit (堵漏工具 stays 装备)
    for words, kind in (
        (("专家",), "专家"),
        (("医院", "卫生院", "医疗", "急救中心"), "医疗机构"),
        (("避难", "避险", "安置", "庇护"), "避难场所"),
        (("队", "救援组", "抢险组"), "救援队伍"),
        (("电台", "对讲", "通信", "卫星电话"), "通信"),
        (("资金", "经费"), "资金"),
        (
            (
                "车",
                "泵",
                "呼吸器",
                "炮",  # 水炮, 消防炮, 泡沫炮: fixed or mobile monitors are equipment
                "灭火器",
                "舟",
                "船",
                "拖轮",
                "艇",
                "锯",
                "挖掘机",
                "装备",
                "器材",
                "设备",
                "防护服",
                "防化服",
                "检测仪",
                "仪",  # 报警仪, 测氧仪, 测爆仪: instruments are equipment
                "侦检",
                "堵漏",
                "洗消",
                "照明",
                "灯",
                "发电机",
                "担架",
                "三脚架",
                "灭火机",
                "工具",
                "风机",
                "安全绳",
                "安全带",
                "梯",
                "装置",
                "水带",  # 消防水带 / 水枪 / 手电筒 / 铁锹: tools used again, not used up
                "水枪",
                "手电",
                "锹",
                "消火栓",  # hydrants are fixed fire-fighting equipment, not stock
                "消防栓",
                "喇叭",  # 扩音喇叭 / 手持喇叭: loudspeakers are used again
                "千斤顶",  # lifting and prising tools are used again: 液压千斤顶, 手拉葫芦, 撬棍
                "葫芦",
                "撬棍",
            ),
            "装备",
        ),
        (
            (
                "物资",
                "沙",  # 沙袋, 消防沙, 黄沙
                "救生圈",
                "救生衣",
                "吸附",
                "药品",
                "棉",
                "编织袋",
                "帐篷",
                "食品",
                "饮用水",
                "围油栏",
                "吸油毡",
                "石灰",  # neutralisers and absorbents that are used up
                "中和剂",
                "溶液",  # 硼酸溶液 / 碳酸氢钠溶液 rinse or neutralise and are used up
                "泡沫液",  # extinguishing agents are stock too (泡沫枪 / 干粉灭火器 are equipment, matched first)
                "泡沫原液",
                "灭火剂",
            ),
            "物资",
        ),
        (("池", "围堰"), "其他"),  # 碱液池, 事故应急池: facilities, neither stock nor equipment
    ):
        if any(w in text for w in words) or _EXTRA.get(kind, _NEVER).search(text):
            return kind
    return default


# Implements, machines and personal protective equipment are 装备 too (what is used up is 物资):
# 报警器, 吊机, 铝锭模, 防护面罩, 头盔, 绝缘手套, 绝缘靴, 钩杆, suits worn (防酸服, 耐酸服), 轮椅 — but not
# 机构 or 规模
_EQUIPMENT = re.compile(
    r"器|机(?!构|关)|(?<!规)模$|面罩|面具|头盔|护目镜|防护|绝缘|手套|靴|鞋|帽|杆$|服$|轮椅"
)
# a name ending in the material itself: 堵漏材料, 堵漏胶带, 密封胶泥, 堵漏剂 are used up like 吸附棉
_USED_UP_NAME = re.compile(r"(?:材料|胶带|胶泥|堵漏剂|密封胶)$")
# first-aid kits, barrier tape and fire blankets are stock handed out (急救药箱, 警戒带, 隔离带, 灭火毯);
# a chemical named as such (碳酸氢钠, 氢氧化钙, 硼酸, 烧碱, 活性炭, 小苏打) is a neutraliser or absorbent used up
_CHEMICAL = r"(?:钠|钾|钙|镁|酸|碱|炭)$|小苏打"
_EXTRA, _NEVER = (
    {"装备": _EQUIPMENT, "物资": re.compile(rf"急救|药箱|警戒带|警示带|隔离带|灭火毯|{_CHEMICAL}")},
    re.compile(r"$^"),
)
