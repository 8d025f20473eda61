"""Digital emergency plans (数字化预案): DOCX/DOC/PDF import and GB/T 29639 structuring.

The one entry point is ``plans.pipeline.import_plan(data, filename, chat_model=None, ...)`` →
``ImportResult(plan: core.plan_document.EmergencyPlan, report, sha256, filename, media_type, blocks)``.
Stages: ``intake`` (format by bytes, limits, blob store) → ``docx_parser`` / ``pdf_parser``
(+ ``pdf_layout``, ``ocr``) → ``structure`` (blocks, numbering) → ``sections`` (skeleton) →
``rules_*`` → ``llm_extract`` → validated plan. ``plans.schema`` writes the committed JSON Schema.
Errors: ``plans.errors``.

After import: review, versions and publishing (``service.py``, ``service_versions.py``, ``review.py``),
templates and the plan system (``catalogue.py``), graph projection (``graph_mapping.py``), knowledge
base (``knowledge.py``).
"""
