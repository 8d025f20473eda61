"""Rule-based intent routing: keyword patterns over the normalised question plus filled slots.

Rules are ordered from the most specific to the most generic, so "离线" never reads as "离 … 最近"
and "重大危险源的企业" goes to the hazard-source intents, not the enterprise list. A rule hit is
confident; a generic enterprise question is less so; no hit leaves the choice to the LLM router.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agents.chat.camera_point import camera_point
from agents.chat.duty_caller import DUTY, names_only_posts
from agents.chat.firm_kind import kind_asked
from agents.chat.incident_report import incident_report
from agents.chat.material_names import MATERIAL
from agents.chat.overview_subject import asks_how_something_else_is
from agents.chat.plan_asked import asks_which_plan, more_accident
from agents.chat.plan_aspects import ENDING_ASKED, REPORT_ASKED, WARNING_ASKED
from agents.chat.plan_shelter_release import SHELTER_NOUN, asks_release, asks_shelter
from agents.chat.records import NOT_HELD_DETAIL, record_slots, route_record
from agents.chat.shorthand import asked_part
from agents.chat.slots import Slots

CONFIDENT = 0.9
GENERIC = 0.6
THRESHOLD = 0.5


@dataclass(frozen=True)
class RouteDecision:
    intent: str | None
    confidence: float
    reason: str


def _has(pattern: str, text: str) -> bool:
    return re.search(pattern, text) is not None


# Per-town cues: "各/每个/哪个/哪些 + 镇/街道", "分布", rankings. "医药企业分布在哪些镇" is a per-town count.
GROUPED = (  # "数量排前三的镇街", "前五名": a ranking of towns too (not "前三个月": a period)
    r"(?:各|每|哪|分)(?:个|几个|些)?(?:镇|街道|乡镇|板块|区|地)|按镇|按街道|分布|排名|排行|最多|最少|排在?前|"
    r"前[0-9一二两三四五六七八九十]+(?:名|位|个?(?:镇街|镇|街道|乡镇|板块))"
)
# Penalty words: "罚单", "受过罚", "被罚过" are as common as 处罚/罚款.
PENALTY = r"处罚|罚款|罚了|罚没|被罚|罚单|罚过|受罚|受过罚|开罚|罚钱"
# "租厂房的", "租房子": the verb with its object says renting as much as 租的 / 租用 does.
LEASE = r"厂中厂|出租|租出|承租|在租|租用|租赁|租给|租了|租来|房东|向谁租|租谁|租的|租(?:厂房|房子|场地)|租别人(?:的|家)?(?:厂房|房子|场地)?|厂房是?(?:谁|哪家)|(?:谁|哪)家的?(?:厂房|房子|场地)|在(?:谁家?|哪家)的?(?:厂房|厂子|房子|场地)"
# Low stock said without 物资: "哪些装备快用完了", "仓库里啥东西不够了", "应急仓库缺不缺东西".
_STOCK = r"物资|储备|装备|器材|库存|仓库|库里|东西"
CAMERA_DARK = (
    r"黑屏|花屏|蓝屏|没(?:有)?(?:画面|图像|信号)|无(?:画面|图像|信号)|看不到(?:画面|图像)|不出(?:画面|图像)"
)
# Spoken forms: "快没得了" (Jiangyin/Wu for 快没了), "剩得不多了", "不多了".
_SHORTAGE = r"不足|短缺|低于|不到(?:最低|下限|储备|警戒)|少于(?:最低|下限)|补充|缺|不够|告急|快?用完|用光|见底|没货|快?没(?:得|有)?了|剩?得?不多了"
# Business figures the graph does not hold: naming an enterprise with them asks for no profile.
_FIGURES = r"营业收入|营收|营业额|销售额|产值|利润|税收|纳税|股价|市值|工资|薪资|GDP"
_NOT_HELD = _FIGURES + r"|天气"
# Places outside Jiangyin: the graph holds one county-level city. "无锡" alone is also in the long
# names of the local petrol stations (…江苏无锡江阴…加油站), so only 无锡 not followed by 江阴 counts.
_ELSEWHERE = (
    r"无锡(?!江阴|市江阴)|新吴区|梁溪区|滨湖区|锡山区|惠山区|宜兴|张家港|常熟|昆山|太仓|苏州|常州|南京|上海|"
    r"靖江|泰州|南通|镇江|扬州|杭州"
)
# "出过啥情况没", "出了什么事": what happened, i.e. the events, not a town's standing figures.
# "有什么事没有", "有没有啥事", "有啥事吗": asked of a place and time, whether anything happened (a 事 said
# with a task noun — 有什么事要办 — is no event).
_HAPPENED = (
    r"出(?:了|过)(?:点|些)?(?:什么|啥|哪些)?(?:情况|事情?|状况)|出(?:什么|啥)(?:情况|事情?|状况)|"
    r"有(?:没有)?(?:什么|啥)事(?:情|儿)?(?:没有?|吗|么|嘛|不)?(?![要需得该办做干])|"
    r"有(?:没有)?(?:什么|啥)(?:新|特殊|异常)?(?:情况|状况)(?:发生)?(?:没有?|吗|么|嘛)?(?=[？?。！!\s]*$)"  # "昨晚有什么情况" (round 33)
)
# "今天城东要注意点啥", "需要关注什么": what to keep an eye on in a place, i.e. its overview.
_WATCH_OUT = (  # also with the noun said: "最需要留意的地方有哪些", "要注意的事是什么"
    r"(?:要|需要|应该)?(?:注意|关注|留意|盯)(?:点|些|一下)?(?:的(?:问题|事情?|地方|方面))?(?:有|是)?(?:什么|啥|哪些)"
)
# "华士镇目前最突出的问题是什么", "主要问题有哪些": a leader's briefing word for the same overview.
_TOP_ISSUES = r"(?:最|比较)?(?:突出|主要|重点|严重|大)的?问题|问题最(?:突出|多|严重|大)"
_ALARM = r"报警|告警|报[过了几次回个什么多少]{1,5}警"  # "报过警", "报了几次警", "报了多少次警"
# "哪几家/哪几个" asks which ones (a list), "几家" how many.
_COUNT = r"多少|次数|(?<!哪)几(?:家|个|条|处|次|起|项|笔|张|回|支|位)|数量|总数|一共|总共|合计|统计"
# "有几处，分别叫什么" / "都是哪些": the items are asked for, and a list answers the count too.
# "都是哪些", "具体是哪几家", "列出来": the members of a set asked for, with nothing else said.
BARE_LIST = (  # "分别是哪几家企业": the members asked for; the noun adds no condition
    r"^(?:那|那么)?(?:都|具体|分别)?(?:是|有|在)?(?:哪些|哪几家|哪几个|哪一?家|谁家)(?:企业|单位|公司|厂家?)?"
    r"(?:的|在搞|在做|在干)?(?:呢|啊|吧)?[?？]?$|"  # "都是哪家企业的": whose they are, no new condition
    r"^(?:都|全)?列(?:出来|一下)"
)
_ITEMS = r"分别(?:叫|是(?!多少|几))|叫什么|名称|名字|都是哪|是哪些|是哪几|具体是|明细|列出|列一下"
PROFILE = (
    r"法人|法定代表人|法代|安全负责人|安全员|负责人|老板|老总|董事长|厂长|联系人|电话|联系方式|怎么联系|手机|地址|"
    r"在哪|在哪里|基本信息|员工|多少人|几个人|规模多大|什么行业|监管等级"
)
# An accident kind asked about with what to do / who commands / which level: the plan's business.
_ACCIDENT = (
    r"泄漏|泄露|漏了|爆炸|炸了|中毒|窒息|火灾|着火|起火|失火|山火|坍塌|倒塌|塌了|塌方|灼伤|烫伤|喷溅|触电|淹溺|"
    r"落水|溺水|晕倒|昏倒|昏迷|被困|困人|踩踏|漫堤|决口|内涝|"
    r"地震|台风|洪水|洪涝|暴雨|滑坡|泥石流|车祸|交通事故|"  # disasters and road accidents have plans too
    # what happened said as it is seen: "钢板掉下来砸到人", "钢瓶漏氯了", "两车追尾", "槽罐车侧翻"
    r"被电(?:到|击|伤)|电到人|(?<![火引])爆了|"  # "配电间有人被电到了", "车间刚刚爆了"
    r"砸(?:到|伤|中|死)|掉下来|坠落|压伤|夹伤|绞伤|卷入|追尾|相撞|撞(?:人|车)|侧翻|翻车|漏(?:氯|氨|气|油|液)|"
    r"卷进|绞进|冲料|飞温|超温"  # process upsets at a reactor or column (反应釜冲料, 精馏塔飞温)
)
# A plan's reporting, warning or end of response asked about an accident ("镇里接报后多久要报到市里")
_ACCIDENT_WORDS = re.compile(_ACCIDENT)
_PLAN_MATTER = _ACCIDENT + r"|事故|险情|预案|应急|出了?(?:点|个)?事|出事"  # "有限空间出了事，多久要报"

# "二级响应谁指挥", "启动Ⅲ级应急响应": a response level said is a plan question whatever else it names
_LEVEL_RESPONSE = r"(?<![A-Za-z])(?:IV|III|II|I|[一二三四1-4ⅠⅡⅢⅣ])\s*级(?:应急)?(?:响应|处置)"
# What only a plan answers: the response level or its command, asked with no level said
_PLAN_ONLY = (
    r"几级(?:应急)?响应|(?:启动|算|是|属于?)(?:什么|哪个|哪一?|几)级|应急响应|响应(?:级别|等级)|谁(?:来)?指挥"
)
_RESPONSE = (
    r"先做|先干|先弄|怎么办|咋办|咋整|怎么弄|(怎么|如何|咋)(处置|处理|应对|救)|处置(?![了完中过])|谁指挥|指挥|谁牵头|牵头|谁负责|"
    r"[一二三四1-4IⅠⅡⅢⅣ]+级|(?:算|是|属于?|定|启动|按)几级|响应|通知谁|"  # "这种算几级"
    # "现场第一步该做什么", "要在多长时间内上报": the steps and the reporting a plan lays down
    r"第一步|首先(?:要|应该?|得)|(?:该|要|应该|需要)[做干](?:什么|啥|哪些|嘛)|采取(?:什么|哪些|啥)措施|"
    r"多长时间内?(?:上报|报告|报送)|(?:上报|报告|报送)(?:时限|时间要求)|几分钟内(?:上报|报告)"
)
_FAMILIES = {
    "hazard": ("hazard_list", "overdue_hazards", "hazard_count", "hazard_count_by_town"),
    "hazard_source": ("hazard_source_list", "hazard_source_enterprises", "hazard_source_count_by_level"),
    "enterprise": ("enterprise_list", "enterprise_count", "enterprise_count_by_town"),
    "event": ("events_recent", "event_count_by_type"),
    "inspection": ("inspection_list", "inspection_count"),
    "penalty": ("penalty_list", "penalty_total"),
    "camera": ("cameras_offline", "camera_count"),
}


def asks_plan(text: str) -> bool:
    """A response level, or an accident with what to do about it: a plan question, whose firm may be
    one the city's records do not hold (its own plan names it)."""
    return (
        _has(_LEVEL_RESPONSE, text)
        or ((_has(_ACCIDENT, text) or more_accident(text)) and _has(_RESPONSE, text))
        or incident_report(text, _ACCIDENT_WORDS)
        or asks_which_plan(text, _ACCIDENT_WORDS)  # "我们镇一家五金厂粉尘爆炸了，走哪个预案"
        # "台风要来，澄泰新材料公司该发几级预警": its own plan's warning table
        or WARNING_ASKED.search(text) is not None
    )


def asks_plan_prose(text: str) -> bool:
    """What a plan lays down in prose: reporting, warnings, the end of a response, where people are
    taken, who releases information."""
    # 应急避难场所 names a kind of place, not an accident
    plan_matter = _has(_PLAN_MATTER, SHELTER_NOUN.sub("", text)) or more_accident(text)
    return (
        (_has(REPORT_ASKED.pattern, text) and plan_matter)
        or _has(WARNING_ASKED.pattern, text)
        or (_has(ENDING_ASKED.pattern, text) and _has(_PLAN_MATTER, text))
        or asks_shelter(text, plan_matter)
        or asks_release(text, plan_matter)
    )


def plan_question(text: str) -> bool:
    """An accident asked about, or a plan's prose asked (a report limit of "一家化工厂"): its firm may be
    one the city's records do not hold."""
    return asks_plan(text) or asks_plan_prose(text)


def counts(text: str) -> bool:
    return _has(_COUNT, text) and not _has(_ITEMS, text)


def family(intent: str | None) -> str | None:
    return next((f for f, ids in _FAMILIES.items() if intent in ids), None)


def route(text: str, slots: Slots, *, has_enterprise: bool = False) -> RouteDecision:
    """The intent for a normalised question; ``has_enterprise``: an enterprise was named or referred to."""
    ent = has_enterprise or slots.enterprise_mention_strong
    if (asked := asked_part(text)) != text:  # "明天检查组要去申港，先看看…": the context is no question
        found = route(asked, slots, has_enterprise=has_enterprise)
        if found.intent is not None and found.confidence >= CONFIDENT:
            return found

    def hit(intent: str, reason: str, confidence: float = CONFIDENT) -> RouteDecision:
        return RouteDecision(intent, confidence, reason)

    if ent and kind_asked(text):  # "信力树脂是不是危化企业": that firm's profile, not every such firm
        return hit("enterprise_profile", "是否某类企业")
    if _has(_LEVEL_RESPONSE, text):
        return hit("plan_for", "响应级别")
    if incident_report(text, _ACCIDENT_WORDS):  # "申港一家厂仓库起火了，有人被困": the plan for it
        return hit("plan_for", "事故报告")
    # "临港那家化工厂的工人平均工资": no template holds the figure; answering the rest of the question
    # (化工厂 + 多少 = a count) would be confident and wrong. Weather may describe an accident scene.
    if _has(_FIGURES, text) or NOT_HELD_DETAIL.search(text):  # also 租金, 工号, 供应商: no node holds them
        return RouteDecision(None, 0.0, "图中没有的数据")
    if _has(_ELSEWHERE, text):  # "张家港今天有没有动火": another city's records are not in the graph
        return RouteDecision(None, 0.0, "江阴以外")
    # "今晚十点半临港谁在岗", "昨晚谁值的班"
    # "现在在值的是谁", "今晚夜班谁值", "明天白班": the shift words of the duty room (chat-robust19)
    # not "值班员打电话说…起火了"; not "我是夏港街道值班的，…多长时间内要报给市防指" (the caller, no roster asked)
    if DUTY.search(text) and not (names_only_posts(text) and (asks_plan(text) or asks_plan_prose(text) or "预案" in text)):  # fmt: skip
        return hit("duty_now", "值班")
    record = record_slots(text)  # leases by landlord type or review, team equipment, drills
    if (record_hit := route_record(text, record, counted=counts(text), has_enterprise=ent, plan_asked=asks_plan(text))) is not None:  # fmt: skip
        return hit(*record_hit)
    if (_has(_STOCK, text) or MATERIAL.search(text)) and _has(_SHORTAGE, text):  # "沙袋够不够"
        return hit("materials_low_stock", "物资库存不足")
    # "几分钟内要报市里", "蓝色预警谁发布", "什么时候结束响应": what a plan lays down in prose
    # "安置点在哪里", "新闻发布由哪个组负责" asked of an accident or a flood: the plan's line, not a distance
    # search over shelters nor the recent events
    if asks_plan_prose(text):
        return hit("plan_for", "预案条文")
    # "仓库起火了用哪个预案": the 仓库 is the scene, the question is the plan's; "X仓库里放了什么危险化学品"
    # asks what the firm stores (its chemicals), not for the nearest warehouse.
    stored = ent and _has(
        r"(?:放|存|储存|存放|堆)[了着]?(?:些)?(?:什么|哪些|啥|哪几种)(?:危险化学品|危化品|化学品|危险品)",
        text,
    )
    # "需要疏散周边村民", "人已撤离": who is moved out, not how near a resource is
    near = _has(
        r"最近|就近|距离|靠近|(?<![撤隔脱分])离|(?<!疏散)(?:附近|周边|周围)(?!的?(?:群众|村民|居民|人员))",
        text,
    )
    # "…5个人中毒送医院了，谁指挥" / "…仓库着火，谁指挥": the hospital or warehouse is the scene, not the ask
    said_as_plan = (_has(_ACCIDENT, text) or more_accident(text)) and _has(_RESPONSE, text)
    # a response level or command asked is never a resource search ("仓库里有桶在漏，镇里算几级响应")
    plan_only = _has(r"预案|" + _PLAN_ONLY, text)
    if slots.resource_kind and not stored and not plan_only and (near or ((ent or slots.town) and not said_as_plan)):  # fmt: skip
        return hit("nearest_resources", "最近的资源")
    if _has(
        r"预案|明白卡|响应级别|应急响应|响应等级|几级响应|启动.{0,4}响应|(怎么|如何)处置|处置(流程|措施|方案|程序)|"
        r"应急指挥部|(?:事故|应急)总指挥|谁是总指挥|总指挥是谁|"  # the command a plan sets up (…指挥部总指挥是谁)
        r"(?:什么|哪个|哪一?)(?:级别|等级|级)的?响应",  # "应该按什么级别响应"
        text,
    ):
        return hit("plan_for", "预案")
    if (_has(_ACCIDENT, text) or more_accident(text)) and _has(_RESPONSE, text):  # "氯气泄漏先做什么"
        return hit("plan_for", "事故处置")
    if _has(LEASE, text):
        # "跟谁租的", "X的房东是谁": X's landlord; "房东是X的", "X这个二房东": X is the landlord (lessees)
        if (
            ent
            and not _has(r"租给", text)
            and _has(
                r"(?:向|跟|找|从)(?:谁|哪家|哪个)|(?<!二)房东(?!是(?!谁|哪))|出租方(?!清单|名单|有哪)|出租人|业主|"
                r"厂房是?(?:谁|哪家)|(?:谁|哪)家的?(?:厂房|房子|场地)|在(?:谁家?|哪家)的?(?:厂房|厂子|房子|场地)|"  # "X在谁的厂子里"
                r"租(?!给)(?:的|了|用)?是?[^给]{0,2}?(?:谁|哪家|哪个)",
                text,
            )
        ):
            return hit("lessors_of_enterprise", "承租方查出租方")
        if ent:
            return hit("lessees_of_lessor", "出租方查承租企业")
        return hit("lessor_list", "出租方清单")
    if ent and not stored and _has(PROFILE, text) and not _has(r"隐患|处罚|检查|作业|告警|传感器|摄像", text):
        return hit("enterprise_profile", "企业基本信息")
    # the firm's own name may hold 化学品 (联安化学品): only the rest of the question asks for its chemicals
    if (
        _has(r"危化品|化学品|危险品|储存|存了|储量", text.replace(slots.enterprise_mention or "\0", " "))
        and ent
    ):
        return hit("enterprise_chemicals", "企业危化品")
    if _has(r"风险点|风险源|风险等级", text):
        return hit("risk_points", "风险点")
    if _has(r"危险源", text):
        if (
            _has(r"各级|各等级|按等级|按级别|分别(?!叫|是(?!多少|几))|每个等级|等级分布|级别分布", text)
            or (
                counts(text)
                and _has(
                    r"各|每|分别|分级|统计|汇总|分布", text
                )  # a bare "全市有多少个" is the sources counted
                and slots.mhs_level is None
                and not ent
                and "chemical" not in record
                and not _has(r"企业|单位|公司", text)
            )
        ):  # one firm's "有几个重大危险源", or "存甲苯的…有几个", counts its sources (a total), not a table by level
            return hit("hazard_source_count_by_level", "危险源按等级统计")
        # "有二级危险源的" / "其中有重大危险源的呢": the ones that have a source are enterprises
        # a named firm's legal suffix (…有限公司有没有重大危险源) asks for its sources, not for firms
        asked = re.sub(r"(?:股份)?有限(?:责任)?公司|分公司|集团公司", "", text) if ent else text
        if _has(r"企业|单位|公司|哪家|哪几家|谁家|哪些厂|有[一二三四1-4]?级?(?:重大)?危险源的", asked):
            return hit("hazard_source_enterprises", "有危险源的企业")
        return hit("hazard_source_list", "危险源清单")
    if _has(r"隐患|问题整改|整改|逾期|超期", text):  # only hazards have deadlines
        if _has(GROUPED, text):  # "各街道逾期隐患数" too: per town, with the overdue filter
            return hit("hazard_count_by_town", "各镇隐患统计")
        if slots.overdue:
            return hit("overdue_hazards", "逾期隐患")
        if counts(text):
            return hit("hazard_count", "隐患数量")
        return hit("hazard_list", "隐患清单")
    if _has(
        r"传感器|监测设备|监测点|在线监测|探测器|物联|仪表|[监检]测仪|检测设备|监测探头", text
    ):  # 探头 alone: a camera
        if _has(_ALARM + r"|超限|预警|异常|超标", text):
            return hit("sensors_alarming", "传感器报警")
        if counts(text) and not _has(
            r"离线|掉线|不在线|断线|连不上|失联|故障", text
        ):  # every sensor (ADR 0018)
            return hit("sensor_count", "传感器数量")
        return hit("sensors_offline", "传感器离线")
    if camera_point(text):  # "罐区那个摄像头报过几次警": that point's alarms, not the cameras
        return hit("events_recent", "摄像头点位报警")
    if _has(r"摄像|监控|视频|(?<!监测)探头|点位", text):
        # a camera that is down shows nothing: "黑屏了", "没画面", "看不到图像"
        if _has(r"离线|掉线|不在线|断线|故障|坏了|断网|连不上|失联|" + CAMERA_DARK, text):
            return hit("cameras_offline", "摄像头离线")
        return hit("camera_count", "摄像头数量")
    if _has(r"离线|掉线|不在线|断线|连不上|失联", text):  # "哪些现在连不上了"
        return hit("sensors_offline", "设备离线")
    # a bare 作业 counted or listed is the operations: "本街道今天有几个作业", "在搞啥作业"
    bare_work = r"(?:几个|几处|几项|哪些|哪几个|什么|啥|有没有|多少)作业(?!人员|企业|单位)"
    if slots.op_type or _has(r"特殊作业|危险作业|八大作业|作业票|" + bare_work, text):
        return hit("special_operations", "特殊作业")
    if _has(PENALTY, text):
        # "被罚的企业有哪些，各罚了多少钱": the list, whose rows carry each amount; not the sum
        listed = _has(r"哪些|哪几|哪家|名单|清单|分别|各[自家]?罚|列出|明细", text)
        if not listed and (_has(r"多少钱|总额|金额|多少元", text) or counts(text)):
            return hit("penalty_total", "处罚统计")
        return hit("penalty_list", "处罚清单")
    if _has(r"检查|执法|巡查|查了|查过|被查|抽查|督查|来查|夜查|复查", text):
        if counts(text):
            return hit("inspection_count", "检查次数")
        return hit("inspection_list", "检查记录")
    if (
        slots.event_type
        or _has(_HAPPENED, text)
        or slots.event_status
        or slots.event_level
        or _has(_ALARM + r"|事件|警情|预警|报告|事故", text)
    ):
        if _has(
            r"各类|各种|每种|每类|几类|按类型|按类别|按种类|类型分布|类别分布|分别|统计|哪类|哪种|什么类型",
            text,
        ):
            return hit("event_count_by_type", "事件按类型统计")
        return hit("events_recent", "近期事件")
    enterprise_filter = "chemical" in record or any(
        v is not None
        for v in (slots.category, slots.category_group, slots.key_domain, slots.scale,
                  slots.responsibility_class, slots.dishonest)
    )  # fmt: skip
    if not ent and (
        _has(r"概况|安全形势|总览|概览|" + _WATCH_OUT + "|" + _TOP_ISSUES, text)
        or (_has(r"怎么样|咋样|怎样", text) and not asks_how_something_else_is(text, slots))
        or (_has("情况", text) and not enterprise_filter and not _has(GROUPED, text))
    ):  # "华士的情况"; "有限空间企业在各镇的分布情况" is a per-town count; "股市怎么样" is not ours
        return hit("town_overview", "镇街概况")
    # "其中哪些在临港", "都是哪些" about a set of enterprises (a composed answer's): which of them, by the
    # town said, not each one's profile
    if (
        ent
        and (_has(BARE_LIST, text) or (slots.town and _has(r"哪些|哪几|哪家", text)))
        and not _has(PROFILE, text)
    ):
        # not confident: a scoped firm's "都列出来" after its hazard count is the hazards (follow-up rules)
        return hit("enterprise_count" if counts(text) else "enterprise_list", "其中哪些企业", GENERIC)
    # "一共有多少家厂子", "几家厂": the spoken word for enterprises (not 厂房, 厂区, 厂里, 厂长, 厂中厂)
    if enterprise_filter or _has(
        r"企业|公司|单位|厂家|工厂|名单|厂子|(?:几|多少)[家个]厂(?![房区里长中])", text
    ):
        if _has(GROUPED, text):
            return hit("enterprise_count_by_town", "各镇企业数量")
        if counts(text):
            return hit("enterprise_count", "企业数量")
        if ent and not enterprise_filter:
            return hit("enterprise_profile", "企业信息", GENERIC)
        return hit("enterprise_list", "企业清单", CONFIDENT if enterprise_filter else GENERIC)
    if ent and not _has(_NOT_HELD, text):  # "嘉汇化学去年的营业收入": not in the graph, declined
        return hit("enterprise_profile", "只提到企业", GENERIC)
    return RouteDecision(None, 0.0, "无匹配规则")
