"""Text-to-Cypher fallback for questions no template fits (issue #5 §1–§2).

``answer_with_cypher(question, scope=…, chat_model=…, store=…)`` → ``CypherAnswer`` or
``CypherRejectedError``. The guard and the scope rewrite live in ``graph.cypher_guard``; the
prompt in ``prompts/text_to_cypher/``.
"""

from agents.cypher.pipeline import CypherAnswer, CypherAttempt, CypherDraft, answer_with_cypher
from graph.cypher_guard import CypherRejectedError

__all__ = ["CypherAnswer", "CypherAttempt", "CypherDraft", "CypherRejectedError", "answer_with_cypher"]
