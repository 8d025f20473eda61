"""Two towns' emergency-material warehouses, each with one item below its minimum stock.

Kept apart from ``fixture_city`` so the contract tests' counts do not move; the red-team city and the
stock-scope tests load both. Names carry their town so ``scope_leaks`` markers ("临港", "华士") catch a
row of the other town.
"""

from __future__ import annotations

from core.models.base import Entity
from core.models.resources import Material, Warehouse


def stock_entities() -> list[Entity]:
    return [
        Warehouse(
            id="WH-LINGANG", name="临港经济开发区应急物资库", town="临港经济开发区", lat=31.93, lon=120.17
        ),
        Material(
            id="MAT-LINGANG-A",
            name="防化手套",
            warehouse_id="WH-LINGANG",
            quantity=3,
            unit="副",
            min_stock=50,
            lat=31.93,
            lon=120.17,
        ),
        Warehouse(id="WH-HUASHI", name="华士镇应急物资库", town="华士镇", lat=31.83, lon=120.44),
        Material(
            id="MAT-HUASHI-A",
            name="救生衣",
            warehouse_id="WH-HUASHI",
            quantity=2,
            unit="件",
            min_stock=40,
            lat=31.83,
            lon=120.44,
        ),
    ]
