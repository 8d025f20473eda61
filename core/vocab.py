"""Closed vocabularies of the safety domain.

Values are the Chinese terms used in Jiangyin's regulations and UI; member names are English.
They are stored verbatim in the graph so that Chinese questions and filters match them directly.
"""

from __future__ import annotations

from enum import StrEnum


class TownKind(StrEnum):
    TOWN = "镇"
    SUBDISTRICT = "街道"
    DEVELOPMENT_ZONE = "开发区"


class CategoryGroup(StrEnum):
    INDUSTRY_TRADE = "工贸"
    HAZARDOUS_CHEMICALS = "危化"
    OTHER = "其他"


class EnterpriseCategory(StrEnum):
    # The eight 工贸 industries (应急管理部 工贸行业分类)
    METALLURGY = "冶金"
    NONFERROUS = "有色"
    BUILDING_MATERIALS = "建材"
    MACHINERY = "机械"
    LIGHT_INDUSTRY = "轻工"
    TEXTILE = "纺织"
    TOBACCO = "烟草"
    COMMERCE = "商贸"
    # 危化 enterprise types
    CHEM_PRODUCTION = "危化品生产"
    GENERAL_CHEMICAL = "一般化工"
    CHEM_TRADING_STORAGE = "危化品经营(带储存)"
    CHEM_USING = "使用危化品的化工企业"
    PHARMACEUTICAL = "医药"
    GAS_STATION = "加油站"
    OTHER = "其他"

    @property
    def group(self) -> CategoryGroup:
        if self in _INDUSTRY_TRADE:
            return CategoryGroup.INDUSTRY_TRADE
        if self is EnterpriseCategory.OTHER:
            return CategoryGroup.OTHER
        return CategoryGroup.HAZARDOUS_CHEMICALS


_INDUSTRY_TRADE = frozenset(
    {
        EnterpriseCategory.METALLURGY,
        EnterpriseCategory.NONFERROUS,
        EnterpriseCategory.BUILDING_MATERIALS,
        EnterpriseCategory.MACHINERY,
        EnterpriseCategory.LIGHT_INDUSTRY,
        EnterpriseCategory.TEXTILE,
        EnterpriseCategory.TOBACCO,
        EnterpriseCategory.COMMERCE,
    }
)


class KeyDomain(StrEnum):
    """工贸 key-domain flags (重点领域)."""

    USES_HAZARDOUS_CHEMICALS = "使用危化品"
    COMBUSTIBLE_DUST = "粉尘涉爆"
    AMMONIA_REFRIGERATION = "涉氨制冷"
    DEEP_WELL_CASTING = "深井铸造"
    CONFINED_SPACE = "有限空间"
    STEEL = "钢铁"
    MEDIUM_FREQUENCY_FURNACE = "中频炉"


class EnterpriseScale(StrEnum):
    LARGE = "大型"
    MEDIUM = "中型"
    SMALL = "小型"
    MICRO = "微型"


class ResponsibilityClass(StrEnum):
    """A/B/C/D 安全生产分级分类监管等级 (A = highest supervision intensity)."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"


class LessorType(StrEnum):
    LEGAL_PERSON = "企业法人"
    SOLE_PROPRIETOR = "个体工商户"
    NATURAL_PERSON = "自然人"
    COLLECTIVE = "集体资产"
    OTHER = "其他"


class LessorGrade(StrEnum):
    RED = "红"
    YELLOW = "黄"
    BLUE = "蓝"


class SensorType(StrEnum):
    TEMPERATURE = "温度"
    LEVEL = "液位"
    PRESSURE = "压力"
    CONCENTRATION = "浓度"
    VIDEO = "视频"
    OTHER = "其他"


class RiskLevel(StrEnum):
    MAJOR = "重大"
    SIGNIFICANT = "较大"
    GENERAL = "一般"
    LOW = "低"

    @property
    def colour(self) -> str:
        return {"重大": "红", "较大": "橙", "一般": "黄", "低": "蓝"}[self.value]


class HazardLevel(StrEnum):
    GENERAL = "一般"
    MAJOR = "重大"


class HazardSource(StrEnum):
    ENFORCEMENT = "执法"
    THIRD_PARTY = "第三方"
    SELF_INSPECTION = "企业自查"
    IOT = "物联"
    VIDEO = "视频"


class HazardStatus(StrEnum):
    """Lifecycle 待整改 → 整改中 → 已整改 → 已验收; 逾期 is derived from the deadline, not stored."""

    PENDING = "待整改"
    RECTIFYING = "整改中"
    RECTIFIED = "已整改"
    VERIFIED = "已验收"

    @property
    def is_closed(self) -> bool:
        return self in (HazardStatus.RECTIFIED, HazardStatus.VERIFIED)


class SpecialOperationType(StrEnum):
    HOT_WORK = "动火"
    CONFINED_SPACE = "受限空间"
    WORK_AT_HEIGHT = "高处"
    LIFTING = "吊装"
    TEMPORARY_POWER = "临时用电"
    BLIND_PLATE = "盲板抽堵"
    ROAD_BREAKING = "断路"
    EXCAVATION = "动土"


class ResourceKind(StrEnum):
    TEAM = "team"
    EQUIPMENT = "equipment"
    EXPERT = "expert"
    MATERIAL = "material"
    MEDICAL = "medical"
    SHELTER = "shelter"


class DutyLevel(StrEnum):
    CITY = "市"
    TOWN = "镇"


class EventSource(StrEnum):
    VIDEO_ALGORITHM = "视频算法"
    IOT_THRESHOLD = "物联阈值"
    MANUAL_REPORT = "人工上报"


class EventLevel(StrEnum):
    RED = "红色"
    ORANGE = "橙色"
    YELLOW = "黄色"
    BLUE = "蓝色"


class EventStatus(StrEnum):
    PENDING_REVIEW = "待研判"
    CONFIRMED = "正报"
    FALSE_ALARM = "误报"
    DISPATCHED = "已派发"
    RESOLVED = "已处置"


class EventType(StrEnum):
    SMOKE = "烟雾"
    FIRE = "火焰"
    NO_HELMET = "未戴安全帽"
    FIRE_LANE_BLOCKED = "消防通道占用"
    NO_REFLECTIVE_VEST = "未穿反光衣"
    PERSON_INTRUSION = "人员闯入"
    EBIKE_IN_ELEVATOR = "电瓶车进电梯"
    SMOKING = "抽烟"
    OVER_TEMPERATURE = "温度超限"
    OVER_PRESSURE = "压力超限"
    LEVEL_ABNORMAL = "液位异常"
    GAS_LEAK = "可燃气体泄漏"
    TOXIC_GAS = "有毒气体超标"
    MANUAL_LEAK = "泄漏报告"
    MANUAL_FIRE = "火情报告"
    MANUAL_INJURY = "人员受伤"


class AccidentType(StrEnum):
    """Accident/disaster types an emergency plan applies to (GB 6441 classes plus plan topics)."""

    HAZARDOUS_CHEMICALS = "危险化学品事故"
    FIRE = "火灾"
    EXPLOSION = "爆炸"
    LEAK = "泄漏"
    POISONING = "中毒和窒息"
    ELECTRIC_SHOCK = "触电"
    MECHANICAL = "机械伤害"
    LIFTING = "起重伤害"
    FALL = "高处坠落"
    OBJECT_STRIKE = "物体打击"
    COLLAPSE = "坍塌"
    BURN = "灼烫"
    VEHICLE = "车辆伤害"
    DROWNING = "淹溺"
    CONFINED_SPACE = "有限空间"
    DUST_EXPLOSION = "粉尘爆炸"
    FLOOD = "洪涝灾害"
    TYPHOON = "台风"
    SPECIAL_EQUIPMENT = "特种设备事故"
    GAS = "燃气事故"
    CONSTRUCTION = "建筑施工事故"
    ROAD_TRAFFIC = "道路交通事故"
    EARTHQUAKE = "地震灾害"
    NATURAL_DISASTER = "自然灾害"


# Words in plan titles and scopes → AccidentType value. Kept next to the enum: the one list.
ACCIDENT_TYPE_SYNONYMS: dict[str, str] = {
    "危险化学品": "危险化学品事故", "危化品": "危险化学品事故", "化学品": "危险化学品事故",
    "火灾": "火灾", "火情": "火灾", "着火": "火灾", "爆炸": "爆炸", "泄漏": "泄漏", "泄露": "泄漏",
    "中毒": "中毒和窒息", "窒息": "中毒和窒息", "触电": "触电", "机械伤害": "机械伤害",
    "起重伤害": "起重伤害", "高处坠落": "高处坠落", "物体打击": "物体打击", "坍塌": "坍塌",
    "灼烫": "灼烫", "烫伤": "灼烫", "车辆伤害": "车辆伤害", "淹溺": "淹溺", "溺水": "淹溺",
    "落水": "淹溺",  # "人员落水" is how wharf and scenic plans name drowning
    "起火": "火灾",
    "有限空间": "有限空间", "受限空间": "有限空间", "粉尘爆炸": "粉尘爆炸", "粉尘涉爆": "粉尘爆炸",
    "防汛": "洪涝灾害", "洪涝": "洪涝灾害", "洪水": "洪涝灾害", "内涝": "洪涝灾害",
    "台风": "台风", "防台": "台风", "特种设备": "特种设备事故",
    "燃气": "燃气事故", "天然气": "燃气事故", "液化石油气": "燃气事故", "液化气": "燃气事故",
    "建筑施工": "建筑施工事故", "建设工程施工": "建筑施工事故", "道路交通": "道路交通事故",
    # a builder's own plan names its site, not the sector: "X工程施工现场发生的高处坠落…"
    "施工现场": "建筑施工事故", "工程施工": "建筑施工事故",
    "交通事故": "道路交通事故", "地震": "地震灾害", "自然灾害": "自然灾害",
    "地质灾害": "自然灾害",  # 崩塌 / 滑坡 / 地面塌陷: the closed list has no class of its own for them
    "可燃性粉尘": "粉尘爆炸",
}  # fmt: skip
# Words that contain a synonym but name no accident type: "可燃气体检测仪" is not a 燃气 accident.
ACCIDENT_TYPE_NON_WORDS: tuple[str, ...] = ("可燃气体", "燃气体", "助燃气")
