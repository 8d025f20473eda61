"""Names in the sample-plan corpus: the plans with ground truth, those held out of rule tuning, the scans.

Kept apart from ``evals.plan_corpus`` (rendering and loading) so that module stays small; import from either.
"""

from __future__ import annotations

# The plans with ground truth, and the one rendered as a scan as well (short, so OCR stays quick).
PLANS = (
    "city_hazchem",
    "enterprise_comprehensive",
    "site_tank_leak",
    "town_flood",
    "dept_transport",
    "enterprise_confined_space",
    "town_huangtu_overall",
    "enterprise_ammonia_coldstore",
    "lingang_hazchem_table",
    "enterprise_dust_onsite",
    "dept_special_equipment",
    "town_forest_fire",
    "enterprise_construction_overall",
    "town_gas_special",
    "port_terminal_overall",
    "chlorine_leak_onsite",
    "town_yunting_overall",
    "enterprise_casting_special",
    "city_gongmao_special",
    "enterprise_furnace_onsite",
    "town_changjing_hazmat_road",
    "enterprise_dyeing_overall",
    "town_xiagang_flood_table",
    "dept_housing_construction",
    "town_xuxiake_confined_dust",
    "electric_shock_onsite",
    "enterprise_acrylonitrile_leak",
    "dept_emergency_metallurgy",
    "enterprise_wire_overall",
    "park_lithium_fire",
    "onsite_crane_cards",
    "onsite_pit_h2s_cards",
    "enterprise_coating_fire_special",
    "town_yuecheng_overall",
    "warehouse_fire_outline",
    "enterprise_chlorine_slides",
    "town_ligang_typhoon_checklist",
    "mall_fire_qa_onsite",
    "enterprise_faq_comprehensive",
    "community_fire_card",
    "village_flood_card",
    "tankfarm_epoxy_form",
    "enterprise_resin_gbt_overall",
    "steel_gas_special_cards",
    "town_zhutang_safety_gov",
    "grain_fumigation_form",
    "hazchem_h2s_consultant",
    "dept_education_campus",
    "onsite_press_injury_workshop",
    "textile_mixed_org_overall",
    "dept_health_medical_rescue",
    "onsite_boiler_gas_cards",
    "dept_civil_affairs_eldercare",
    "onsite_sulfonation_dcs_cards",
    "dept_water_flood_warning_table",
    "dept_commerce_retail",
    "onsite_plating_acid_lines",
    "onsite_forklift_warehouse_card",
    "enterprise_orgchart_bullets_overall",
    "town_zhutang_event_grades",
    "enterprise_fire_appendix_contacts",
    "special_sewage_pit_qa_checklist",
    "dept_culture_tourism_scenic",
    "town_nanzha_crowded_fire",
    "enterprise_electronics_tree_appendix",
    "onsite_injection_molding_injury",
    "hazchem_styrene_tier_table",
    "town_huashi_member_table",
    "onsite_coating_card_phone_columns",
    "enterprise_bracket_chart_scanpage",
    "hazchem_qingyang_coating_tiers",
    "town_gushan_member_duties_table",
    "onsite_steel_fall_duties_card",
    "enterprise_xiake_chart_scan_org",
    "town_zhouzhuang_park_joint",
    "hazard_lijiang_tank_tiers",
    "dept_grain_reserve_flowchart",
    "enterprise_yuecheng_articles_scanorg",
    "dept_power_supply_members",
    "town_shengang_park_joint",
    "onsite_boiler_room_alarm_card",
    "hazard_xiagang_articles_flowchart",
    "town_yunting_geohazard_warning",
    "enterprise_lingang_bilingual_template",
    "dept_fire_rescue_combat_units",
    "onsite_gas_pipeline_two_groups",
    "town_huangtu_shashan_geohazard",
    "enterprise_xinqiao_bilingual_sop",
    "dept_water_supply_shared_office",
    "onsite_plant_fire_brigade_combat",
    "enterprise_shenxia_tank_articles",
    "enterprise_yuecheng_fire_squads",
    "town_qingyang_hazroad_articles",
    "enterprise_huangtu_warehouse_squads",
    "town_changjing_gas_articles",
    "enterprise_huashi_fiber_squads",
    "port_litong_wharf_front_rear",
    "construction_site_contractor_lines",
    "hospital_chengnan_office_table",
    "school_qingyang_dash_lines",
    "mall_chengzhong_floor_wardens",
    "sewage_chengxi_h2s_office",
    "street_chengdong_typhoon_communities",
    "lpg_station_step_table",
    "village_shizhuang_flood_grids",
    "hazmat_chengyun_fleet_transport",
    "power_ligang_boiler_shift",
    "stadium_citysports_crowd_zones",
    "gas_chengxin_pipeline_crews",
    "hotel_chengdong_duty_roster",
    "park_lingang_logistics_subclauses",
    "waterworks_qingyang_chlorine_signoff",
    "town_xinqiao_safety_overall",
    "enterprise_chengfeng_machinery_overall",
    "coating_lingang_tier_signoff",
    "hospital_xiagang_group_roster",
    "tankfarm_shengang_fire_post_columns",
    "street_nanzha_confined_space_table",
    "town_huangtu_forest_fire_alias",
    "textile_zhutang_shift_teams_overall",
    "town_yuecheng_hazchem_info_table",
    "street_xiagang_nested_numbered_org",
    "enterprise_zhouzhuang_wood_dust_posts",
    "scenic_dingshan_lake_transposed",
    "school_xiagang_canteen_card_matrix",
    "park_ligang_liaison_pairs",
    "bus_chengtong_name_duty_lines",
    "hospital_chengbei_casualty_grades",
    "eldercare_zhouzhuang_wiki_export",
    "wharf_shenxia_vessel_maritime",
    "site_zhouzhuang_pm_chain",
    "gas_chengran_element_tables",
    "hazmat_xiagang_tanker_crews",
    "school_chengnan_grade_floors",
    "coldchain_zhouzhuang_sheet_export",
    "thermal_oil_huashi_nested_cells",
    "hydrogen_yunting_textbox_contacts",
    "town_huashi_gas_paired_levels",
    "hazchem_shenlian_post_step_cards",
    "school_zhouzhuang_bullet_roster",
    "site_ligang_tower_crane_collapse",
    "street_shengang_hazchem_matrix",
    "enterprise_ruicheng_scenario_cards",
    "town_changjing_flood_rowspan_org",
    "town_gushan_quake_continued_table",
)
# Plans kept out of rule tuning: the honest figure. dept_transport and enterprise_confined_space were
# held out first, then town_huangtu_overall and enterprise_ammonia_coldstore (written without looking
# at the importer); once the importer was tuned on their misses each became development data. The
# plans-robust round tuned on four more outside-author plans (lingang_hazchem_table,
# enterprise_dust_onsite, dept_special_equipment, town_forest_fire) and then wrote these two without
# changing the importer; the plans-robust2 round tuned on their misses (development data since) and
# wrote port_terminal_overall and chlorine_leak_onsite before running its changed importer on them;
# plans-robust3 tuned on those two (development data since) and wrote town_yunting_overall and
# enterprise_casting_special before running its changed importer on them (development data since
# plans-robust4 tuned on their misses); plans-robust4 wrote
# city_gongmao_special and enterprise_furnace_onsite before running its changed importer on them: do
# not tune on held-out plans; the next round moves them to development data. plans-robust5 tuned on
# those two (development data since) and wrote town_changjing_hazmat_road and enterprise_dyeing_overall
# before running its changed importer on them (measured once: micro F1 0.78 rules-only);
# plans-robust6 tuned on those two (development data since) and wrote town_xiagang_flood_table and
# dept_housing_construction before running its changed importer on them (measured once: micro F1 0.83
# rules-only over docx + pdf; 0.72 and 0.94); plans-robust7 tuned on those two (development data since)
# and wrote town_xuxiake_confined_dust and electric_shock_onsite before running its changed importer on
# them (measured once: micro F1 0.81 rules-only over docx + pdf; 0.83 and 0.77); plans-robust8 tuned on
# those two (development data since) and wrote enterprise_acrylonitrile_leak before running its changed
# importer on it (measured once: micro F1 0.97 rules-only over docx + pdf). plans-robust9 wrote four
# plans as an outside author before reading the rules, measured three once (dept_emergency_metallurgy
# 0.91, enterprise_wire_overall 0.80, park_lithium_fire 0.79), tuned on those three (development data
# since) and measured onsite_crane_cards once after its changes (0.67). It did not tune on
# enterprise_acrylonitrile_leak (a general rule of that round lifted it to 0.99), so both stay held out.
# plans-robust10 wrote four plans as an outside author before reading the rules, measured three once
# (onsite_pit_h2s_cards 0.72, enterprise_coating_fire_special 0.84, town_yuecheng_overall 0.96; 0.87
# together), tuned on those three (development data since) and measured warehouse_fire_outline once
# after its changes (0.58). Its post-card rule covers the layout onsite_crane_cards exposed (0.67 →
# 0.90), so that plan's figure is no longer a clean held-out number; it stays listed to be watched.
# plans-robust11 wrote three outline-style plans as an outside author before reading the rules,
# measured two once (enterprise_chlorine_slides 0.29, town_ligang_typhoon_checklist 0.59), tuned on
# them (development data since) and measured mall_fire_qa_onsite (a Q&A 现场处置方案) once after its
# changes (0.61). Its outline rules target the family warehouse_fire_outline belongs to (0.58 → 0.83,
# its misses unread), so that figure is no longer a clean held-out number either.
# plans-robust12 wrote enterprise_faq_comprehensive (an FAQ 综合预案), measured it once (0.72), tuned on
# it (development data since) and measured community_fire_card (a 社区 应急明白卡) once after its
# changes. Its Q&A rules target the family mall_fire_qa_onsite belongs to (0.61 → 0.63, its source and
# misses unread), so that figure is no longer a clean held-out number.
# plans-robust13 wrote village_flood_card (a 村 应急明白卡 in spoken labels), measured it once (0.49),
# tuned on it (development data since) and measured tankfarm_epoxy_form (a 危化 现场处置方案 as one
# 项目 | 内容 form) once after its changes (0.84 / 0.83). Its card rules target the family
# community_fire_card belongs to (0.49 → 0.79, its source and misses unread), so that figure is no longer
# a clean held-out number.
# plans-robust14 wrote four conventional plans before reading the rules and measured all four once
# before any change: enterprise_resin_gbt_overall (a GB/T 29639 危化 综合预案, 0.93) and
# steel_gas_special_cards (a 冶金煤气 专项 with 【二级处置】 cards, 0.78) were tuned on (development data
# since); town_zhutang_safety_gov (a 镇 government plan behind its 印发通知, 0.98) and
# grain_fumigation_form (a 粮库 现场处置方案 as one 项目 | 内容 form, 0.78 / 0.76) were held out and
# measured once more after the round's changes (0.98; 0.80 / 0.79).
# plans-robust15 wrote four conventional plans before reading the rules and measured all four once
# before any change: hazchem_h2s_consultant (a consultant's 危化 中毒窒息 专项 with a merged org table and
# 应急处置卡, 0.85) and textile_mixed_org_overall (an in-house 综合预案, organisation in prose and a roles
# table, 0.75) were tuned on (development data since); dept_education_campus (a 教育局 部门预案 in 第X条
# articles, 0.74) and onsite_press_injury_workshop (a workshop 机械伤害 现场处置方案, 0.94) were held out
# and measured once more after the round's changes (0.75; 0.94; DOCX and PDF alike).
# plans-robust16 wrote eight plans weighted to the weakest kinds (部门预案 of other bureaus, workshop
# 现场处置方案 with contacts as plain lines and 中控室 / 调度室 lines) before reading the rules, and measured
# all eight once before any change (DOCX / PDF): dept_health_medical_rescue 0.85 / 0.84,
# onsite_boiler_gas_cards 0.68 / 0.67, dept_civil_affairs_eldercare 0.78 / 0.78 and
# onsite_sulfonation_dcs_cards 0.88 / 0.88 were tuned on (development data since, 1.00);
# dept_water_flood_warning_table 0.74, dept_commerce_retail 0.93 / 0.92, onsite_plating_acid_lines 0.70
# and onsite_forklift_warehouse_card 0.69 were held out and measured once more after the round's changes
# (0.88, 1.00, 0.73, 0.86; DOCX and PDF alike).
# plans-robust17 wrote eight plans carrying round 16's weak spots in new wording plus four new layouts
# (nested-bullet org charts, levels by event class, an appendix contact table over a PDF page break, a
# Q&A self-check 专项) before reading the rules, and measured all eight once before any change (DOCX /
# PDF): enterprise_orgchart_bullets_overall 0.90, town_zhutang_event_grades 0.94,
# enterprise_fire_appendix_contacts 0.96 and special_sewage_pit_qa_checklist 0.75 were tuned on
# (development data since); dept_culture_tourism_scenic 0.75, town_nanzha_crowded_fire 0.68,
# enterprise_electronics_tree_appendix 0.87 and onsite_injection_molding_injury 0.69 / 0.67 were held out
# and measured once more after the round's changes (0.82, 0.72, 0.88, 0.81 / 0.79).
# plans-robust18 wrote eight plans carrying round 17's weak spots in new wording plus five new layouts (危化
# 车间级 / 公司级 / 社会级 tiers, an organisation only as a 小组 | 组长 | 成员 | 职责 table with multi-line cells, a
# town 成员单位 table of 20+ units, a page scanned into a text PDF, an 应急处置卡 with 报警电话 / 内部电话
# columns) before reading the rules, and measured all eight once before any change (DOCX / PDF):
# hazchem_styrene_tier_table 0.92, town_huashi_member_table 0.68, onsite_coating_card_phone_columns 0.77
# and enterprise_bracket_chart_scanpage 0.69 were tuned on (development data since);
# hazchem_qingyang_coating_tiers 0.99, town_gushan_member_duties_table 0.51, onsite_steel_fall_duties_card
# 0.82 and enterprise_xiake_chart_scan_org 0.69 were held out and measured once more after the round's
# changes (0.99, 0.91, 0.82, 0.96 / 0.69: its scanned org page).
# plans-robust20 wrote eight plans carrying round 19's weak spots in new wording (topic words between the grade
# and 事件 in level headings, two groups set up in one paragraph, a shared office, stock in 米/卷/套, an alarm cell
# naming an org with its number) plus new kinds (a plan translated from an English group template, levels in a
# 级别 | 内容 table, a 消防 作战编成, contacts inside duty paragraphs, a town 地质灾害 plan whose 预警 and 响应 levels
# differ in count) before reading the rules, and measured all eight once before any change (see evals/README.md).
# plans-robust21 wrote four plans carrying round 20's weak spots in new wording (预警 colours in one paragraph,
# article level headings, "由A任组长，B任副组长", Incident Commander posts, 工作组 beside a 领导小组, fire squads by
# 班, "委员会下设…小组（…）") before reading the rules, and measured all four once (see evals/README.md).
# plans-robust21b (round 22) wrote two more held-out plans of the same families in other wording before reading the
# rules, and measured them once before its changes.
# plans-robust24 wrote four plans of new families (mall floor wardens, sewage-plant office groups, a 街道
# typhoon plan with 社区 contact lines, an LPG station step table) before reading the rules; the last two are held out.
# plans-robust25 wrote four more (a 村 flood plan with 网格 contact lines and levels in a numbered paragraph list, a
# 危化品运输 company with 车队 posts and contacts in prose, a 热电厂 plan with 值长 and 运行值 in a table, a 体育中心
# crowd plan with zone leaders) before reading the rules; the last two are held out.
# plans-robust26 wrote four more (a 燃气公司 pipeline plan with 抢修班组 as table rows and a 调度室 heading, a hotel
# plan with a 24小时值班 post table, a 物流园 管理处 plan with a) b) c) duties, a 水厂 现场处置方案 whose issuer and date
# sit in a sign-off table at the end) before reading the rules; the last two are held out.
# plans-robust27 wrote two ordinary plans (a 镇 安全生产事故总体预案 and a 机械 works' 综合预案, each with a cover, a 目录,
# a text org chart and 附件 tables) before reading the rules and held both out; round 26's two held-out plans, measured
# twice, became development data.
# plans-robust28 wrote three (a 涂料 works' tiered plan with a cover sign-off block, a hospital 综合预案 with a roster
# table and "（一）组名：" groups, also scanned; a 罐区 fire 现场处置方案 whose duty table has one column per post) before
# reading the rules; the last two are held out. Round 27's two held-out plans, measured twice, became development data.
# plans-robust29 wrote one (a 街道 有限空间 专项 with a 工作组 | 组长单位 | 成员单位 | 工作职责 table and a 响应分级 table)
# before reading the rules and held it out. Round 28's two held-out plans (hospital_xiagang_group_roster,
# tankfarm_shengang_fire_post_columns), measured twice, became development data: this round tuned on their misses.
# plans-robust30 wrote two (a 镇 森林防火 plan whose 指挥部 is defined "（以下简称镇指挥部）" under a heading using the short
# name, a 纺织 firm's 综合预案 with shift 救援队伍 and a 24小时值班电话 list) before reading the rules and held both out;
# round 29's street_nanzha_confined_space_table, measured twice, is development data (its misses were tuned on).
# plans-robust32 wrote two (a 街道 综合预案 whose organisation is a nested numbered list, levels only in prose; a 木业
# 粉尘爆炸 专项 with a 岗位 | 职责 table and 一是…二是… measures) before reading the rules and held the second out; round
# 31's town_yuecheng_hazchem_info_table, measured twice, is development data (this round tuned on its misses).
# plans-robust33 wrote one (a 旅游景区 operator's 综合预案 with its levels and contacts as transposed tables, ■ work groups
# and team kit in a table cell) before reading the rules and held it out; round 32's
# enterprise_zhouzhuang_wood_dust_posts, measured twice, is development data (this round tuned on its misses).
# plans-robust34 wrote one (a 学校 食堂 现场处置方案 whose post cards are one transposed matrix, a column per post) before
# reading the rules and held it out; round 33's scenic_dingshan_lake_transposed, measured twice, is development data
# (this round tuned on its misses).
# plans-robust35 wrote one (a 化工园区 管委会 专项 plan whose 附件 应急联络表 has two persons per row) before reading the
# rules and held it out; round 34's school_xiagang_canteen_card_matrix, measured twice, is development data (this round
# tuned on its misses).
# plans-robust36 wrote two (a 公交 operator's 专项 plan whose organisation is "姓名——职务——职责" lines and whose levels sit in a
# table with a 响应措施 cell merged over two levels; a hospital plan graded by 伤员人数 with a group table whose 组长 cell is
# merged) before reading the rules and held both out; round 35's park_ligang_liaison_pairs, measured twice, is development
# data (this round tuned on its misses).
# plans-robust37 wrote two (a 养老院 plan exported from a wiki, headings numbered "4.2.1" only and every table without a
# header row; a 长江 wharf's 船舶靠离泊 plan with 海事 liaison by VHF and phone and 船舶 in its stock) before reading the rules
# and held both out; round 36's two held-out plans, measured twice, are development data (this round tuned on their misses).
# plans-robust38 wrote two (a 建筑工地 项目部 plan with its 项目经理 chain as one arrow line; a 燃气 company's 抢险 plan whose
# every section is a 要素 | 内容 table) before reading the rules and held both out; round 37's two held-out plans, measured
# twice, are development data (this round tuned on their misses).
# plans-robust39 wrote one (a 危化品运输 company's plan whose 车队 roster is a 车辆 | 驾驶员 | 押运员 table with names and
# phones in one cell, levels 车辆级 / 车队级 / 公司级 in a table, reporting as arrow steps) before reading the rules and
# held it out; round 38's two held-out plans, measured twice, are development data (this round tuned on their misses).
# plans-robust40 wrote one (a school's 火灾 疏散 plan with 年级组 as rows of a table by floor, a 班级疏散小组 led by
# 班主任 and its levels as a vertical flow chart) before reading the rules and held it out; round 39's held-out plan,
# measured twice, is development data (this round tuned on its misses).
# plans-robust41 wrote one (a 冷链 company's 液氨 plan kept as a spreadsheet and exported as "|"-separated lines, merged
# cells filled on their first row only) before reading the rules and held it out; round 40's held-out plan, measured twice,
# is development data (this round tuned on its misses).
# plans-robust42 wrote no new plan (no time); round 41's held-out plan, measured twice, is development data (this round
# tuned on its misses).
# plans-robust43 wrote one (a 导热油炉 火灾 plan laid out in Word with tables nested in table cells: each body's posts and
# phones as a small table inside the 人员组成 cell, internal and external contacts as two tables side by side in one layout
# table) before reading the rules and held it out (0.764 DOCX / PDF before and after that round's changes).
# plans-robust44 wrote one (a 氢气站 plan whose phone numbers sit in Word text boxes: an 应急联络卡 box, an external box,
# a flow chart of boxes) before reading the importer code and held it out; round 43's held-out plan, measured twice, is
# development data (this round tuned on its misses).
# plans-robust45 wrote one (a 镇 燃气 plan pairing each warning colour with its response level in one paragraph, the
# commander in prose) before reading the importer code and held it out; round 44's held-out plan, measured twice, is
# development data (this round tuned on its misses).
# plans-robust47 wrote one (a 学校 plan whose 领导小组 is "● 总指挥：校长　X（手机）" bullets, a dot-leader 目录, and an
# appendix of "单位——电话" lines) before reading the importer code and held it out; round 46's held-out plan, measured
# twice, is development data (this round tuned on its misses).
# plans-robust48 wrote one (a 建筑工地 项目部's 塔吊倒塌 现场处置方案: its organisation a two-level numbered list whose
# posts carry the phone in a trailing "（手机：…）" bracket, levels in a 分级 | 条件 | 响应 table with a two-row merged
# header) before reading the importer code and held it out; round 47's held-out plan, measured twice, is development
# data (this round tuned on its misses).
# plans-robust49 wrote one (a 街道 危化 专项 whose levels are a 2×2 事件后果 × 影响范围 matrix followed by "满足下列条件之一的为
# Ⅰ级响应：（1）…" prose, the 指挥部 in a 职务 | 姓名 | 单位职务 | 办公电话 | 手机 table) before reading the level-table code
# and held it out; round 48's held-out plan, measured twice, is development data (this round tuned on its misses).
# plans-robust50 wrote one (a metal works' 综合预案 with 编号 / 版本 in a running header, 班组级 / 车间级 / 公司级 levels without
# numerals, 现场处置方案 cards as one 岗位 | 风险 | 处置步骤 | 注意事项 table per scenario, an 通讯录 over a PDF page break) before
# reading the importer code and held it out; round 49's held-out plan, measured twice, is development data (this round
# tuned on its misses).
# plans-robust51 wrote one (a 镇 防汛防台 专项 whose 组织机构及职责 is one table with the 机构 and 主要职责 cells merged down
# over each body's posts, 预警 colours and Ⅳ–Ⅰ级响应 in one section, a "①…→②…" 应急响应流程, contacts split between a
# 镇领导 and a 村（社区） table, 物资 / 避难场所 appendices) before reading the importer code and held it out; round 50's
# held-out plan, measured twice, is development data (this round tuned on its misses).
# plans52 wrote one (a 镇 地震 专项 whose 镇抗指 组成人员 table breaks over a page and goes on as "表1（续）" with the
# 机构 cell of its first continued row blank, groups as "（1）X组：组长由A担任，副组长由B担任，成员由C组成。主要职责：…"
# paragraphs, a numbered 附件 list, a two-column 应急联系表 and a 村（社区） table two villages per row) before reading the
# importer code and held it out; round 51's held-out plan, measured twice, is development data (this round tunes on it).
HELD_OUT: tuple[str, ...] = (
    "enterprise_acrylonitrile_leak",
    "onsite_crane_cards",
    "warehouse_fire_outline",
    "mall_fire_qa_onsite",
    "community_fire_card",
    "tankfarm_epoxy_form",
    "town_zhutang_safety_gov",
    "grain_fumigation_form",
    "dept_education_campus",
    "onsite_press_injury_workshop",
    "dept_water_flood_warning_table",
    "dept_commerce_retail",
    "onsite_plating_acid_lines",
    "onsite_forklift_warehouse_card",
    "dept_culture_tourism_scenic",
    "town_nanzha_crowded_fire",
    "enterprise_electronics_tree_appendix",
    "onsite_injection_molding_injury",
    "hazchem_qingyang_coating_tiers",
    "town_gushan_member_duties_table",
    "onsite_steel_fall_duties_card",
    "enterprise_xiake_chart_scan_org",
    "dept_power_supply_members",
    "town_shengang_park_joint",
    "onsite_boiler_room_alarm_card",
    "hazard_xiagang_articles_flowchart",
    "town_huangtu_shashan_geohazard",
    "enterprise_xinqiao_bilingual_sop",
    "dept_water_supply_shared_office",
    "onsite_plant_fire_brigade_combat",
    "town_qingyang_hazroad_articles",
    "enterprise_huangtu_warehouse_squads",
    "town_changjing_gas_articles",
    "enterprise_huashi_fiber_squads",
    "hospital_chengnan_office_table",
    "school_qingyang_dash_lines",
    "street_chengdong_typhoon_communities",
    "lpg_station_step_table",
    "power_ligang_boiler_shift",
    "stadium_citysports_crowd_zones",
    "town_gushan_quake_continued_table",
)
SCANNED = ("site_tank_leak", "hospital_xiagang_group_roster")
NOT_A_PLAN = "notice_meeting"
