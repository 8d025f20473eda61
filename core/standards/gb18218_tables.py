"""Data tables of GB 18218-2018《危险化学品重大危险源辨识》.

* ``TABLE1``   — 表1 危险化学品名称及其临界量 (85 named chemicals, Q in tonnes, CAS numbers).
* ``CATEGORIES`` — 表2 未在表1中列举的危险化学品类别及其临界量, merged with
  表4 未在表3中列举的危险化学品校正系数 β (both keyed by the J/W symbols of the standard).
* ``TABLE3_BETA`` — 表3 毒性气体校正系数 β, keyed by the 表1 entry number.
* ``ALPHA_BANDS`` — 表5 暴露人员校正系数 α; ``LEVEL_THRESHOLDS`` — 表6 分级标准.

Transcribed from the 2018 text; the numbers, names and CAS numbers were cross-checked against an
independent extraction of the standard's PDF. Column ``default_categories`` is NOT part of the
standard: it is our approximate GHS classification (危险化学品目录 2015 style) of each 表1
chemical, used only to pick β from 表4 when the chemical is not in 表3 and the caller supplies no
category. Entries marked ``approx=True`` have a β-relevant classification we are unsure of.
Numbers are ``Fraction`` so that S/R boundaries (S = 1, R = 10/50/100) compare exactly.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction
from types import MappingProxyType
from typing import Final


class HazardCategory(StrEnum):
    """Hazard symbols of 表2/表4 (J = 健康危害, W = 物理危险)."""

    J1 = "J1"
    J2 = "J2"
    J3 = "J3"
    J4 = "J4"
    J5 = "J5"
    W1_1 = "W1.1"
    W1_2 = "W1.2"
    W1_3 = "W1.3"
    W2 = "W2"
    W3 = "W3"
    W4 = "W4"
    W5_1 = "W5.1"
    W5_2 = "W5.2"
    W5_3 = "W5.3"
    W5_4 = "W5.4"
    W6_1 = "W6.1"
    W6_2 = "W6.2"
    W7_1 = "W7.1"
    W7_2 = "W7.2"
    W8 = "W8"
    W9_1 = "W9.1"
    W9_2 = "W9.2"
    W10 = "W10"
    W11 = "W11"


@dataclass(frozen=True, slots=True)
class CategoryRow:
    """One row of 表2 (critical quantity) joined with 表4 (β)."""

    hazard_class: str
    description: str
    critical_t: Fraction
    beta: Fraction


def _row(hazard_class: str, description: str, q: str, beta: str) -> CategoryRow:
    return CategoryRow(hazard_class, description, Fraction(q), Fraction(beta))


_HC = HazardCategory
CATEGORIES: Final[Mapping[HazardCategory, CategoryRow]] = MappingProxyType(
    {
        _HC.J1: _row("急性毒性", "类别1，所有暴露途径，气体", "5", "4"),
        _HC.J2: _row("急性毒性", "类别1，所有暴露途径，固体、液体", "50", "1"),
        _HC.J3: _row("急性毒性", "类别2、类别3，所有暴露途径，气体", "50", "2"),
        _HC.J4: _row("急性毒性", "类别2、类别3，吸入途径，液体（沸点≤35℃）", "50", "2"),
        _HC.J5: _row("急性毒性", "类别2，所有暴露途径，液体（除J4外）、固体", "500", "1"),
        _HC.W1_1: _row("爆炸物", "不稳定爆炸物；1.1项爆炸物", "1", "2"),
        _HC.W1_2: _row("爆炸物", "1.2、1.3、1.5、1.6项爆炸物", "10", "2"),
        _HC.W1_3: _row("爆炸物", "1.4项爆炸物", "50", "2"),
        _HC.W2: _row("易燃气体", "类别1和类别2", "10", "1.5"),
        _HC.W3: _row("气溶胶", "类别1和类别2（临界量按净重计）", "150", "1"),
        _HC.W4: _row("氧化性气体", "类别1", "50", "1"),
        _HC.W5_1: _row("易燃液体", "类别1；类别2和3，工作温度高于沸点", "10", "1.5"),
        _HC.W5_2: _row(
            "易燃液体",
            "类别2和3，具有引发重大事故的特殊工艺条件（危险化工工艺、爆炸极限范围或附近操作、"
            "操作压力大于1.6MPa等）",
            "50",
            "1",
        ),
        _HC.W5_3: _row("易燃液体", "不属于W5.1或W5.2的其他类别2", "1000", "1"),
        _HC.W5_4: _row("易燃液体", "不属于W5.1或W5.2的其他类别3", "5000", "1"),
        _HC.W6_1: _row("自反应物质和混合物", "A型和B型", "10", "1.5"),
        _HC.W6_2: _row("自反应物质和混合物", "C型、D型、E型", "50", "1"),
        _HC.W7_1: _row("有机过氧化物", "A型和B型", "10", "1.5"),
        _HC.W7_2: _row("有机过氧化物", "C型、D型、E型、F型", "50", "1"),
        _HC.W8: _row("自燃液体和自燃固体", "类别1", "50", "1"),
        _HC.W9_1: _row("氧化性固体和液体", "类别1", "50", "1"),
        _HC.W9_2: _row("氧化性固体和液体", "类别2、类别3", "200", "1"),
        _HC.W10: _row("易燃固体", "类别1", "200", "1"),
        _HC.W11: _row("遇水放出易燃气体的物质和混合物", "类别1和类别2", "200", "1"),
    }
)


@dataclass(frozen=True, slots=True)
class Table1Entry:
    """One row of 表1. ``aliases`` includes the standard's 别名 plus common names we accept."""

    no: int
    name: str
    aliases: tuple[str, ...]
    cas: tuple[str, ...]
    critical_t: Fraction
    default_categories: tuple[HazardCategory, ...]
    approx: bool = False


def _e(no: int, name: str, aliases: str, cas: str, q: str, cats: str, *, approx: bool = False) -> Table1Entry:
    return Table1Entry(
        no=no,
        name=name,
        aliases=tuple(a for a in aliases.split(";") if a),
        cas=tuple(c for c in cas.split() if c),
        critical_t=Fraction(q),
        default_categories=tuple(HazardCategory(c) for c in cats.split()),
        approx=approx,
    )


# fmt: off
TABLE1: Final[tuple[Table1Entry, ...]] = (
    _e(1, "氨", "液氨;氨气", "7664-41-7", "10", "W2 J3"),
    _e(2, "二氟化氧", "一氧化二氟", "7783-41-7", "1", "W4 J1", approx=True),
    _e(3, "二氧化氮", "", "10102-44-0", "1", "W4 J1"),
    _e(4, "二氧化硫", "亚硫酸酐", "7446-09-5", "20", "J3"),
    _e(5, "氟", "氟气", "7782-41-4", "1", "W4 J3", approx=True),
    _e(6, "碳酰氯", "光气", "75-44-5", "0.3", "J1"),
    _e(7, "环氧乙烷", "氧化乙烯", "75-21-8", "10", "W2 J3"),
    _e(8, "甲醛（含量>90%）", "蚁醛", "50-00-0", "5", "W2 J3", approx=True),
    _e(9, "磷化氢", "磷化三氢;膦", "7803-51-2", "1", "W2 J1"),
    _e(10, "硫化氢", "", "7783-06-4", "5", "W2 J3"),
    _e(11, "氯化氢（无水）", "氯化氢", "7647-01-0", "20", "J3"),
    _e(12, "氯", "液氯;氯气", "7782-50-5", "5", "W4 J3"),
    # CO itself is not a separate 表1 row; it is covered by 煤气 and carries β from 表3.
    _e(13, "煤气（CO，CO和H2、CH4的混合物等）", "煤气;一氧化碳", "630-08-0", "20", "W2 J3"),
    _e(14, "砷化氢", "砷化三氢;胂", "7784-42-1", "1", "W2 J3", approx=True),
    _e(15, "锑化氢", "三氢化锑;锑化三氢;䏲", "7803-52-3", "1", "W2 J3", approx=True),
    _e(16, "硒化氢", "", "7783-07-5", "1", "W2 J3", approx=True),
    _e(17, "溴甲烷", "甲基溴", "74-83-9", "10", "J3"),
    _e(18, "丙酮氰醇", "丙酮合氰化氢;2-羟基异丁腈;氰丙醇", "75-86-5", "20", "J2"),
    _e(19, "丙烯醛", "烯丙醛;败脂醛", "107-02-8", "20", "W5.3 J2"),
    _e(20, "氟化氢", "无水氟化氢", "7664-39-3", "1", "J2"),
    _e(21, "1-氯-2,3-环氧丙烷", "环氧氯丙烷;3-氯-1,2-环氧丙烷", "106-89-8", "20", "W5.4"),
    _e(22, "3-溴-1,2-环氧丙烷", "环氧溴丙烷;溴甲基环氧乙烷;表溴醇", "3132-64-7", "20", "W5.4"),
    _e(23, "甲苯二异氰酸酯", "二异氰酸甲苯酯;TDI", "26471-62-5", "100", "J5"),
    _e(24, "一氯化硫", "氯化硫", "10025-67-9", "1", "J5"),
    _e(25, "氰化氢", "无水氢氰酸", "74-90-8", "1", "W5.1 J2"),
    _e(26, "三氧化硫", "硫酸酐", "7446-11-9", "75", ""),  # no 表4 class: β = 1 assumed
    _e(27, "3-氨基丙烯", "烯丙胺", "107-11-9", "20", "W5.3 J5"),
    _e(28, "溴", "溴素", "7726-95-6", "20", "J5"),
    _e(29, "乙撑亚胺", "吖丙啶;1-氮杂环丙烷;氮丙啶", "151-56-4", "20", "W5.3 J2"),
    _e(30, "异氰酸甲酯", "甲基异氰酸酯", "624-83-9", "0.75", "W5.3 J2"),
    _e(31, "叠氮化钡", "叠氮钡", "18810-58-7", "0.5", "W1.1"),
    _e(32, "叠氮化铅", "", "13424-46-9", "0.5", "W1.1"),
    _e(33, "雷汞", "二雷酸汞;雷酸汞", "628-86-4", "0.5", "W1.1"),
    _e(34, "三硝基苯甲醚", "三硝基茴香醚", "28653-16-9", "5", "W1.1"),
    _e(35, "2,4,6-三硝基甲苯", "梯恩梯;TNT", "118-96-7", "5", "W1.1"),
    _e(36, "硝化甘油", "硝化丙三醇;甘油三硝酸酯", "55-63-0", "1", "W1.1"),
    # 37-41: same CAS 9004-70-0 → the CAS alone is ambiguous; the specific name is required.
    _e(37, "硝化纤维素[干的或含水(或乙醇)<25%]", "硝化纤维素;硝化棉", "9004-70-0", "1", "W1.1"),
    _e(38, "硝化纤维素(未改型的,或增塑的,含增塑剂<18%)", "硝化纤维素;硝化棉", "9004-70-0", "1", "W1.1"),
    _e(39, "硝化纤维素(含乙醇≥25%)", "硝化纤维素;硝化棉", "9004-70-0", "10", "W1.2"),
    _e(40, "硝化纤维素(含氮≤12.6%)", "硝化纤维素;硝化棉", "9004-70-0", "50", "W10"),
    _e(41, "硝化纤维素(含水≥25%)", "硝化纤维素;硝化棉", "9004-70-0", "50", "W10"),
    _e(42, "硝化纤维素溶液(含氮量≤12.6%,含硝化纤维素≤55%)", "硝化棉溶液", "9004-70-0", "50", "W5.3"),
    _e(43, "硝酸铵(含可燃物>0.2%,包括以碳计算的任何有机物,但不包括任何其他添加剂)", "硝酸铵",
       "6484-52-2", "5", "W1.1"),
    _e(44, "硝酸铵(含可燃物≤0.2%)", "硝酸铵", "6484-52-2", "50", "W9.2"),
    _e(45, "硝酸铵肥料(含可燃物≤0.4%)", "硝酸铵肥料", "", "200", "W9.2"),
    _e(46, "硝酸钾", "", "7757-79-1", "1000", "W9.2"),
    _e(47, "1,3-丁二烯", "联乙烯;丁二烯", "106-99-0", "5", "W2"),
    _e(48, "二甲醚", "甲醚;甲氧基甲烷", "115-10-6", "50", "W2"),
    _e(49, "甲烷,天然气", "甲烷;天然气;液化天然气;LNG;CNG;压缩天然气", "74-82-8 8006-14-2", "50", "W2"),
    _e(50, "氯乙烯", "乙烯基氯", "75-01-4", "50", "W2"),
    _e(51, "氢", "氢气", "1333-74-0", "5", "W2"),
    _e(52, "液化石油气(含丙烷、丁烷及其混合物)", "液化石油气;石油气(液化的);LPG;丙烷;丁烷;正丁烷",
       "68476-85-7 74-98-6 106-97-8", "50", "W2"),
    _e(53, "一甲胺", "氨基甲烷;甲胺", "74-89-5", "5", "W2"),
    _e(54, "乙炔", "电石气", "74-86-2", "1", "W2"),
    _e(55, "乙烯", "", "74-85-1", "50", "W2"),
    _e(56, "氧(压缩的或液化的)", "氧;液氧;氧气", "7782-44-7", "200", "W4"),
    _e(57, "苯", "纯苯", "71-43-2", "50", "W5.3"),
    _e(58, "苯乙烯", "乙烯苯", "100-42-5", "500", "W5.4"),
    _e(59, "丙酮", "二甲基酮", "67-64-1", "500", "W5.3"),
    _e(60, "2-丙烯腈", "丙烯腈;乙烯基氰;氰基乙烯", "107-13-1", "50", "W5.3"),
    _e(61, "二硫化碳", "", "75-15-0", "50", "W5.3", approx=True),
    _e(62, "环己烷", "六氢化苯", "110-82-7", "500", "W5.3"),
    _e(63, "1,2-环氧丙烷", "环氧丙烷;氧化丙烯;甲基环氧乙烷", "75-56-9", "10", "W5.1"),
    _e(64, "甲苯", "甲基苯;苯基甲烷", "108-88-3", "500", "W5.3"),
    _e(65, "甲醇", "木醇;木精", "67-56-1", "500", "W5.3"),
    _e(66, "汽油(乙醇汽油、甲醇汽油)", "汽油;乙醇汽油;甲醇汽油", "86290-81-5", "200", "W5.3", approx=True),
    _e(67, "乙醇", "酒精;无水乙醇", "64-17-5", "500", "W5.3"),
    _e(68, "乙醚", "二乙基醚", "60-29-7", "10", "W5.1"),
    _e(69, "乙酸乙酯", "醋酸乙酯", "141-78-6", "500", "W5.3"),
    _e(70, "正己烷", "己烷", "110-54-3", "500", "W5.3"),
    _e(71, "过乙酸", "过醋酸;过氧乙酸;乙酰过氧化氢", "79-21-0", "10", "W7.2 W5.4"),
    _e(72, "过氧化甲基乙基酮(10%<有效氧含量≤10.7%,含A型稀释剂≥48%)", "过氧化甲乙酮", "1338-23-4",
       "10", "W7.1", approx=True),
    _e(73, "白磷", "黄磷", "12185-10-3", "50", "W8 J5"),
    _e(74, "烷基铝", "三烷基铝", "", "1", "W8 W11"),
    _e(75, "戊硼烷", "五硼烷", "19624-22-7", "1", "W8 J2"),
    _e(76, "过氧化钾", "", "17014-71-0", "20", "W9.1"),
    _e(77, "过氧化钠", "双氧化钠;二氧化钠", "1313-60-6", "20", "W9.1"),
    _e(78, "氯酸钾", "", "3811-04-9", "100", "W9.1"),
    _e(79, "氯酸钠", "", "7775-09-9", "100", "W9.1"),
    _e(80, "发烟硝酸", "", "52583-42-3", "20", "W9.1"),
    _e(81, "硝酸(发红烟的除外,含硝酸>70%)", "硝酸", "7697-37-2", "100", "W9.2"),
    _e(82, "硝酸胍", "硝酸亚氨脲", "506-93-4", "50", "W9.2"),
    _e(83, "碳化钙", "电石", "75-20-7", "100", "W11"),
    _e(84, "钾", "金属钾", "7440-09-7", "1", "W11"),
    _e(85, "钠", "金属钠", "7440-23-5", "10", "W11"),
)
# fmt: on

# 表3 毒性气体校正系数 β: 表1 entry number → (name as printed in 表3, β).
TABLE3_BETA: Final[Mapping[int, tuple[str, Fraction]]] = MappingProxyType(
    {
        13: ("一氧化碳", Fraction(2)),
        4: ("二氧化硫", Fraction(2)),
        1: ("氨", Fraction(2)),
        7: ("环氧乙烷", Fraction(2)),
        11: ("氯化氢", Fraction(3)),
        17: ("溴甲烷", Fraction(3)),
        12: ("氯", Fraction(4)),
        10: ("硫化氢", Fraction(5)),
        20: ("氟化氢", Fraction(5)),
        3: ("二氧化氮", Fraction(10)),
        25: ("氰化氢", Fraction(10)),
        6: ("碳酰氯", Fraction(20)),
        9: ("磷化氢", Fraction(20)),
        30: ("异氰酸甲酯", Fraction(20)),
    }
)

# 表5 暴露人员校正系数 α: (minimum people within 500 m of the unit boundary, α), descending.
ALPHA_BANDS: Final[tuple[tuple[int, Fraction], ...]] = (
    (100, Fraction(2)),
    (50, Fraction(3, 2)),
    (30, Fraction(6, 5)),
    (1, Fraction(1)),
    (0, Fraction(1, 2)),
)

# 表6 重大危险源级别: (level, minimum R), descending; R below the last threshold is 四级.
LEVEL_THRESHOLDS: Final[tuple[tuple[int, Fraction], ...]] = (
    (1, Fraction(100)),
    (2, Fraction(50)),
    (3, Fraction(10)),
)
LEVEL_NAMES: Final[Mapping[int, str]] = MappingProxyType({1: "一级", 2: "二级", 3: "三级", 4: "四级"})
