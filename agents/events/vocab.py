"""What duty officers say → the closed vocabularies of ``core.vocab`` (event type, level, status, source).

Every table maps a surface word to one or more canonical values. Choices (docs/adr/0011):
* levels: 一级/Ⅰ级 = 红色, 二级 = 橙色, 三级 = 黄色, 四级 = 蓝色 (the four-colour warning order);
  高级别/高等级/严重/紧急 = 红色+橙色, 低级别/低等级 = 黄色+蓝色; 重大 = 红色, 较大 = 橙色.
* statuses: 未处理/没处理/待处理, any negated closing verb (没闭环, 尚未结案) and 还挂着 = 待研判+正报+已派发
  (not closed yet); 核查中/核实中 = 待研判; 是真的 = 正报; 已处理/处理完/办结 = 已处置;
  误报的/假的 = 误报; 确认/属实 = 正报; 派单/已下发/下发/已经下发 = 已派发; 还没派单/未下发 = 待研判+正报 (open, not
  dispatched yet).
* event types: 明火/着火/火情 = 火焰 (video fire); 火警/报火警 = 火情报告 (manual); 烟火识别 = 烟雾+火焰;
  烟/火 alone (as their own tokens) = 烟雾/火焰; a blocking verb alone (堵住了, 被堵) = 消防通道占用, the
  one event about blocking (堵车 and 堵塞 are not in the table: traffic, pipes).
* English algorithm names (smoke, fire, helmet, smoking, intrusion) = the event type each detects; the main
  event words in toneless pinyin (yanwu, maoyan, huoyan, minghuo, chouyan) = theirs (events39); since events41
  any vocabulary word of two or more characters typed in pinyin (anquanmao, dianpingche) = it (``pinyin_words``).
* gases named by substance alone (氨气, 一氧化碳 = 有毒气体超标; 甲烷, 液化气 = 可燃气体泄漏); Latin
  abbreviations in any case (ai, IOT, voc).
* events-robust13: 憋压 = 压力超限, 火灾报告 = 火情报告 (火灾 alone stays 火焰), 等着研判 = 待研判, 真警情 = 正报,
  误触发 = 误报, 转派/转交 = 已派发; Wu fillers (嗰, 格, 伐) and questions after the filter (礼拜几, 是哪天) fill.
* also: 最高级/最严重 = 红色, 最低级 = 蓝色, 不太严重/一般级别 = 黄色+蓝色 (一般 alone is also 一般化工); 处理中 = 已派发; 结案/关闭 = 已处置.
* events-robust21: severity negated or softened (不严重的, 没那么紧急, 不是很急) = 黄色+蓝色; a bare 派 after a negation (还没派的)
  = 待研判+正报.
Phrases composed of parts (堵通道, 没戴帽子, 压力高) are patterns in ``agents.events.phrases``.
"""

from __future__ import annotations

from agents.events.pinyin_words import word_for_pinyin
from core.vocab import EventLevel as L
from core.vocab import EventSource as S
from core.vocab import EventStatus as St
from core.vocab import EventType as E


def _words(text: str) -> list[str]:
    return text.split()


# Gases named by substance (氨气超标, or just 一氧化碳): the detector reports them as one of two types.
TOXIC_GASES = tuple(_words("硫化氢 氨气 液氨 氯气 一氧化碳 二氧化硫 二氧化氮 氰化氢 光气 甲醛"))
COMBUSTIBLE_GASES = tuple(_words("天然气 甲烷 氢气 乙炔 丙烷 丁烷 液化气 液化石油气 沼气"))


EVENT_TYPE_WORDS: dict[str, tuple[E, ...]] = {
    **dict.fromkeys(
        _words(
            """烟雾 冒烟 烟感 起烟 有烟 浓烟 烟雾告警 烟雾报警 冒黑烟 冒白烟 烟 冒青烟
            冒浓烟 黑烟 白烟 青烟 烟味 烟大"""
        ),
        (E.SMOKE,),
    ),
    **dict.fromkeys(
        _words(
            """火焰 明火 着火 火情 起火 失火 火苗 燃烧 火光 火灾 火 有火 冒火 见火 着了火
            烧起来 起明火 大火 小火 火势 火很大"""
        ),
        (E.FIRE,),
    ),
    **dict.fromkeys(
        _words("烟火 烟火识别 烟火检测 烟火告警 烟和火 火和烟 烟或火 烟或者火 烟与火"), (E.SMOKE, E.FIRE)
    ),
    **dict.fromkeys(
        _words(
            """未戴安全帽 没戴安全帽 未佩戴安全帽 不戴安全帽 没带安全帽 未带安全帽 没有戴安全帽
            安全帽 安全帽识别 安全帽检测 未戴头盔 没戴头盔 不戴头盔 没戴帽子 安全帽没戴"""
        ),
        (E.NO_HELMET,),
    ),
    **dict.fromkeys(
        _words(
            """消防通道占用 堵消防通道 消防通道堵塞 占用消防通道 消防通道被占 消防通道被占用
            堵塞消防通道 消防通道 通道占用 通道堵塞 占道 安全出口 疏散通道 逃生通道 消防车道
            通道被堵 堵通道 堵住 堵死 被堵 被堵住 堵着 堵了"""
        ),
        (E.FIRE_LANE_BLOCKED,),
    ),
    **dict.fromkeys(
        _words(
            "未穿反光衣 没穿反光衣 反光衣 反光背心 未穿反光背心 不穿反光衣 反光衣检测 反光马甲 马甲 反光服"
        ),
        (E.NO_REFLECTIVE_VEST,),
    ),
    **dict.fromkeys(
        _words("人员闯入 闯入 入侵 有人闯入 人员入侵 区域入侵 周界入侵 越界 翻越 擅自进入"),
        (E.PERSON_INTRUSION,),
    ),
    **dict.fromkeys(
        _words(
            """电瓶车进电梯 电动车进电梯 电瓶车上楼 电动车上楼 电动车上电梯 电瓶车入梯
            电动自行车进电梯 电瓶车进梯 电动车入梯 电瓶车 电动车 电梯电瓶车 电驴 小电驴
            电动自行车 电单车"""
        ),
        (E.EBIKE_IN_ELEVATOR,),
    ),
    **dict.fromkeys(_words("抽烟 吸烟 有人抽烟 吸烟检测 抽烟识别 抽香烟 烟头 抽烟的 香烟"), (E.SMOKING,)),
    **dict.fromkeys(
        _words("温度超限 温度 超温 温度过高 高温报警 温度异常 温度报警 温度超标 高温 测温异常 温度偏高"),
        (E.OVER_TEMPERATURE,),
    ),
    **dict.fromkeys(
        _words("压力超限 压力 超压 压力过高 压力异常 压力报警 压力超标 憋压 憋压了 憋着压"),
        (E.OVER_PRESSURE,),
    ),
    **dict.fromkeys(
        _words(
            "液位异常 液位 液位超限 液位过高 液位过低 液位报警"
            " 溢出来 溢出 满出来 溢罐 冒罐 漫出来 快满了 要溢出来"
            # material pushed out of a reactor or over a tank's top (冒料, 冒顶, 冒槽): too full (events-robust29)
            " 冒料 冒顶 冒槽 溢料 冒出来"
        ),
        (E.LEVEL_ABNORMAL,),
    ),
    **dict.fromkeys(
        _words(
            """可燃气体泄漏 可燃气体 可燃气 燃气泄漏 可燃气体超标 天然气泄漏 煤气泄漏
            可燃气体报警 燃气 可燃气体探头 可燃气探头 燃气探头"""
        )
        + list(COMBUSTIBLE_GASES),
        (E.GAS_LEAK,),
    ),
    **dict.fromkeys(
        # 有毒 alone (有毒的报警, 长泾 有毒): the only toxic event there is.
        _words(
            "有毒气体超标 有毒气体 毒气 有毒有害气体 有毒气体报警 毒气泄漏 有害气体 有害气体超标 VOC VOCs 有毒"
            # a gas detector (可燃气体探头 GD-102) is a plant sensor, not a camera's 探头 (events-robust23)
            " 有毒气体探头 毒气探头"
        )
        + list(TOXIC_GASES),
        (E.TOXIC_GAS,),
    ),
    **dict.fromkeys(_words("气体泄漏 气体报警 气体超标 漏气"), (E.GAS_LEAK, E.TOXIC_GAS)),
    **dict.fromkeys(
        _words(
            "泄漏报告 泄漏 泄露 渗漏 滴漏 漏液 跑冒滴漏 物料泄漏 滴东西 往下滴 在滴 滴下来 渗出来 漏出来 滴液"
            # water or oil said leaking by a caller (12345: 漏水, 漏油) is a reported leak (events31)
            " 漏水 漏油 在漏水 渗水"
        ),
        (E.MANUAL_LEAK,),
    ),
    **dict.fromkeys(_words("火情报告 火警 报火警 火灾报告 火灾上报 火情上报 报火灾"), (E.MANUAL_FIRE,)),
    **dict.fromkeys(
        _words(
            "人员受伤 受伤 伤人 工伤 伤亡 砸伤 烫伤 摔伤 挤伤 撞伤 坠落 人员伤亡 摔下来 摔下 跌下来 掉下来 摔倒 划伤 割伤"
            # a vehicle or a load that hits someone (叉车撞到人, 行车吊物砸到人, 被压到): events-robust29
            " 撞到人 撞人 撞了人 撞伤人 撞倒人 压到人 压了人 压伤 压伤人 砸到人 砸人 砸了人 砸伤人 碾压 轧到人"
        ),
        (E.MANUAL_INJURY,),
    ),
    # Algorithm names as a vendor console shows them in English (smoke, helmet识别, Fire): what each detects.
    **dict.fromkeys(_words("smoke"), (E.SMOKE,)),
    **dict.fromkeys(_words("fire flame"), (E.FIRE,)),
    **dict.fromkeys(_words("helmet hardhat"), (E.NO_HELMET,)),
    **dict.fromkeys(_words("vest"), (E.NO_REFLECTIVE_VEST,)),
    **dict.fromkeys(_words("smoking"), (E.SMOKING,)),
    **dict.fromkeys(_words("intrusion intruder"), (E.PERSON_INTRUSION,)),
    **dict.fromkeys(_words("ebike"), (E.EBIKE_IN_ELEVATOR,)),
    # The main event words typed in toneless pinyin on a keyboard without an input method (yanwu, huoyan), as
    # towns are (lingang): events39.
    **dict.fromkeys(_words("yanwu maoyan"), (E.SMOKE,)),
    **dict.fromkeys(_words("huoyan minghuo"), (E.FIRE,)),
    **dict.fromkeys(_words("chouyan"), (E.SMOKING,)),
    **{e.value: (e,) for e in E},
}

# Severity negated or softened (不严重的, 没那么紧急, 不是很急): the mild levels, as 不太要紧 (events-robust21). One product
# of two lists, each word also with its 的: jieba would otherwise keep 严重的 whole and leave 不 apart, and 不严重的 read
# as 严重 (the opposite).
_SOFTENERS = (
    "不",
    "不太",
    "不怎么",
    "不那么",
    "没那么",
    "没有那么",
    "不是很",
    "不是太",
    "并不",
    "不算",
    "不算太",
    "不算很",
)
_SEVERE = ("严重", "紧急", "急", "要紧", "着急")
_MILD_WORDS = tuple(soft + word + end for soft in _SOFTENERS for word in _SEVERE for end in ("", "的"))

LEVEL_WORDS: dict[str, tuple[L, ...]] = {
    # English colours typed by young staff (red level, orange的): the colour's level (events-robust29).
    **{w: (lv,) for w, lv in (("red", L.RED), ("orange", L.ORANGE), ("yellow", L.YELLOW), ("blue", L.BLUE))},
    **dict.fromkeys(
        _words(
            """红色 红色预警 红色告警 红 一级 1级 Ⅰ级 I级 重大 重大风险 最高级 最高级别 最高等级
            级别最高 等级最高 最严重 最紧急 特别严重 特别重大
            特别急 非常急 十万火急 最急"""
        ),
        (L.RED,),
    ),
    **dict.fromkeys(_words("橙色 橙色预警 橙色告警 橙 二级 2级 Ⅱ级 II级 较大 较大风险"), (L.ORANGE,)),
    # The four-tier risk scale (重大/较大/一般/低风险 = 红/橙/黄/蓝): 中风险 sits on its third step (ADR 0011,
    # events-robust11), and 低风险 on the fourth.
    **dict.fromkeys(
        _words("黄色 黄色预警 黄色告警 黄 三级 3级 Ⅲ级 III级 中风险 中等风险 一般风险"), (L.YELLOW,)
    ),
    **dict.fromkeys(
        _words(
            """蓝色 蓝色预警 蓝色告警 蓝 四级 4级 Ⅳ级 IV级 最低级 最低级别 最低等级
            级别最低 等级最低 最轻 低风险 较低风险"""
        ),
        (L.BLUE,),
    ),
    **dict.fromkeys(
        _words(
            "高级别 高等级 严重 紧急 高风险 级别高 等级高 严重的 比较严重 很严重 很急 挺急 还挺急 比较急 急的 着急 蛮急"
        ),
        (L.RED, L.ORANGE),
    ),
    **dict.fromkeys(
        _words(
            "低级别 低等级 级别低 等级低 不严重 不太严重 不怎么严重 轻微 一般级别 级别一般 一般等级"
            " 不急 不太急 不怎么急 不要紧 不太要紧 不怎么要紧 不紧急 不着急"
            " 小事 小事情"  # 小事 = the mild levels, as 不严重的 (events37)
        )
        + list(_MILD_WORDS),
        (L.YELLOW, L.BLUE),
    ),
}

# "Not dispatched yet" (还没派单, 未下发): the statuses before 已派发 that are still open, 待研判 + 正报.
_NOT_YET = ("没", "没有", "未", "还没", "还没有", "还未", "尚未")
# A bare 派 is the verb clipped (还没派的, 没派的; events-robust21): not sent yet, as 还没派单.
_DISPATCH = ("派发", "派单", "下发", "派出", "派出去", "派下去", "转办", "分派", "派")
# Not closed yet said as any negated closing verb (没闭环, 还没结案, 尚未办结) or as still hanging (还挂着):
# 待研判 + 正报 + 已派发, as 未处理. One product of two lists, so a new verb is one more entry.
# A bare 处 is the closing verb clipped by a hurried typist (未处, 没处的): the fragment means 未处理.
_CLOSE = ("处理", "处置", "闭环", "结案", "办结", "解决", "完结", "销号", "关闭", "处理完", "处置完", "处")
_HANGING = ("挂着", "还挂着", "仍挂着", "一直挂着", "挂起", "还挂起", "挂在那")
_OPEN = (St.PENDING_REVIEW, St.CONFIRMED, St.DISPATCHED)

STATUS_WORDS: dict[str, tuple[St, ...]] = {
    # false alarm / false positive typed in English: ``false`` is the only word of them that carries the meaning.
    "false": (St.FALSE_ALARM,),
    **dict.fromkeys((n + d for n in _NOT_YET for d in _DISPATCH), (St.PENDING_REVIEW, St.CONFIRMED)),
    **dict.fromkeys((*(n + c for n in _NOT_YET for c in _CLOSE), *_HANGING), _OPEN),
    # Nobody has taken it up (没人管, 还没人管): nobody was sent either, so 待研判 + 正报 as 还没派单 (events-robust19).
    **dict.fromkeys(
        _words("没人管 还没人管 没有人管 没人理 还没人理 没人去 还没人去"), (St.PENDING_REVIEW, St.CONFIRMED)
    ),
    **dict.fromkeys(
        _words(
            """待研判 未研判 没研判 待确认 未确认 待核实 新告警 还没研判 没确认 还没确认
            未核实 没核实 待审核 研判中 在研判 还在研判 审核中 待审 核查中 核实中 确认中 在核查
            在核实 正在核查 正在核实 核查当中 核实当中 等研判 等着研判 等待研判 等候研判"""
        ),
        (St.PENDING_REVIEW,),
    ),
    **dict.fromkeys(
        _words(
            """未处理 没处理 待处理 还没处理 没有处理 未处置 待处置 没处置 未闭环 还未处理
            尚未处理 没人处理 没处理完 未处理完 还没处置 尚未处置 未结案 未办结
            没办结 待办"""
        ),
        (St.PENDING_REVIEW, St.CONFIRMED, St.DISPATCHED),
    ),
    **dict.fromkeys(
        _words(
            "正报 确认 已确认 属实 真实告警 确认属实 确认过 核实属实 已核实 核实过 真警 是真的 为真 真实的 真警情 真实警情"
        ),
        (St.CONFIRMED,),
    ),
    **dict.fromkeys(
        _words(
            """误报 误报的 假的 误报警 虚警 假告警 误报掉 误报了 误判 误识别 误检 错报
            假报警 判为误报 标记误报 假警报 假警 误触发 误触 误动作"""
        ),
        (St.FALSE_ALARM,),
    ),
    **dict.fromkeys(
        _words(
            """已派发 派发 已派单 派单 已下发 下发 下发了 已经下发 已经派发 已经派单 派出去 派下去 处理中 正在处理 在处理
            处置中 正在处置 已转办 转办 转派 已转派 转派了 转交 已转交 转交了
            派人 派人去了 已经派人 派了人 派人过去 派人去 派人处理 人已经去了 人过去了"""
        ),
        (St.DISPATCHED,),
    ),
    **dict.fromkeys(
        _words(
            """已处置 处置完 已处理 处理完 处理好 已办结 办结 已闭环 处置完毕 处理完毕 已完成
            已经处理 已经处置 处理掉 处置掉 处理过 处置过 处理了 处置了 已解决 解决了 搞定
            处理完成 已关闭 关闭 关闭了 结案 已结案 结案了"""
        ),
        (St.RESOLVED,),
    ),
}

# A hotline passing a citizen's call on (热线转办, 12345交办单, 市民热线转来): how the report reached the platform, so
# 人工上报 only (events42; the hotline's 转办 is not the event's 已派发, which the bare 转办 / 已转办 still are).
# One product of two lists, so a new hotline or hand-over word is one more entry.
_HOTLINES = _words("12345 热线 12345热线 市民热线 政务热线 市长热线 便民热线 服务热线 热线电话")
_HAND_OVERS = _words(
    "转办 转交 交办 转来 转过来 转派 派来 转办单 转办件 交办单 交办件 工单 转办工单 交办工单"
)
HOTLINE_WORDS = tuple(h + w for h in _HOTLINES for w in _HAND_OVERS)

SOURCE_WORDS: dict[str, tuple[S, ...]] = {
    **dict.fromkeys(HOTLINE_WORDS, (S.MANUAL_REPORT,)),
    **dict.fromkeys(
        _words(
            """视频算法 视频 算法 摄像头 监控 AI识别 智能识别 视频告警 视频监控 视频识别 人工智能 人工智能识别 AI智能
            摄像机 探头 监控拍的 算法识别 AI 视频报的 摄像头报的 抓拍 抓拍的 视频抓拍 智能分析 视频分析
            拍到 拍到的 拍下 拍下来 抓拍到"""  # only a camera takes pictures (南闸高速道口4号探头 拍到有人闯入)
        ),
        (S.VIDEO_ALGORITHM,),
    ),
    **dict.fromkeys(
        _words(
            """物联阈值 物联 物联网 IoT 传感器 阈值 在线监测 监测 探测器 报警器 仪表 传感器报的
            设备报的 超阈值 监测设备 物联设备
            DCS DCS报警 DCS上报 DCS上报的 DCS报的 DCS系统 dcs
            SIS SIS联锁 SIS报警 联锁 联锁动作 联锁触发 联锁停车 联锁跳车"""  # an interlock trips on a threshold
        ),
        (S.IOT_THRESHOLD,),
    ),
    **dict.fromkeys(
        _words(
            """人工上报 人工 上报的 群众 电话报告 群众举报 举报 企业上报 手动上报 群众上报
            老百姓 市民 居民 热线 12345 电话上报 电话报的 人工报的 人报的 网格员 巡查
            巡检 员工上报 手工录入 手工 录入 自报 企业自报 自己报 网格上报 网格报
            打电话 微信 微信群 微信群里 群里 工作群 电话打过来"""
        ),
        (S.MANUAL_REPORT,),
    ),
}

# Spot words in event descriptions (camera positions): kept as keywords matched on the description.
SPOT_WORDS: tuple[str, ...] = (
    "大门口", "生产车间", "仓库", "罐区", "装卸区", "加油区", "配电房", "熔炼车间", "除尘区域", "租赁厂房",
    "小区电梯", "小区消防通道", "农贸市场", "沿江堤防", "工业集中区路口", "高速道口", "商业综合体", "储罐区",
    "车间", "电梯", "堤防", "加油站",
)  # fmt: skip

# Filler words: neither filters nor leftovers worth asking the LLM about.
_FILLER_TEXT = """的 了 吗 呢 啊 吧 呀 嘛 有 有没有 有无 有哪些 哪些 哪个 什么 查 查询 查查 查一下 搜 搜索 找 找一下 看 看看
    看一下 帮 帮我 帮忙 给 给我 我 我们 想 要 想要 一下 所有 全部 告警 报警 预警 事件 警情 情况 记录 信息 列表
    发生 出现 相关 关于 那边 这边 那里 这里 里 内 在 和 及 与 或 或者 以及 还有 等 的话 请 列出 显示 统计 多少
    几起 几个 条 起 个 是 否 不 没 最新 最近 目前 现在 当前 区域 地区 范围 附近 周边 周围 一带 位置 地方 级
    等级 级别 状态 类型 来源 是否 已经 还 都 被 把 下 上 中 后 前 时 时候 期间 以来 之间 报 告 发 生 一 共 共有
    哪 多 少 那 这 个 从 到 至 以 及 其 它 他 她 之 为 所 能 会 可 可以 麻烦 谢谢 出来 一些 些 过 么 啥 咋
    怎么 怎样 到底 具体 详细 最 第 次 件 宗 类 种 各 每 家 处 附近的 周边的 上报 报告 异常 问题 隐患 风险 预警信息
    告警信息 报警信息 事故 突发 突发事件 安全 生产 安全生产 辖区 我们 咱们 咱 单位 企业 公司 有人 新的 有个 那个 这个 沿线 沿途 一线 两侧 旁 米 公里 千米 以内 之内 范围内
    能 不能 能不能 能否 可不可以 请问 告诉 查下 看下 搜下 一共 总共 共计 各 各镇 各个 街道 镇 乡 新区 片区 镇区 街道办 办 好多 很多 有点 看到 见到 看见 很大 很浓 一股 子 冒 自己 设备 块儿 那块 那块儿 这块 这块儿 真 几条 几次 几件 几回 截至 截止 截至目前 截止目前 至今 车 车辆 左右 前后 钟 许 以外 之外 进来 进去 以上 以下 及以上 及以下 人 江阴 江阴市 全市 市里 区 其他 其它 别的 杂物 东西 厂 厂里 厂区 掉 报的 报过 发现 识别到 检测到 监测到
    嗯 呃 额 哦 噢 哎 诶 喂 就是 然后 那么 是不是 全天 整天 一整天 列 列一下 列个 都要 都给我
    就 又 那天 识别 检测 自 止 为止 多少次 多少起 多少条 多少回 几趟 一共几起
    镇街 所属镇街 日期 时间 发生时间 上报时间 事件类型 事件等级 处置状态 事件来源 值班员 上报人 字段
    最近一次 上一次 最后一次 前一次 上回 啥时候 累计 alarm alarms alert alerts positive level check pls please
    嗰 格 伐 哉 是礼拜几 礼拜几 是哪天 哪天 是几号 几号 是什么时候 什么时候 哪个镇 在哪个镇"""
FILLER_WORDS: frozenset[str] = frozenset(_FILLER_TEXT.split())

# Duty words with a meaning of their own but no filter value (staff off post, devices offline):
# never read as a town or place that sounds like them (离岗 li2 gang3 is not 利港 li4 gang3).
DUTY_WORDS: frozenset[str] = frozenset(
    _words("离岗 脱岗 睡岗 串岗 空岗 在岗 到岗 值岗 离线 掉线 下线 断线 在线")
)

# Latin abbreviations as typed in any case (ai, Iot, voc) → the table's spelling.
_LATIN_SPELLINGS: dict[str, str] = {
    word.casefold(): word
    for table in (EVENT_TYPE_WORDS, LEVEL_WORDS, STATUS_WORDS, SOURCE_WORDS)
    for word in table
    if word.isascii() and not word.isdigit()
}


def canonical_spelling(word: str) -> str:
    """The table's spelling of a Latin word typed in any case (iot → IoT), or the word it spells in pinyin
    (anquanmao → 安全帽, events41); other words as they are."""
    if not word.isascii():
        return word
    return _LATIN_SPELLINGS.get(word.casefold()) or word_for_pinyin(word) or word
