"""A tiny hand-made city whose query answers are known exactly (contract tests)."""

from __future__ import annotations

from core.models import (
    Camera,
    Chemical,
    ChemicalStock,
    ClassAssessment,
    Department,
    DutyShift,
    Enterprise,
    Equipment,
    Event,
    Expert,
    Hazard,
    Inspection,
    LeaseAgreement,
    Lessor,
    MajorHazardSource,
    Penalty,
    Person,
    RescueTeam,
    Sensor,
    SpecialOperation,
    Town,
    Village,
)
from core.models.base import Entity
from core.standards.uscc import make_uscc

NOW = 1_764_000_000_000  # 2025-11-24 16:00 UTC (2025-11-25 00:00 Asia/Shanghai)
DAY = 86_400_000

A = make_uscc("9", "1", "320281", "MA1AAAA1")  # lessor, 危化, in 临港
B = make_uscc("9", "1", "320281", "MA1BBBB2")  # lessee of A
C = make_uscc("9", "1", "320281", "MA1CCCC3")  # 华士 textile


def entities() -> list[Entity]:
    ent = dict(scale="小型", responsibility_class="B", legal_rep="张三", safety_officer="李四", employees=50)
    return [
        Town(id="临港经济开发区", name="临港经济开发区", kind="开发区", lat=31.93, lon=120.17),
        Town(id="华士镇", name="华士镇", kind="镇", lat=31.83, lon=120.44),
        Village(id="华士镇/华西村", name="华西村", town="华士镇", lat=31.84, lon=120.43),
        Department(id="D-CITY", name="江阴市应急管理局", level="市"),
        Enterprise(id=A, name="江阴市澄星化工有限公司", town="临港经济开发区", address="临港经济开发区滨江西路1号",
                   category="危化品生产", key_domains=("使用危化品",), lat=31.930, lon=120.170, is_lessor=True,
                   **ent | {"responsibility_class": "A", "scale": "大型", "employees": 800}),
        Enterprise(id=B, name="江阴市小厂机械有限公司", town="临港经济开发区", address="临港经济开发区滨江西路1号3栋",
                   category="机械", key_domains=("粉尘涉爆", "有限空间"), lat=31.931, lon=120.171, **ent),
        Enterprise(id=C, name="江阴市华西纺织有限公司", town="华士镇", village="华士镇/华西村",
                   address="华士镇华西村1号", category="纺织", lat=31.84, lon=120.43, **ent),
        Lessor(id=A, name="江阴市澄星化工有限公司", lessor_type="企业法人", grade="黄", town="临港经济开发区",
               enterprise_id=A),
        LeaseAgreement(id="LA-1", lessor_id=A, lessee_id=B, area_m2=1200.5, lease_start=NOW - 400 * DAY,
                       lease_end=NOW + 300 * DAY),
        ClassAssessment(id=f"CA-{A}-2024", enterprise_id=A, year=2024, responsibility_class="B"),
        ClassAssessment(id=f"CA-{A}-2025", enterprise_id=A, year=2025, responsibility_class="A"),
        Chemical(id="7664-41-7", name="氨", cas="7664-41-7", critical_quantity_t=10),
        MajorHazardSource(id="MHS-1", enterprise_id=A, name="液氨储罐区", unit_type="储存单元", level=3,
                          s_value=2.0, r_value=12.0, alpha=1.5, exposed_people=60),
        ChemicalStock(id="CS-1", enterprise_id=A, hazard_source_id="MHS-1", chemical_id="7664-41-7",
                      quantity_t=20, critical_quantity_t=10),
        Sensor(id="S-1", enterprise_id=A, hazard_source_id="MHS-1", name="储罐液位", sensor_type="液位",
               unit="m", threshold_low=0.5, threshold_high=8.0, online=True, last_seen=NOW - 60_000),
        Sensor(id="S-2", enterprise_id=A, name="氨浓度", sensor_type="浓度", unit="ppm", threshold_high=25,
               online=False, last_seen=NOW - 3 * DAY),
        Sensor(id="S-3", enterprise_id=C, name="车间温度", sensor_type="温度", unit="℃", threshold_high=60,
               online=True, last_seen=NOW - 30_000),
        Camera(id="CAM-1", name="罐区东侧", town="临港经济开发区", enterprise_id=A, lat=31.9301, lon=120.1702,
               algorithms=("烟雾", "火焰")),
        Inspection(id="INS-1", enterprise_id=A, agency_id="D-CITY", inspected_at=NOW - 40 * DAY, findings=2),
        Hazard(id="H-1", enterprise_id=A, description="液氨储罐区可燃气体报警器失效", level="重大", source="执法",
               status="待整改", found_at=NOW - 40 * DAY, deadline=NOW - 10 * DAY, inspection_id="INS-1"),
        Hazard(id="H-2", enterprise_id=A, description="消防通道堆放杂物", level="一般", source="执法",
               status="已验收", found_at=NOW - 40 * DAY, deadline=NOW - 30 * DAY, rectified_at=NOW - 35 * DAY,
               verified_at=NOW - 33 * DAY, inspection_id="INS-1"),
        Hazard(id="H-3", enterprise_id=B, description="除尘系统未接地", level="一般", source="企业自查",
               status="整改中", found_at=NOW - 2 * DAY, deadline=NOW + 5 * DAY),
        Penalty(id="P-1", enterprise_id=A, inspection_id="INS-1", organ="江阴市应急管理局",
                facts="未按规定维护可燃气体报警装置", basis="《中华人民共和国安全生产法》第九十九条",
                decision="罚款", amount_yuan=30000, decided_at=NOW - 20 * DAY),
        SpecialOperation(id="SO-1", enterprise_id=A, op_type="动火", location="罐区管廊",
                         starts_at=NOW + 2 * 3_600_000, ends_at=NOW + 6 * 3_600_000),
        SpecialOperation(id="SO-2", enterprise_id=A, op_type="受限空间", location="污水池",
                         starts_at=NOW - 5 * DAY, ends_at=NOW - 5 * DAY + 3_600_000),
        RescueTeam(id="T-1", name="临港危化救援队", team_type="危化", town="临港经济开发区", members=30,
                   lat=31.935, lon=120.18),
        RescueTeam(id="T-2", name="华士镇专职消防队", team_type="消防", town="华士镇", members=20,
                   lat=31.835, lon=120.44),
        Expert(id="X-1", name="王工", speciality="危化", organisation="江阴市应急管理局", town="临港经济开发区",
               lat=31.92, lon=120.2),
        Equipment(id="EQ-1", name="正压式空气呼吸器", equipment_type="个体防护", quantity=20, team_id="T-1",
                  lat=31.935, lon=120.18),
        Person(id="PER-1", name="李四", title="安全负责人", enterprise_id=A, phone="13800000001"),
        Person(id="PER-2", name="赵六", title="值班员", department_id="D-CITY"),
        DutyShift(id="DS-1", level="市", person_id="PER-2", role="值班员", starts_at=NOW, ends_at=NOW + DAY),
        Event(id="EV-1", event_type="烟雾", source="视频算法", level="橙色", status="待研判", occurred_at=NOW - DAY,
              updated_at=NOW - DAY, town="临港经济开发区", description="罐区东侧疑似烟雾", enterprise_id=A,
              camera_id="CAM-1", lat=31.9301, lon=120.1702),
        Event(id="EV-2", event_type="有毒气体超标", source="物联阈值", level="红色", status="已处置",
              occurred_at=NOW - 3 * DAY, updated_at=NOW - 2 * DAY, town="临港经济开发区",
              description="氨浓度超过阈值", enterprise_id=A, sensor_id="S-2", lat=31.93, lon=120.17),
    ]
