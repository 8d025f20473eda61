"""Traditional characters typed into Chinese questions (臨港 for 临港, 紅色 for 红色) → simplified.

A table of the characters duty-officer questions and event searches use (places, safety and
supervision words, statuses and levels, time and counting words), not a conversion library: the
only candidates (OpenCC, zhconv) are not in the environment and one character table covers the
vocabulary the rules read. Shared by the chat (``agents.chat.slots``) and event search.
"""

from __future__ import annotations

_TRADITIONAL = (
    "臨華業幾險鎮區開發東陽們個為單報檢處罰隱級類離線綫傳監視頻頭點風場應預氣煙霧災設備數總計統還這邊裡裏麼麽誰電話長涇橋莊顧"
    "閘雲鋼鐵紡織機輕藥醫貿儲庫動裝時斷廠來問題嗎會對錢給間員產經營帶滅溫壓異闖傷車進號碼門戶現實況與從後於當夠補沒網歷詳細態"
    "狀規標違執嚴圍樣幫請聯繫係負責錄檔縣鄉園內萬兩條項筆層樓週禮淩測儀錶燒墜觸傾颱澇礦銷塗膠製鑄鋁銅務勞徵驗閉環辦體據團紅黃"
    "藍綠較該約簽賃轄組隊師護輛濃攝鏡過節興豐順達勝絲鏈輪閥淨蘇錫陰寧廣說認識記許調變見領額顯無舊雙壞聽難靜遠運選適鄰錯鎖關隨"
    "雜響頂養餘專啟資倉誤確閾結眾舉審屬鐘國慶氫熱佔擋牆燙洩詢範濟鍋爐"
)
_SIMPLIFIED = (
    "临华业几险镇区开发东阳们个为单报检处罚隐级类离线线传监视频头点风场应预气烟雾灾设备数总计统还这边里里么么谁电话长泾桥庄顾"
    "闸云钢铁纺织机轻药医贸储库动装时断厂来问题吗会对钱给间员产经营带灭温压异闯伤车进号码门户现实况与从后于当够补没网历详细态"
    "状规标违执严围样帮请联系系负责录档县乡园内万两条项笔层楼周礼凌测仪表烧坠触倾台涝矿销涂胶制铸铝铜务劳征验闭环办体据团红黄"
    "蓝绿较该约签赁辖组队师护辆浓摄镜过节兴丰顺达胜丝链轮阀净苏锡阴宁广说认识记许调变见领额显无旧双坏听难静远运选适邻错锁关随"
    "杂响顶养余专启资仓误确阈结众举审属钟国庆氢热占挡墙烫泄询范济锅炉"
)
_TO_SIMPLIFIED = str.maketrans(_TRADITIONAL, _SIMPLIFIED)


def simplified(text: str) -> str:
    """``text`` with the traditional characters of the table written in simplified form."""
    return text.translate(_TO_SIMPLIFIED)
